package io.github.perfgate.gate;

import java.util.Objects;

/**
 * What the gate decided about one claim for one benchmark.
 *
 * @param comparison the matched benchmark's comparison; null when the claim matched no benchmark
 * @param improvement time saved per operation, {@code 1 - current/baseline} (NaN when not measured)
 * @param lowerImprovement lower end of the improvement's interval at the gate's confidence
 * @param upperImprovement upper end of that interval
 * @param message one sentence for the log: the figure of a met claim, or what was missed and what to do next
 */
public record ClaimResult(Claim claim, BenchmarkComparison comparison, Status status, double improvement,
        double lowerImprovement, double upperImprovement, String message) {

    /** The outcome of a claim. Every status but {@link #MET} fails the build. */
    public enum Status {
        /** The improvement reached the target and is statistically real. */
        MET,
        /** Measured, but the improvement did not reach the target (or is not shown to be real). */
        MISSED,
        /** No benchmark matched the claim's pattern. */
        NO_MATCH,
        /** The benchmark has no baseline entry or could not be compared. */
        NOT_MEASURED,
        /** Tests failed or errored in this build, so no claim is accepted. */
        TESTS_FAILED,
        /** Tests did not run in this build, so nothing shows that functionality is intact. */
        TESTS_NOT_RUN
    }

    public ClaimResult {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    public boolean met() {
        return status == Status.MET;
    }
}
