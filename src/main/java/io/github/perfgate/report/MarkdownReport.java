package io.github.perfgate.report;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code report.md}: the result as GitHub-flavoured Markdown for a pull-request comment or a CI job summary.
 *
 * <p>The first line is the headline in bold ({@code **perfgate FAILED: 1 regression, 12 unchanged**}). Then the
 * benchmarks that need a look (regressed, inconclusive, missing, mode changed, improved, new) in one table, the
 * unchanged ones in a collapsed {@code <details>} table, the claims, the notes and the environment. Benchmark names
 * and parameters are code spans (pipes escaped for the table); every other user-supplied text has the Markdown
 * specials backslash-escaped, so a name cannot inject links, HTML or formatting.
 */
public final class MarkdownReport {

    public static final String FILE_NAME = "report.md";

    /** The variable GitHub Actions sets to the file that collects a job's summary. */
    public static final String STEP_SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY";

    private static final String MARKDOWN_SPECIALS = "\\`*_[]<>|&~$#!";

    private MarkdownReport() {
    }

    public static String render(ReportData data) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(data.headline()).append("**\n\n");
        if (data.compared()) {
            comparison(md, data);
        } else {
            recording(md, data);
        }
        if (!data.notes().isEmpty()) {
            md.append("Notes:\n\n");
            for (String note : data.notes()) {
                md.append("- ").append(text(note)).append('\n');
            }
            md.append('\n');
        }
        md.append("Environment: ").append(text(describe(data.environment()))).append(".\n");
        return md.toString();
    }

    /**
     * Appends the report to the GitHub Actions job summary: the file named by {@code GITHUB_STEP_SUMMARY}, when that
     * variable is set (the Mojo passes {@code System.getenv()}). Outside GitHub Actions it does nothing.
     *
     * @return true when the summary was appended to
     * @throws IOException when the summary file cannot be written
     */
    public static boolean appendToGitHubStepSummary(Map<String, String> env, String markdown) throws IOException {
        String file = env.get(STEP_SUMMARY_VARIABLE);
        if (file == null || file.isBlank()) {
            return false;
        }
        String block = markdown.endsWith("\n") ? markdown + "\n" : markdown + "\n\n";
        Files.writeString(Path.of(file), block, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return true;
    }

    private static void comparison(StringBuilder md, ReportData data) {
        GateReport report = data.report();
        double tolerance = commonTolerance(report.comparisons());
        boolean uniform = report.comparisons().stream().allMatch(c -> c.tolerance() == tolerance);
        md.append(text(data.title())).append(", ").append(data.generated()).append(". Change is time per operation"
                + " (positive = slower), with ").append(Percent.format(report.confidence()))
                .append(" confidence intervals");
        if (!report.comparisons().isEmpty()) {
            md.append("; tolerance ").append(Percent.format(tolerance)).append(uniform ? "" : " unless noted");
        }
        md.append(".\n\n");
        List<String> differences = data.environmentDifferences();
        if (!differences.isEmpty()) {
            md.append("**The baseline was recorded on a different environment** (")
                    .append(text(String.join("; ", differences)))
                    .append("); that alone can explain a change.\n\n");
        }
        report.driftIfAny().ifPresent(d -> md.append("Machine drift: ").append(text(d.describe())).append(".\n\n"));
        String ci = Percent.format(report.confidence()) + " CI";
        List<BenchmarkComparison> ordered = ReportText.byUrgency(report.comparisons());
        List<BenchmarkComparison> notable = ordered.stream().filter(c -> c.verdict() != Verdict.UNCHANGED).toList();
        List<BenchmarkComparison> unchanged = ordered.stream().filter(c -> c.verdict() == Verdict.UNCHANGED)
                .toList();
        if (!notable.isEmpty()) {
            verdictTable(md, notable, ci, tolerance);
        }
        if (!unchanged.isEmpty()) {
            md.append("<details><summary>").append(unchanged.size()).append(" unchanged</summary>\n\n");
            verdictTable(md, unchanged, ci, tolerance);
            md.append("</details>\n\n");
        }
        if (!data.claims().isEmpty()) {
            md.append("**Claims**\n\n");
            md.append("| Claim | Benchmark | Target | Improvement | ").append(ci).append(" | Status | Details |\n");
            md.append("| --- | --- | ---: | ---: | ---: | --- | --- |\n");
            for (ClaimResult r : data.claims()) {
                boolean numbers = ReportText.hasNumbers(r);
                String status = ReportText.statusLabel(r.status());
                row(md, cellCode(r.claim().pattern().text()),
                        r.comparison() == null ? "-" : cellCode(r.comparison().key().displayName()) + " "
                                + r.comparison().key().mode().shortName(),
                        Percent.format(r.claim().target()),
                        numbers ? Percent.signed(r.improvement()) : "-",
                        numbers ? ReportText.improvementInterval(r) : "-",
                        r.met() ? status : "**" + status + "**",
                        text(r.message()));
            }
            md.append('\n');
        }
    }

    private static void verdictTable(StringBuilder md, List<BenchmarkComparison> rows, String ci, double tolerance) {
        md.append("| Benchmark | Mode | Baseline | Current | Change | ").append(ci).append(" | Verdict |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
        for (BenchmarkComparison c : rows) {
            boolean numbers = ReportText.hasNumbers(c);
            String label = c.verdict().failing() ? "**" + Describe.verdictLabel(c) + "**" : Describe.verdictLabel(c);
            StringBuilder detail = new StringBuilder(Describe.otherFigure(c));
            if (!c.reason().isEmpty()) {
                detail.append(detail.isEmpty() ? "" : "; ").append(c.reason());
            }
            if (c.tolerance() != tolerance) {
                detail.append(detail.isEmpty() ? "" : "; ").append("tolerance ").append(Percent.format(c.tolerance()));
            }
            row(md, cellCode(c.key().displayName()), c.key().mode().shortName(),
                    c.baseline() == null ? "-" : text(Describe.baselineScore(c)),
                    c.current() == null ? "-" : text(Describe.currentScore(c)),
                    numbers ? Percent.signed(c.estimate().change()) : "-",
                    numbers ? Describe.interval(c.estimate()) : "-",
                    label + (detail.isEmpty() ? "" : " (" + text(detail.toString()) + ")"));
        }
        md.append('\n');
    }

    private static void recording(StringBuilder md, ReportData data) {
        md.append(text(data.title())).append(", ").append(data.generated())
                .append(". Recorded as the new baseline; nothing was compared.\n\n");
        List<String> differences = data.environmentDifferences();
        if (!differences.isEmpty()) {
            md.append("**The previous baseline was recorded on a different environment** (")
                    .append(text(String.join("; ", differences))).append(").\n\n");
        }
        if (data.measured().isEmpty()) {
            return;
        }
        md.append("| Benchmark | Mode | Score | Error | Samples |\n");
        md.append("| --- | --- | ---: | ---: | ---: |\n");
        for (BenchmarkResult result : data.measured().stream().sorted(Comparator.comparing(BenchmarkResult::key))
                .toList()) {
            Metric m = result.primary();
            row(md, cellCode(result.key().displayName()), result.key().mode().shortName(),
                    text(Describe.number(m.score()) + " " + m.unit()),
                    Double.isFinite(m.scoreError()) ? text("\u00b1 " + Describe.number(m.scoreError())) : "-",
                    samples(m));
        }
        md.append('\n');
    }

    /** The sample count of a metric, e.g. {@code 15 (3 forks)}. */
    static String samples(Metric m) {
        return m.sampleCount() + " (" + m.forkCount() + (m.forkCount() == 1 ? " fork)" : " forks)");
    }

    /** The environment in one phrase, e.g. {@code JDK 17.0.15 (OpenJDK 64-Bit Server VM), Linux 6.1 amd64, ...}. */
    static String describe(Environment e) {
        return "JDK " + e.jdkVersion() + " (" + e.vmName() + " " + e.vmVersion() + "), " + e.osName() + " "
                + e.osVersion() + " " + e.osArch() + ", " + e.cpuModel() + ", " + e.cpuCount() + " CPUs, JMH "
                + e.jmhVersion();
    }

    /** The tolerance most benchmarks share (the smaller one on a tie). */
    private static double commonTolerance(List<BenchmarkComparison> comparisons) {
        Map<Double, Long> counts = new TreeMap<>(comparisons.stream().collect(
                Collectors.groupingBy(BenchmarkComparison::tolerance, Collectors.counting())));
        double common = 0;
        long most = 0;
        for (Map.Entry<Double, Long> entry : counts.entrySet()) {
            if (entry.getValue() > most) {
                common = entry.getKey();
                most = entry.getValue();
            }
        }
        return common;
    }

    private static void row(StringBuilder md, String... cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    /**
     * Plain text with the Markdown specials backslash-escaped (CommonMark allows a backslash before any ASCII
     * punctuation), on one line.
     */
    static String text(String value) {
        String line = ReportText.oneLine(ReportText.xmlSafe(value));
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (MARKDOWN_SPECIALS.indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }

    /**
     * A code span for a table cell: nothing inside is Markdown, except that a pipe would end the cell (so it is
     * escaped, which GitHub-flavoured Markdown honours inside code spans in tables) and a run of backticks as long
     * as the fence would end the span (so the fence is longer than any run in the text).
     */
    static String cellCode(String value) {
        String line = ReportText.oneLine(ReportText.xmlSafe(value)).replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            run = line.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
        return fence + pad + line + pad + fence;
    }
}
