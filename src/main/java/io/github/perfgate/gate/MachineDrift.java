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
 * the correction never makes a verdict more certain than the data allows.
 *
 * <p>Stability is judged on each side's own calibration: the spread of its fork medians (the calibration JVMs run
 * before and after the benchmarks), largest over smallest. When this check's calibration spread more than
 * {@value #UNSTABLE}, the machine's speed changed during the run: no correction can be trusted, and every
 * regression or improvement is reported as inconclusive. When the baseline's calibration spread that much, the
 * baseline was recorded on an unstable machine: its drift is not corrected for, and the log says to re-record it.
 *
 * @param estimate the calibration's change, current over baseline
 * @param unstable this check's calibration varied too much to trust its timings
 * @param baselineUnstable the baseline's calibration varied too much to correct against it
 * @param baseline the baseline's calibration
 * @param current this check's calibration
 */
public record MachineDrift(ChangeEstimate estimate, boolean significant, boolean unstable,
        boolean baselineUnstable, Calibration baseline, Calibration current) {

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
        boolean unstable = spread(current) > UNSTABLE;
        boolean baselineUnstable = spread(baseline) > UNSTABLE;
        boolean significant = !baselineUnstable && !unstable
                && (e.lowerChange() > SIGNIFICANT || e.upperChange() < -SIGNIFICANT);
        return Optional.of(new MachineDrift(e, significant, unstable, baselineUnstable, baseline, current));
    }

    /** Largest over smallest fork median, minus one: 0 for a perfectly steady machine. */
    static double spread(Calibration calibration) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] fork : calibration.samples()) {
            double[] sorted = java.util.Arrays.stream(fork).filter(Double::isFinite).sorted().toArray();
            if (sorted.length == 0) {
                continue;
            }
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            min = Math.min(min, median);
            max = Math.max(max, median);
        }
        return min > 0 && Double.isFinite(min) ? max / min - 1 : Double.POSITIVE_INFINITY;
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
            return "the machine's speed varied widely during this check (calibration workload spread "
                    + Percent.format(spread(current)) + " between the runs before and after the benchmarks):"
                    + " regressions and improvements are reported as inconclusive; rerun on a quieter machine";
        }
        if (baselineUnstable) {
            return "the baseline's calibration varied widely when it was recorded (spread "
                    + Percent.format(spread(baseline)) + "), so machine drift is not corrected; re-record the"
                    + " baseline on a quiet machine";
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
