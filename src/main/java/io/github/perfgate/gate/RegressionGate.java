package io.github.perfgate.gate;

import io.github.perfgate.baseline.Baseline;
import io.github.perfgate.baseline.Environment;
import io.github.perfgate.calibration.Calibration;
import io.github.perfgate.jmh.BenchmarkKey;
import io.github.perfgate.jmh.BenchmarkResult;
import io.github.perfgate.jmh.Metric;
import io.github.perfgate.jmh.ScoreUnit;
import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.stats.ChangeEstimator;
import io.github.perfgate.stats.Samples;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares current results with a baseline and gives each benchmark a {@link Verdict}.
 *
 * <p>Every mode is compared on one scale, time per operation (throughput scores are inverted sample by sample,
 * units are normalised to seconds), so a positive change always means slower. The change and its interval come
 * from the {@link ChangeEstimator} over the raw per-fork, per-iteration samples. With tolerance {@code t} and the
 * interval {@code [low, high]} of the change at the configured confidence:
 * <ul>
 *   <li>{@code low > t}: regressed (the slowdown exceeds the tolerance, with that confidence);</li>
 *   <li>{@code high > t}, otherwise: inconclusive (a slowdown beyond the tolerance is possible, but not shown);</li>
 *   <li>{@code high < 0} and the change below {@code -t}: improved;</li>
 *   <li>otherwise unchanged.</li>
 * </ul>
 */
public final class RegressionGate {

    private final ChangeEstimator estimator;
    private final GateSettings settings;

    public RegressionGate(ChangeEstimator estimator, GateSettings settings) {
        this.estimator = estimator;
        this.settings = settings;
    }

    public GateReport compare(Baseline baseline, Collection<BenchmarkResult> current, Environment environment) {
        return compare(baseline, current, environment, null);
    }

    /**
     * Compares, correcting for machine drift when both the baseline and this run have a calibration.
     *
     * @param calibration this run's calibration, or null
     */
    public GateReport compare(Baseline baseline, Collection<BenchmarkResult> current, Environment environment,
            Calibration calibration) {
        MachineDrift drift = MachineDrift.between(baseline.calibration(), calibration, estimator,
                settings.confidence()).orElse(null);
        Map<BenchmarkKey, BenchmarkResult> base = new TreeMap<>(baseline.byKey());
        Map<BenchmarkKey, BenchmarkResult> now = new TreeMap<>();
        for (BenchmarkResult result : current) {
            now.put(result.key(), result);
        }
        List<BenchmarkComparison> comparisons = new ArrayList<>();
        for (BenchmarkResult result : now.values()) {
            BenchmarkKey key = result.key();
            double tolerance = settings.toleranceFor(key);
            BenchmarkResult reference = base.get(key);
            if (reference == null) {
                BenchmarkResult otherMode = base.values().stream().filter(b -> b.key().sameBenchmark(key))
                        .filter(b -> !now.containsKey(b.key())).findFirst().orElse(null);
                if (otherMode != null) {
                    comparisons.add(new BenchmarkComparison(key, Verdict.MODE_CHANGED, otherMode, result, null,
                            tolerance, "baseline mode " + otherMode.key().mode().shortName() + ", now "
                                    + key.mode().shortName() + "; not compared, record a new baseline"));
                } else {
                    comparisons.add(new BenchmarkComparison(key, Verdict.NEW, null, result, null, tolerance,
                            "not in the baseline"));
                }
                continue;
            }
            comparisons.add(compareOne(key, reference, result, tolerance, drift));
        }
        for (BenchmarkResult reference : base.values()) {
            BenchmarkKey key = reference.key();
            boolean reportedAsModeChange = comparisons.stream()
                    .anyMatch(c -> c.verdict() == Verdict.MODE_CHANGED && c.baseline() == reference);
            if (!now.containsKey(key) && !reportedAsModeChange) {
                comparisons.add(new BenchmarkComparison(key, Verdict.MISSING, reference, null, null,
                        settings.toleranceFor(key), "in the baseline but not run"));
            }
        }
        comparisons.sort((a, b) -> a.key().compareTo(b.key()));
        return new GateReport(comparisons, environment.differencesFrom(baseline.environment()),
                settings.confidence(), drift);
    }

    BenchmarkComparison compareOne(BenchmarkKey key, BenchmarkResult reference, BenchmarkResult result,
            double tolerance, MachineDrift drift) {
        ChangeEstimate estimate = estimator.estimate(timePerOp(reference.primary()), timePerOp(result.primary()),
                settings.confidence());
        if (drift != null) {
            estimate = drift.correct(estimate);
        }
        Verdict verdict = decide(estimate, tolerance);
        String reason = estimate.caveat();
        if (verdict == Verdict.REGRESSED && drift != null && drift.unstable()) {
            verdict = Verdict.INCONCLUSIVE;
            reason = (reason.isEmpty() ? "" : reason + "; ") + "the machine was unstable during this check";
        }
        return new BenchmarkComparison(key, verdict, reference, result, estimate, tolerance, reason);
    }

    /** The verdict for an estimated change of time per operation; see the class comment. */
    public static Verdict decide(ChangeEstimate estimate, double tolerance) {
        if (!estimate.estimable()) {
            return Verdict.INCONCLUSIVE;
        }
        if (estimate.lowerChange() > tolerance) {
            return Verdict.REGRESSED;
        }
        if (estimate.upperChange() > tolerance) {
            return Verdict.INCONCLUSIVE;
        }
        if (estimate.upperChange() < 0 && estimate.change() < -tolerance) {
            return Verdict.IMPROVED;
        }
        return Verdict.UNCHANGED;
    }

    /** The metric's raw samples converted to seconds per operation. */
    public static Samples timePerOp(Metric metric) {
        ScoreUnit unit = ScoreUnit.parse(metric.unit());
        double[][] forks = metric.samples();
        for (double[] fork : forks) {
            for (int i = 0; i < fork.length; i++) {
                fork[i] = unit.toSecondsPerOp(fork[i]);
            }
        }
        return new Samples(forks);
    }
}
