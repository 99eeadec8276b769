package io.github.perfgate.jmh;

import io.github.perfgate.process.OutputTail;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows JMH 1.37's output line by line: reports progress, and remembers what is needed to explain a failure.
 *
 * <p><b>Progress.</b> {@code # Benchmark mode:}, {@code # Benchmark:} and {@code # Parameters:} name the benchmark
 * and the {@code # Run progress} line that follows gives the ETA; progress is reported once per benchmark, mode and
 * parameter combination, not per fork. If the run turns out to have more benchmarks than the listing counted, the
 * total is reported as 0 (unknown) from then on.
 *
 * <p><b>Failures</b> are classified from JMH's output (checked against real runs): a benchmark that throws prints
 * {@code Iteration 1: <failure>}, a blank line, then the exception ({@code java.lang.IllegalStateException: boom})
 * and its stack trace; a forked JVM that dies prints {@code <failure: reason>} and/or
 * {@code <forked VM failed with exit code N>} followed by its last stderr lines, or
 * {@code <failed to invoke the VM, caught IOException: ...>} if it could not start; with {@code -foe true} JMH then
 * prints {@code Benchmark had encountered error, and fail on error was requested} and exits with 1. Such a run ends
 * in {@code BENCHMARK_FAILED} naming the benchmark and the first exception line. Other non-zero exits are
 * {@code JMH_FAILED} with the exit code and JMH's last 20 output lines, except {@code No matching benchmarks}
 * ({@code NO_BENCHMARKS}), a missing {@code META-INF/BenchmarkList} ({@code NO_BENCHMARKS}), a missing
 * {@code org.openjdk.jmh.Main} ({@code NO_JMH}), JMH's own lock held ({@code LOCKED}) and exit codes 130/143, i.e.
 * SIGINT/SIGTERM ({@code INTERRUPTED}).
 */
final class JmhOutputTracker {

    /** How many of the output's last lines a {@code JMH_FAILED} message quotes. */
    static final int QUOTED_LINES = 20;

    private static final Pattern MODE = Pattern.compile("^# Benchmark mode: (.*)$");
    private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: (\\S+)\\s*$");
    private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\((.*)\\)\\s*$");
    private static final Pattern RUN_PROGRESS = Pattern.compile("^# Run progress: .*complete, ETA (.*)$");
    private static final Pattern ETA = Pattern.compile("^(?:(\\d+) days?, )?(\\d+):(\\d+):(\\d+)\\s*$");
    private static final Pattern FAILURE_INLINE = Pattern.compile("<failure: (.*)>\\s*$");
    private static final Pattern FORKED_VM_FAILED = Pattern.compile("^<forked VM failed with exit code (-?\\d+)>");
    private static final Pattern FORK_NOT_STARTED = Pattern.compile("^<failed to invoke the VM, caught (.*)>\\s*$");

    private final JmhRunListener listener;
    private int total;

    // Progress: the header of the benchmark JMH announced last, and the one reported last.
    private String headerMode;
    private String headerBenchmark;
    private String headerParameters;
    private String lastKey;
    private int index;
    private String current;

    // Failure clues.
    private String failedBenchmark;
    private String failureCause;
    private boolean awaitingCause;
    private boolean forkedVmFailed;
    private boolean inForkStderr;
    private String forkStderr;
    private boolean noMatchingBenchmarks;
    private boolean noBenchmarkList;
    private boolean noJmhMain;

    /** @param total the number of benchmarks the run will have, 0 if unknown */
    JmhOutputTracker(JmhRunListener listener, int total) {
        this.listener = listener;
        this.total = total;
    }

    /** One line of JMH's output, in order; passed on to the listener first. */
    void accept(String line) {
        listener.line(line);
        trackProgress(line);
        trackFailure(line);
    }

    private void trackProgress(String line) {
        Matcher m;
        if ((m = MODE.matcher(line)).matches()) {
            headerMode = m.group(1);
            headerBenchmark = null;
            headerParameters = null;
        } else if ((m = BENCHMARK.matcher(line)).matches()) {
            headerBenchmark = m.group(1);
            headerParameters = null;
        } else if ((m = PARAMETERS.matcher(line)).matches()) {
            headerParameters = m.group(1);
        } else if ((m = RUN_PROGRESS.matcher(line)).matches() && headerBenchmark != null) {
            String key = headerMode + '\n' + headerBenchmark + '\n' + headerParameters;
            if (!key.equals(lastKey)) {
                lastKey = key;
                index++;
                if (total > 0 && index > total) {
                    total = 0;
                }
                current = headerParameters == null ? headerBenchmark
                        : headerBenchmark + " (" + headerParameters + ")";
                listener.progress(index, total, current, parseEta(m.group(1)));
            }
        }
    }

    private void trackFailure(String line) {
        if (awaitingCause) {
            if (!line.isBlank()) {
                failureCause = line.strip();
                awaitingCause = false;
            }
            return;
        }
        Matcher m;
        if (line.stripTrailing().endsWith("<failure>")) {
            markFailed();
            awaitingCause = failureCause == null;
        } else if ((m = FAILURE_INLINE.matcher(line)).find()) {
            markFailed();
            if (failureCause == null) {
                failureCause = m.group(1);
            }
        } else if ((m = FORKED_VM_FAILED.matcher(line)).find()) {
            markFailed();
            forkedVmFailed = true;
            if (failureCause == null) {
                failureCause = "forked VM failed with exit code " + m.group(1);
            }
        } else if ((m = FORK_NOT_STARTED.matcher(line)).matches()) {
            markFailed();
            if (failureCause == null) {
                failureCause = "JMH could not start the forked VM: " + m.group(1);
            }
        } else if (line.startsWith("<stderr last=")) {
            inForkStderr = forkedVmFailed;
        } else if (line.startsWith("</stderr>")) {
            inForkStderr = false;
        } else if (inForkStderr && forkStderr == null && !line.isBlank()) {
            forkStderr = line.strip();
        } else if (line.contains("Benchmark had encountered error, and fail on error was requested")) {
            markFailed();
        } else if (line.startsWith("No matching benchmarks. Miss-spelled regexp?")) {
            noMatchingBenchmarks = true;
        } else if (line.contains("Unable to find the resource: /META-INF/BenchmarkList")) {
            noBenchmarkList = true;
        } else if (line.contains("Could not find or load main class " + JmhCommandLine.JMH_MAIN)) {
            noJmhMain = true;
        }
    }

    private void markFailed() {
        if (failedBenchmark == null) {
            failedBenchmark = current == null ? "(unknown benchmark)" : current;
        }
    }

    /** The benchmark running now, with its position, for messages; {@code null} before the first. */
    String running() {
        if (current == null) {
            return null;
        }
        return current + " (benchmark " + index + (total > 0 ? " of " + total : "") + ")";
    }

    /**
     * Explains a non-zero exit of JMH.
     *
     * @param outputTail the last lines JMH printed (the supervisor's {@link OutputTail}); the exception carries them
     */
    JmhRunException failure(int exitCode, List<String> outputTail, List<String> jmhArguments) {
        JmhRunException.Kind kind;
        String message;
        List<String> quoted = OutputTail.last(outputTail, QUOTED_LINES);
        if (failedBenchmark != null) {
            String cause = failureCause == null ? "see JMH's output" : failureCause;
            if (forkStderr != null && cause.startsWith("forked VM failed")) {
                cause += " (" + forkStderr + ")";
            }
            String stop = cause.endsWith(".") || cause.endsWith("?") || cause.endsWith("!") ? "" : ".";
            kind = JmhRunException.Kind.BENCHMARK_FAILED;
            message = "Benchmark " + failedBenchmark + " failed: " + cause + stop
                    + " JMH's output has the full stack trace.";
        } else if (noJmhMain) {
            kind = JmhRunException.Kind.NO_JMH;
            message = BenchmarkDiscovery.noJmhMessage();
        } else if (noBenchmarkList) {
            kind = JmhRunException.Kind.NO_BENCHMARKS;
            message = BenchmarkDiscovery.noBenchmarkListMessage();
        } else if (noMatchingBenchmarks) {
            kind = JmhRunException.Kind.NO_BENCHMARKS;
            message = JmhHints.noMatch(jmhArguments);
        } else if (exitCode == 130 || exitCode == 143) {
            String what = running();
            kind = JmhRunException.Kind.INTERRUPTED;
            message = "JMH was stopped by a signal (exit code " + exitCode + ")"
                    + (what == null ? "" : " while running " + what) + ".";
        } else if (quoted.stream().anyMatch(l -> l.contains("Unable to acquire the JMH lock"))) {
            kind = JmhRunException.Kind.LOCKED;
            message = "Another JMH run on this machine holds JMH's lock (jmh.lock in the temporary directory), and"
                    + " benchmarks running side by side disturb each other's timings. Wait for the other run to"
                    + " finish; in a parallel build (mvn -T) run the modules with benchmarks one at a time. JMH"
                    + " said:\n" + String.join("\n", quoted);
        } else {
            kind = JmhRunException.Kind.JMH_FAILED;
            message = "JMH failed with exit code " + exitCode + ". Its last output lines:\n"
                    + String.join("\n", quoted);
        }
        return new JmhRunException(kind, message, null, outputTail);
    }

    private static Duration parseEta(String text) {
        Matcher m = ETA.matcher(text);
        if (!m.matches()) {
            return null;
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        return Duration.ofDays(days)
                .plusHours(Long.parseLong(m.group(2)))
                .plusMinutes(Long.parseLong(m.group(3)))
                .plusSeconds(Long.parseLong(m.group(4)));
    }
}
