package io.github.perfgate.gate;

import io.github.perfgate.calibration.Calibration;
import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.stats.ChangeEstimator;
import io.github.perfgate.stats.Samples;
import java.util.Optional;

/**
 * How much slower (or faster) the machine ran the fixed calibration workload during this check than when the
 * baseline was recorded.
 *
 * <p>A CPU-bound neighbour on a shared CI machine slows every benchmark down, the user's as much as the
 * calibration workload; without correction an unchanged benchmark then reads as a regression (measured here: +70%
 * beside two CPU hogs). When the drift is significant (its interval lies wholly outside
 * &plusmn;{@value #SIGNIFICANT}), every benchmark's change is divided by it, with the drift's own uncertainty:
 * the lower end of a benchmark's interval is divided by the upper end of the drift's, and the other way round, so
 * the correction never makes a verdict more certain than the data allows. When the calibration itself varied by
 * more than {@value #UNSTABLE} within the check, the machine is called unstable and regressions are reported as
 * inconclusive instead of failing the build.
 *
 * @param estimate the calibration's change, current over baseline
 */
public record MachineDrift(ChangeEstimate estimate, boolean significant, boolean unstable) {

    /** Drift smaller than this is treated as noise and not corrected for. */
    public static final double SIGNIFICANT = 0.05;

    /** Width of the drift interval (upper over lower ratio, minus one) beyond which the machine is unstable. */
    public static final double UNSTABLE = 0.50;

    /**
     * The drift between two calibrations, or empty when either is missing or they measured different workloads.
     */
    public static Optional<MachineDrift> between(Calibration baseline, Calibration current, ChangeEstimator estimator,
            double confidence) {
        if (baseline == null || current == null || !baseline.workload().equals(current.workload())) {
            return Optional.empty();
        }
        ChangeEstimate e = estimator.estimate(new Samples(baseline.samples()), new Samples(current.samples()),
                confidence);
        if (!e.estimable()) {
            return Optional.empty();
        }
        boolean significant = e.lowerChange() > SIGNIFICANT || e.upperChange() < -SIGNIFICANT;
        boolean unstable = e.upperRatio() / e.lowerRatio() - 1 > UNSTABLE;
        return Optional.of(new MachineDrift(e, significant, unstable));
    }

    /** A benchmark's change with the machine's drift divided out; unchanged when the drift is not significant. */
    public ChangeEstimate correct(ChangeEstimate benchmark) {
        if (!significant || !benchmark.estimable()) {
            return benchmark;
        }
        String note = "corrected for machine drift " + Percent.signed(estimate.change());
        String caveat = benchmark.caveat().isEmpty() ? note : benchmark.caveat() + "; " + note;
        return new ChangeEstimate(benchmark.baselineLocation(), benchmark.currentLocation(),
                benchmark.ratio() / estimate.ratio(), benchmark.lowerRatio() / estimate.upperRatio(),
                benchmark.upperRatio() / estimate.lowerRatio(), benchmark.confidence(), true, caveat);
    }

    /** One sentence for the log. */
    public String describe() {
        String interval = Percent.signed(estimate.lowerChange()) + ".." + Percent.signed(estimate.upperChange());
        if (unstable) {
            return "the machine's speed varied widely during this check (calibration workload " + interval
                    + " against the baseline): regressions are reported as inconclusive; rerun on a quieter machine";
        }
        if (significant) {
            String direction = estimate.change() > 0 ? "slower" : "faster";
            return "this machine ran the calibration workload " + Percent.format(Math.abs(estimate.change())) + " "
                    + direction + " than when the baseline was recorded (" + interval + "); changes are corrected"
                    + " for it";
        }
        return "machine speed matches the baseline's (calibration workload " + Percent.signed(estimate.change())
                + ", " + interval + ")";
    }
}
