package io.github.perfgate.maven;

/**
 * A per-benchmark regression tolerance in the POM:
 * <pre>{@code
 * <thresholds>
 *   <threshold>
 *     <benchmark>ParserBench.parse</benchmark>
 *     <tolerance>25%</tolerance>
 *   </threshold>
 * </thresholds>
 * }</pre>
 */
public class ThresholdConfig {

    /** The benchmark: a fully qualified name, a suffix at a dot boundary, {@code *} as wildcard. */
    private String benchmark;

    /** The tolerated slowdown in time per operation, e.g. {@code 25%}. */
    private String tolerance;

    public String getBenchmark() {
        return benchmark;
    }

    public void setBenchmark(String benchmark) {
        this.benchmark = benchmark;
    }

    public String getTolerance() {
        return tolerance;
    }

    public void setTolerance(String tolerance) {
        this.tolerance = tolerance;
    }
}
