package io.github.perfgate.profile;

import io.github.perfgate.gate.Describe;
import io.github.perfgate.model.Metric;
import io.github.perfgate.report.TextTable;
import io.github.perfgate.report.TextTable.Align;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The profile as the user reads it: lines for the build log (one aligned table per benchmark) and a markdown file
 * ({@code profile.md}) with the same tables, the allocation per operation and a note on how self time was sampled.
 */
public final class ProfileReport {

    /** How many methods a table lists unless told otherwise. */
    public static final int DEFAULT_TOP = 20;

    /** Below this many samples a note says the shares are rough. */
    static final long FEW_SAMPLES = 100;

    /** From this share of samples in JMH's own frames on, a note explains what that means. */
    static final double HARNESS_NOTE_SHARE = 0.2;

    /** Who sampled the stacks. */
    public enum Sampler {
        /** JMH's {@code jfr} profiler; the recordings were read into {@link HotMethods}. */
        JFR,
        /** JMH's {@code async} profiler; its own files hold the results. */
        ASYNC
    }

    /** The table's alignment, header included: the numbers right, the last column (the method) left. */
    private static final Align[] COLUMNS = {Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT};

    private final List<BenchmarkProfile> profiles;
    private final Sampler sampler;
    private final int top;

    public ProfileReport(List<BenchmarkProfile> profiles, Sampler sampler, int top) {
        this.profiles = List.copyOf(profiles);
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, was " + top);
        }
        this.top = top;
    }

    /** The lines for the build log: per benchmark a title line, the table of hot methods and where the files are. */
    public List<String> consoleLines() {
        List<String> lines = new ArrayList<>();
        for (BenchmarkProfile profile : profiles) {
            HotMethods hot = profile.hotMethods();
            StringBuilder title = new StringBuilder("Profile of ").append(profile.title()).append(": ")
                    .append(score(profile.score())).append(", ");
            if (profile.allocation() != null) {
                title.append(allocation(profile.allocation())).append(" allocated");
            } else {
                title.append("allocation not measured");
            }
            if (hot != null) {
                title.append(", ").append(hot.totalSamples())
                        .append(hot.totalSamples() == 1 ? " CPU sample" : " CPU samples");
            }
            lines.add(title.toString());
            if (hot != null && hot.totalSamples() > 0) {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"#", "Samples", "Self time", "Method"});
                int rank = 1;
                for (HotMethod m : hot.top(top)) {
                    rows.add(new String[] {String.valueOf(rank++), String.valueOf(m.samples()), share(m.share()),
                        m.method()});
                }
                for (String row : TextTable.lines(rows, COLUMNS, COLUMNS)) {
                    lines.add("  " + row);
                }
            } else if (hot != null) {
                lines.add("  No CPU samples were recorded for this benchmark.");
            }
            for (String note : notes(hot)) {
                lines.add("  Note: " + note);
            }
            for (Path file : profile.files()) {
                lines.add("  " + (sampler == Sampler.JFR ? "JFR recording: " : "async-profiler output: ") + file);
            }
        }
        return lines;
    }

    /**
     * The markdown report.
     *
     * @param reportDirectory the directory the report is written to; file links are made relative to it
     */
    public String markdown(Path reportDirectory) {
        StringBuilder md = new StringBuilder();
        md.append("# perfgate profile\n\n");
        md.append(sampler == Sampler.JFR
                ? "Where the time goes: for each benchmark, the methods that were running (on top of the stack) when"
                        + " a thread was sampled, i.e. their self time, not counting the methods they call.\n"
                : "Where the time goes, sampled by async-profiler: its files are listed for each benchmark.\n");
        for (BenchmarkProfile profile : profiles) {
            HotMethods hot = profile.hotMethods();
            md.append("\n## ").append(codeSpan(profile.key().displayName())).append(" (")
                    .append(profile.key().mode().shortName()).append(")\n\n");
            md.append("- Score: ").append(score(profile.score()))
                    .append(" (measured while profiling, for orientation only)\n");
            if (hot != null) {
                md.append("- CPU samples: ").append(hot.totalSamples()).append('\n');
            }
            md.append("- Allocation: ").append(allocation(profile.allocation()));
            if (profile.allocation() != null) {
                md.append(" (`gc.alloc.rate.norm`)");
            }
            md.append('\n');
            for (Path file : profile.files()) {
                String link = link(reportDirectory, file);
                md.append(sampler == Sampler.JFR ? "- JFR recording: " : "- async-profiler output: ")
                        .append('[').append(codeSpan(link)).append("](").append(link.replace(" ", "%20"))
                        .append(")\n");
            }
            if (hot != null && hot.totalSamples() > 0) {
                md.append("\n| # | Method | Samples | Self time |\n|--:|:--|--:|--:|\n");
                int rank = 1;
                for (HotMethod m : hot.top(top)) {
                    md.append("| ").append(rank++).append(" | ").append(tableCode(m.method())).append(" | ")
                            .append(m.samples()).append(" | ").append(share(m.share())).append(" |\n");
                }
                int more = hot.ranked().size() - top;
                if (more > 0) {
                    md.append('\n').append(more).append(more == 1 ? " more method had the other " : " more methods"
                            + " shared the other ").append(share(rest(hot))).append(" of the samples.\n");
                }
            } else if (hot != null) {
                md.append("\nNo CPU samples were recorded for this benchmark.\n");
            }
            List<String> notes = notes(hot);
            if (!notes.isEmpty()) {
                md.append('\n');
                for (String note : notes) {
                    md.append("> ").append(note).append('\n');
                }
            }
        }
        md.append("\n## How this was measured\n\n");
        if (sampler == Sampler.JFR) {
            md.append("JMH's `jfr` profiler ran JDK Flight Recorder in each benchmark's forked JVM with the `profile`"
                    + " settings, from the first to the last measurement iteration (warm-up is not recorded), and"
                    + " with `-XX:+DebugNonSafepoints`, so that code inlined by the JIT is attributed to its own"
                    + " method. JFR samples the threads that run Java code every 10 ms (`jdk.ExecutionSample`);"
                    + " each sample counts once, for the method on top of its stack. Lines and overloads of a"
                    + " method are added up. All threads of the benchmark JVM count except the profiler's own (JFR's"
                    + " `JFR ...` threads and the `Attach Listener` that runs `jcmd`'s `JFR.start` and `JFR.stop`);"
                    + " no frame is filtered out, so JMH's own frames (the generated `*_jmhTest` stubs,"
                    + " `org.openjdk.jmh.*`) stay in the table."
                    + " Threads that are blocked, sleeping or in native code are not sampled, so this is CPU time"
                    + " in Java code. JMH writes each fork's recording to the same file, so with several forks"
                    + " only the last fork's recording is read. Open the recording in JDK Mission Control, or"
                    + " print it with `jfr print --events jdk.ExecutionSample`, for full stack traces.\n");
        } else {
            md.append("JMH's `async` profiler ran async-profiler in each benchmark's forked JVM and kept the"
                    + " samples of the measurement iterations. `summary-cpu.txt` lists the top methods by self"
                    + " time; the `flame-cpu-*.html` files are flame graphs of the full stacks.\n");
        }
        md.append("\nAllocation per operation is JMH's `gc.alloc.rate.norm`, measured in the same run. The `gc`"
                + " profiler takes its snapshots inside the sampling profiler's start and stop, so their own"
                + " allocations are not counted; what the sampling profiler allocates while it runs is, so the"
                + " figure can be a few bytes per operation higher than without profiling.\n");
        return md.toString();
    }

    private List<String> notes(HotMethods hot) {
        List<String> notes = new ArrayList<>();
        if (hot == null || hot.totalSamples() == 0) {
            return notes;
        }
        if (hot.totalSamples() < FEW_SAMPLES) {
            notes.add("only " + hot.totalSamples() + " samples, so the shares are rough; longer measurement"
                    + " iterations (perfgate.time) or more of them (perfgate.iterations) give more.");
        }
        if (hot.harnessShare() >= HARNESS_NOTE_SHARE) {
            notes.add(share(hot.harnessShare()) + " of the samples are in JMH's own code (the generated *_jmhTest"
                    + " stub and org.openjdk.jmh.*): the benchmarked code is so short that JMH's measuring loop"
                    + " is a large part of each operation.");
        }
        return notes;
    }

    private double rest(HotMethods hot) {
        double shown = 0;
        for (HotMethod m : hot.top(top)) {
            shown += m.share();
        }
        return Math.max(0, 1 - shown);
    }

    static String score(Metric metric) {
        return Describe.number(metric.score()) + " " + metric.unit();
    }

    static String allocation(Metric metric) {
        if (metric == null) {
            return "not measured";
        }
        return Describe.number(metric.score()) + " " + metric.unit();
    }

    static String share(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String link(Path reportDirectory, Path file) {
        Path target = file;
        if (reportDirectory != null) {
            try {
                target = reportDirectory.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
            } catch (IllegalArgumentException differentRoots) {
                target = file.toAbsolutePath();
            }
        }
        return target.toString().replace('\\', '/');
    }

    /**
     * A markdown code span for a table cell: as {@link #codeSpan(String)}, with {@code |} escaped as {@code \|},
     * which GitHub-flavoured markdown requires even inside code spans in tables (and shows as {@code |}).
     */
    static String tableCode(String text) {
        return codeSpan(text).replace("|", "\\|");
    }

    /**
     * A markdown code span that shows {@code text} literally: the backtick fence is one longer than the longest
     * run of backticks inside, with a space of padding when the text starts or ends with one; line breaks become
     * spaces.
     */
    static String codeSpan(String text) {
        String flat = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        int longest = 0;
        int run = 0;
        for (int i = 0; i < flat.length(); i++) {
            run = flat.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
        return fence + pad + flat + pad + fence;
    }
}
