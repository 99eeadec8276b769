package io.github.perfgate.gate;

import io.github.perfgate.model.Calibration;
import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.stats.ChangeEstimator;
import io.github.perfgate.stats.Medians;
import io.github.perfgate.stats.Samples;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.Optional;

/**
 * How much slower (or faster) the machine ran the fixed calibration workload during this check than when the
 * baseline was recorded, and which machine drifts the verdicts must allow for.
 *
 * <p>A CPU-bound neighbour on a shared CI machine slows every benchmark down, the user's as much as the
 * calibration workload; without correction an unchanged benchmark then reads as a regression (measured here: +61%
 * beside two CPU hogs). Every benchmark's interval is therefore divided by the <em>plausible drift</em>, end by
 * end: the lower end of a benchmark's interval by the upper end of the plausible drift, the upper end by its lower
 * end. A benchmark is called regressed only when it slowed down beyond its tolerance under every drift in that
 * range, so a busier machine makes a verdict inconclusive, not a false regression.
 *
 * <ul>
 *   <li>When the drift is <em>significant</em> (its interval lies wholly outside &plusmn;{@value #SIGNIFICANT}),
 *       the plausible drift is its interval and the point change is divided by the drift too.
 *   <li>Otherwise the point change is left as measured, and the plausible drift spans no drift (1.0) and the drift's
 *       point estimate. The calibration is a short measurement and can be noisier than the benchmarks (beside CPU
 *       hogs its JVMs disagreed by up to 64% with 200 ms iterations), so a drift of +30% may fail to be
 *       significant; a +45% benchmark must not then be called regressed as if the machine were known to be
 *       unchanged (the verdict-quality corpus had 4 such false alarms in 100 pairs). Allowing the whole drift
 *       interval instead was measured to cost too much: on a quiet machine it hid 37% of the 30% slowdowns.
 * </ul>
 *
 * <p>{@code unstable} flags a calibration whose JVMs, run before and after the benchmarks, disagreed by more than
 * {@value #UNSTABLE}: the machine's speed changed during the run. It is reported (verdicts on such a machine are
 * less sharp, and a quieter rerun helps), but does not withhold verdicts: withholding them was measured to hide
 * 41% of 2x slowdowns beside CPU hogs, while the intervals already carry the calibration's noise.
 *
 * @param estimate the calibration's change, current over baseline
 * @param significant the drift is corrected for: its interval lies wholly outside &plusmn;{@value #SIGNIFICANT}
 * @param unstable this check's calibration varied by more than {@value #UNSTABLE} between its JVMs
 * @param baselineUnstable the baseline's calibration varied that much when it was recorded
 * @param plausibleLower lower end of the plausible drift, as a ratio of machine speeds (current over baseline)
 * @param plausibleUpper upper end of the plausible drift
 * @param baseline the baseline's calibration
 * @param current this check's calibration
 */
public record MachineDrift(ChangeEstimate estimate, boolean significant, boolean unstable,
        boolean baselineUnstable, double plausibleLower, double plausibleUpper, Calibration baseline,
        Calibration current) {

    /** Drift smaller than this is treated as noise: the point change is not corrected for it. */
    public static final double SIGNIFICANT = 0.05;

    /** Spread of one side's calibration JVMs (largest over smallest median, minus one) beyond which it is unstable. */
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
        boolean unstable = spread(Medians.perFork(current.samples())) > UNSTABLE;
        boolean baselineUnstable = spread(Medians.perFork(baseline.samples())) > UNSTABLE;
        boolean significant = e.lowerChange() > SIGNIFICANT || e.upperChange() < -SIGNIFICANT;
        double lower = significant ? e.lowerRatio() : Math.min(1, e.ratio());
        double upper = significant ? e.upperRatio() : Math.max(1, e.ratio());
        return Optional.of(new MachineDrift(e, significant, unstable, baselineUnstable, lower, upper, baseline,
                current));
    }

    /** Largest over smallest fork median, minus one: 0 for a perfectly steady machine. */
    static double spread(double[] forkMedians) {
        DoubleSummaryStatistics stats = Arrays.stream(forkMedians).summaryStatistics();
        return stats.getCount() > 0 && stats.getMin() > 0 ? stats.getMax() / stats.getMin() - 1
                : Double.POSITIVE_INFINITY;
    }

    /**
     * A benchmark's change with the machine's drift divided out: the point by the drift when it is significant,
     * the interval by the plausible drift always.
     */
    public ChangeEstimate correct(ChangeEstimate benchmark) {
        if (!benchmark.estimable()) {
            return benchmark;
        }
        double point = significant ? benchmark.ratio() / estimate.ratio() : benchmark.ratio();
        double lower = Math.min(point, benchmark.lowerRatio() / plausibleUpper);
        double upper = Math.max(point, benchmark.upperRatio() / plausibleLower);
        String note = null;
        if (significant) {
            note = "corrected for machine drift " + Percent.signed(estimate.change());
        } else if (widensIntervals()) {
            note = "interval allows for machine drift " + Percent.signed(estimate.change());
        }
        String caveat = note == null ? benchmark.caveat()
                : benchmark.caveat().isEmpty() ? note : benchmark.caveat() + "; " + note;
        return new ChangeEstimate(benchmark.baselineLocation(), benchmark.currentLocation(), point, lower, upper,
                benchmark.confidence(), true, caveat);
    }

    /** One sentence for the log. */
    public String describe() {
        String interval = Percent.signed(estimate.lowerChange()) + ".." + Percent.signed(estimate.upperChange());
        StringBuilder s = new StringBuilder();
        if (significant) {
            String direction = estimate.change() > 0 ? "slower" : "faster";
            s.append("this machine ran the calibration workload ").append(Percent.format(Math.abs(estimate.change())))
                    .append(' ').append(direction).append(" than when the baseline was recorded (").append(interval)
                    .append("); changes are corrected for it");
        } else if (widensIntervals()) {
            s.append("machine drift not significant (calibration workload ").append(Percent.signed(estimate.change()))
                    .append(", ").append(interval).append("); verdicts hold both with and without that drift");
        } else {
            s.append("machine speed matches the baseline's (calibration workload ")
                    .append(Percent.signed(estimate.change())).append(", ").append(interval).append(')');
        }
        if (unstable) {
            s.append("; the machine's speed varied widely during this check (calibration spread ")
                    .append(Percent.format(spread(Medians.perFork(current.samples()))))
                    .append(" between the runs before and after the benchmarks); rerun on a quieter machine for sharper"
                            + " verdicts");
        } else if (baselineUnstable) {
            s.append("; the baseline's calibration varied widely when it was recorded (spread ")
                    .append(Percent.format(spread(Medians.perFork(baseline.samples()))))
                    .append("); re-record the baseline on a quiet machine for sharper verdicts");
        }
        return s.toString();
    }

    /** True when the drift moved verdicts' intervals noticeably or the machine was unstable: worth a warning. */
    public boolean noteworthy() {
        return significant || unstable || baselineUnstable || widensIntervals();
    }

    /** The drift, significant or not, is large enough to widen every interval noticeably. */
    private boolean widensIntervals() {
        return plausibleUpper > 1 + SIGNIFICANT || plausibleLower < 1 - SIGNIFICANT;
    }
}
