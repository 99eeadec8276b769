package io.github.perfgate.maven;

/**
 * A claimed optimisation in the POM:
 * <pre>{@code
 * <claims>
 *   <claim>
 *     <benchmark>ParserBench.parse</benchmark>
 *     <target>20%</target>
 *     <reason>Parse with a precomputed lookup table instead of a regex</reason>
 *   </claim>
 * </claims>
 * }</pre>
 */
public class ClaimConfig {

    /** The benchmark: a fully qualified name, a suffix at a dot boundary, {@code *} as wildcard. */
    private String benchmark;

    /** The improvement to reach in time saved per operation; default {@code 20%}. */
    private String target;

    /** Why it should be faster; written to the journal when the claim is accepted. */
    private String reason;

    public String getBenchmark() {
        return benchmark;
    }

    public void setBenchmark(String benchmark) {
        this.benchmark = benchmark;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
