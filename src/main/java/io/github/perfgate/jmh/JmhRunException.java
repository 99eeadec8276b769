package io.github.perfgate.jmh;

import io.github.perfgate.model.PerfgateException;
import java.util.List;
import java.util.Objects;

/**
 * A JMH run that could not produce results. The message is written for the user: it says what went wrong
 * and how to fix it, so callers can show it as is.
 */
public class JmhRunException extends PerfgateException {

    private static final long serialVersionUID = 1L;

    /** Why the run failed; callers may react differently to each. */
    public enum Kind {
        /** JMH ({@code org.openjdk.jmh:jmh-core}) is not on the benchmark classpath. */
        NO_JMH,
        /** No benchmark to run: no {@code META-INF/BenchmarkList}, or none matches the selection. */
        NO_BENCHMARKS,
        /** JMH itself failed (bad arguments, could not start), not a benchmark. */
        JMH_FAILED,
        /**
         * The machine-wide measurement lock ({@link MeasurementLock}, JMH's own lock file) stayed taken by another
         * build or JMH run for the whole timeout, or JMH itself refused to start because its lock was taken.
         */
        LOCKED,
        /** A benchmark threw or its forked JVM died; the message names the benchmark and the cause. */
        BENCHMARK_FAILED,
        /** The run took longer than the configured timeout and was stopped. */
        TIMEOUT,
        /** The run was stopped from outside (Ctrl-C, a signal, or the build shutting down). */
        INTERRUPTED
    }

    private final Kind kind;
    private final List<String> outputTail;

    public JmhRunException(Kind kind, String message) {
        this(kind, message, null);
    }

    public JmhRunException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, List.of());
    }

    /** @param outputTail the last lines the JMH process printed, oldest first; shown to the user with the failure */
    public JmhRunException(Kind kind, String message, Throwable cause, List<String> outputTail) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.outputTail = List.copyOf(outputTail);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The last lines (at most {@value io.github.perfgate.process.OutputTail#LINES}) the failed JMH process printed,
     * oldest first; empty when it printed nothing or did not start. JMH's own words on a failure are there (a
     * benchmark's exception, a bad option).
     */
    public List<String> outputTail() {
        return outputTail;
    }
}
