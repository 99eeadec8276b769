package io.github.perfgate.gate;

import io.github.perfgate.gate.ClaimResult.Status;
import java.util.Objects;

/**
 * What the measurement alone says about one claim for one benchmark, before this build's tests are judged: the
 * first look at the suspects needs this part only, and {@link ClaimEvaluator#judge} adds the tests once, at the end.
 *
 * @param comparison the matched benchmark's comparison; null when the claim matched no benchmark
 * @param status {@link Status#MET}, {@link Status#MISSED}, {@link Status#NO_MATCH} or {@link Status#NOT_MEASURED}
 * @param improvement time saved per operation, {@code 1 - current/baseline} (NaN when not measured)
 * @param lowerImprovement lower end of the improvement's interval at the gate's confidence
 * @param upperImprovement upper end of that interval
 * @param message the sentence for the log when the tests do not change the outcome
 * @param figures what was measured, e.g. {@code a.B.parse is 27.3% faster (99% CI 24.1%..30.2%, target 20%)}, for
 *        the message of a claim that the tests refuse; empty when nothing was measured
 */
public record ClaimMeasurement(Claim claim, BenchmarkComparison comparison, Status status, double improvement,
        double lowerImprovement, double upperImprovement, String message, String figures) {

    public ClaimMeasurement {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(status, "status");
        if (status == Status.TESTS_FAILED || status == Status.TESTS_NOT_RUN) {
            throw new IllegalArgumentException("a measurement does not judge the tests: " + status);
        }
        message = message == null ? "" : message;
        figures = figures == null ? "" : figures;
    }

    /** True when the measurement meets the claim (the tests are still to be judged). */
    public boolean met() {
        return status == Status.MET;
    }

    /** True when the benchmark was measured and compared, so the tests decide whether the claim is accepted. */
    boolean measured() {
        return status == Status.MET || status == Status.MISSED;
    }
}
