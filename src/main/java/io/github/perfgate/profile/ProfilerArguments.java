package io.github.perfgate.profile;

import java.nio.file.Path;

/**
 * The JMH command-line arguments that add a sampling profiler to a run, to be appended to the other JMH
 * arguments. The results are strings in the form {@code JmhArguments.tokenize} splits, with values quoted when
 * they contain spaces.
 *
 * <p>When allocation is measured too, JMH's {@code gc} profiler is listed <em>after</em> the sampling profiler. JMH
 * 1.37 calls the profilers' {@code beforeIteration} in the order given and their {@code afterIteration} in reverse
 * order, so {@code gc} takes its allocation snapshots inside the recording: the allocations made by starting and
 * stopping the recording (JFR's start through {@code jcmd} and its dump allocate megabytes in the benchmark JVM,
 * enough to turn a benchmark's 0 B/op into thousands in {@code gc.alloc.rate.norm}) are not counted.
 */
public final class ProfilerArguments {

    /** JMH's profiler that reports {@code gc.alloc.rate.norm}. */
    public static final String GC = "gc";

    /** The number of methods in async-profiler's flat (self time) list. */
    public static final int ASYNC_FLAT = 20;

    private ProfilerArguments() {
    }

    /**
     * JMH's own JFR profiler ({@code jfr}), writing into {@code dir} (see {@link ProfileFiles}). It starts a
     * recording with JFR's {@code profile} settings ({@code jdk.ExecutionSample} every 10 ms) through {@code jcmd}
     * when the first measurement iteration begins and stops it after the last one, so warm-up is not recorded, and
     * runs the forks with {@code -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints} so that samples in
     * inlined code are attributed to the right method.
     *
     * @throws IllegalArgumentException if {@code dir} contains a {@code ;}, which JMH takes as an option separator
     */
    public static String jfr(Path dir, boolean allocation) {
        return profiler("jfr:dir=" + optionValue(dir, "perfgate.outputDirectory")) + gc(allocation);
    }

    /**
     * JMH's async-profiler integration ({@code async}): CPU samples of the measurement iterations (it profiles
     * warm-up too, to warm itself up, and discards those samples), written into {@code dir} as a text summary with
     * the top {@value #ASYNC_FLAT} methods by self time ({@code summary-cpu.txt}) and flame graphs.
     *
     * @param library the {@code libasyncProfiler.so} (or {@code .dylib}) to load
     * @throws IllegalArgumentException if a path contains a {@code ;}, which JMH takes as an option separator
     */
    public static String async(Path library, Path dir, boolean allocation) {
        return profiler("async:libPath=" + optionValue(library, "perfgate.asyncProfiler")
                + ";dir=" + optionValue(dir, "perfgate.outputDirectory")
                + ";output=text,flamegraph;flat=" + ASYNC_FLAT) + gc(allocation);
    }

    private static String gc(boolean allocation) {
        return allocation ? " " + profiler(GC) : "";
    }

    private static String profiler(String spec) {
        return "-prof " + quote(spec);
    }

    private static String optionValue(Path path, String what) {
        String text = path.toAbsolutePath().toString();
        if (text.contains(";")) {
            throw new IllegalArgumentException(what + " " + text + " contains ';', which JMH's profiler options use"
                    + " as a separator; use a path without ';'");
        }
        return text;
    }

    /** Quotes a value for {@code JmhArguments.tokenize} if it contains whitespace or quotes. */
    static String quote(String value) {
        boolean plain = value.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'');
        if (plain) {
            return value;
        }
        if (value.indexOf('"') < 0) {
            return '"' + value + '"';
        }
        if (value.indexOf('\'') < 0) {
            return "'" + value + "'";
        }
        throw new IllegalArgumentException("Cannot pass a path with both kinds of quotes to JMH: " + value);
    }
}
