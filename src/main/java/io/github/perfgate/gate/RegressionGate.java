package io.github.perfgate.gate;

import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.model.ScoreUnit;
import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.stats.ChangeEstimator;
import io.github.perfgate.stats.Medians;
import io.github.perfgate.stats.Samples;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * Allocation per operation ({@code gc.alloc.rate.norm}) has its own tolerance: a benchmark whose allocation grew
 * by more than that (lower end of the interval) and by at least {@link GateSettings#ALLOCATION_FLOOR_BYTES} bytes
 * is {@link Verdict#ALLOCATION_REGRESSED} even when its time is within tolerance.
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
        // Hash maps, not tree maps or searches: BenchmarkKey.compareTo builds display names, and a search per
        // benchmark makes 10,000 benchmarks cost 100 million steps.
        Map<BenchmarkKey, BenchmarkResult> base = baseline.byKey();
        Map<BenchmarkKey, BenchmarkResult> now = new HashMap<>(current.size() * 2);
        for (BenchmarkResult result : current) {
            now.put(result.key(), result);
        }
        Map<BenchmarkKey, List<BenchmarkResult>> baseModes = new HashMap<>();
        for (BenchmarkResult reference : base.values()) {
            baseModes.computeIfAbsent(anyMode(reference.key()), k -> new ArrayList<>(1)).add(reference);
        }
        List<BenchmarkComparison> comparisons = new ArrayList<>(Math.max(base.size(), now.size()));
        Set<BenchmarkKey> reportedAsModeChange = new HashSet<>();
        for (BenchmarkResult result : Baseline.inKeyOrder(now.values(), BenchmarkResult::key)) {
            BenchmarkKey key = result.key();
            double tolerance = settings.toleranceFor(key);
            BenchmarkResult reference = base.get(key);
            if (reference == null) {
                BenchmarkResult otherMode = baseModes.getOrDefault(anyMode(key), List.of()).stream()
                        .filter(b -> !now.containsKey(b.key())).findFirst().orElse(null);
                if (otherMode != null) {
                    reportedAsModeChange.add(otherMode.key());
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
            if (!now.containsKey(key) && !reportedAsModeChange.contains(key)) {
                comparisons.add(new BenchmarkComparison(key, Verdict.MISSING, reference, null, null,
                        settings.toleranceFor(key), "in the baseline but not run"));
            }
        }
        comparisons = Baseline.inKeyOrder(comparisons, BenchmarkComparison::key);
        List<String> differences = new ArrayList<>(environment.differencesFrom(baseline.environment()));
        calibrationDifference(baseline.calibration(), calibration).ifPresent(differences::add);
        return new GateReport(comparisons, differences, settings.confidence(), drift, estimator.intervalsOver());
    }

    /** The key with its mode erased, so that the modes of one benchmark and parameters share it. */
    private static BenchmarkKey anyMode(BenchmarkKey key) {
        return new BenchmarkKey(key.name(), key.params(), Mode.THROUGHPUT);
    }

    private static final String RECORD_AGAIN = " (record the baseline again, e.g. -Dperfgate.update=true on"
            + " unchanged code, to correct it)";

    /**
     * Why this run calibrated the machine but the drift could not be measured against the baseline: the baseline
     * has no calibration, or it measured another calibration workload (an older perfgate's). Empty when both or
     * neither were calibrated with the same workload.
     */
    static Optional<String> calibrationDifference(Calibration baseline, Calibration current) {
        if (current == null) {
            return Optional.empty();
        }
        if (baseline == null) {
            return Optional.of("machine calibration none -> " + current.workload() + ", machine drift not corrected"
                    + RECORD_AGAIN);
        }
        if (!baseline.workload().equals(current.workload())) {
            return Optional.of("machine calibration workload " + baseline.workload() + " -> " + current.workload()
                    + ", machine drift not corrected" + RECORD_AGAIN);
        }
        return Optional.empty();
    }

    /**
     * Compares one benchmark's result with its reference, without machine drift: the look of an adaptive A/B run.
     */
    public BenchmarkComparison compare(BenchmarkResult reference, BenchmarkResult result) {
        return compareOne(result.key(), reference, result, settings.toleranceFor(result.key()), null);
    }

    BenchmarkComparison compareOne(BenchmarkKey key, BenchmarkResult reference, BenchmarkResult result,
            double tolerance, MachineDrift drift) {
        TimeMetric metric = settings.metric();
        boolean cpuOnBoth = hasCpu(reference) && hasCpu(result);
        boolean both = metric == TimeMetric.AUTO && cpuOnBoth;
        // Two tests, each at half the error rate: the chance that either raises a false alarm stays within it.
        double each = both ? 1 - (1 - settings.confidence()) / 2 : settings.confidence();
        ChangeEstimate wall = estimator.estimate(timePerOp(reference.primary()), timePerOp(result.primary()), each);
        if (drift != null) {
            wall = drift.correct(wall);
        }
        ChangeEstimate cpu = null;
        if (cpuOnBoth) {
            cpu = metric == TimeMetric.WALL ? pointChange(reference.cpu(), result.cpu(), each)
                    : estimator.estimate(timePerOp(reference.cpu()), timePerOp(result.cpu()), each);
        }
        TimeMetric decidedBy = TimeMetric.CPU;
        String note = "";
        if (cpu == null || metric == TimeMetric.WALL) {
            decidedBy = TimeMetric.WALL;
            if (metric == TimeMetric.CPU) {
                note = "no CPU time on both sides: wall time decided";
            }
        } else if (both && decide(wall, tolerance) == Verdict.REGRESSED && decide(cpu, tolerance) != Verdict.REGRESSED) {
            decidedBy = TimeMetric.WALL;
            note = cpu.change() <= tolerance
                    ? "wall time grew beyond the tolerance, CPU time per operation did not (" + Percent.signed(
                            cpu.change()) + "): the added time is mostly spent waiting (sleep, locks, I/O), or the"
                            + " machine was busier during this side's forks"
                    : "wall time grew beyond the tolerance; CPU time per operation " + Percent.signed(cpu.change())
                            + ", not certainly beyond it";
        }
        ChangeEstimate estimate = decidedBy == TimeMetric.CPU ? cpu : wall;
        ChangeEstimate other = decidedBy == TimeMetric.CPU ? wall : cpu;
        Verdict verdict = decide(estimate, tolerance);
        // Only when CPU time grew within the tolerance: a change both metrics share is the code's, not waiting.
        if (decidedBy == TimeMetric.CPU && verdict != Verdict.REGRESSED && wall.estimable()
                && wall.change() > tolerance && cpu.change() <= tolerance) {
            note = "wall time " + Percent.signed(wall.change()) + " but CPU time " + Percent.signed(cpu.change())
                    + ": the difference is waiting (sleep, locks, I/O) or a busy machine, not more computation";
        }
        String reason = join(estimate.caveat(), note);
        ChangeEstimate allocation = null;
        if (reference.allocation() != null && result.allocation() != null) {
            allocation = allocationChange(reference.allocation(), result.allocation());
            double timeChange = Math.abs(wall.currentLocation() - wall.baselineLocation());
            if (settings.allocationGate()
                    && allocationRegressed(allocation, settings.allocationTolerance(), timeChange)) {
                reason = join(reason, Describe.allocationGrowth(allocation, settings.allocationTolerance()));
                if (verdict != Verdict.REGRESSED) {
                    verdict = Verdict.ALLOCATION_REGRESSED;
                }
            }
        }
        return new BenchmarkComparison(key, verdict, reference, result, estimate, tolerance, reason, allocation,
                decidedBy, other);
    }

    /** True when the result has CPU time per operation to compare: every sample finite and above 0. */
    static boolean hasCpu(BenchmarkResult result) {
        if (result.cpu() == null || result.cpu().sampleCount() == 0) {
            return false;
        }
        for (double[] fork : result.cpu().samples()) {
            for (double v : fork) {
                if (!(v > 0 && Double.isFinite(v))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The change of CPU time as a point figure only (medians of all samples), when it is reported beside wall time
     * and does not decide: no interval, so no second bootstrap in a baseline check.
     */
    private static ChangeEstimate pointChange(Metric before, Metric after, double confidence) {
        double base = Medians.ofAll(timePerOp(before).forks());
        double now = Medians.ofAll(timePerOp(after).forks());
        return new ChangeEstimate(base, now, now / base, Double.NaN, Double.NaN, confidence, false,
                "CPU time did not decide; no interval computed");
    }

    /**
     * Allocation regressed when the lower end of its interval exceeds the tolerance and it grew by at least
     * {@link GateSettings#ALLOCATION_FLOOR_BYTES} bytes per operation plus the harness allowance.
     *
     * <p>JMH's {@code gc.alloc.rate.norm} divides all bytes allocated during an iteration by its operations, JMH's
     * own per-iteration allocation (about 6 KB measured with JMH 1.37) included. For a slow benchmark that share
     * grows with the time per operation, so an allocation-free benchmark that merely got slower reads as
     * allocating more. The allowance, {@link GateSettings#HARNESS_BYTES_PER_SECOND} times the change of time per
     * operation in seconds, covers that share for iterations of 100 ms and longer.
     *
     * @param timeChange the absolute change of time per operation, in seconds
     */
    static boolean allocationRegressed(ChangeEstimate allocation, double tolerance, double timeChange) {
        double grewBy = allocation.currentLocation() - allocation.baselineLocation();
        double allowance = GateSettings.ALLOCATION_FLOOR_BYTES
                + (Double.isFinite(timeChange) ? GateSettings.HARNESS_BYTES_PER_SECOND * timeChange : 0);
        if (!(grewBy >= allowance)) {
            return false;
        }
        // From (next to) nothing to at least the floor: no ratio exists, the growth itself is the regression.
        return !allocation.estimable() || allocation.lowerChange() > tolerance;
    }

    /**
     * The change of bytes per operation. The locations are the medians of all samples (allocation is nearly
     * deterministic); the interval comes from the estimator, and is left out (not estimable) when the baseline
     * allocated less than one byte per operation, where a ratio means nothing.
     */
    private ChangeEstimate allocationChange(Metric before, Metric after) {
        double base = Medians.ofAll(before.samples());
        double now = Medians.ofAll(after.samples());
        if (!(base >= 1)) {
            return new ChangeEstimate(base, now, Double.NaN, Double.NaN, Double.NaN, settings.confidence(), false,
                    "the baseline allocated less than 1 B/op");
        }
        ChangeEstimate e = estimator.estimate(new Samples(before.samples()), new Samples(after.samples()),
                settings.confidence());
        return new ChangeEstimate(base, now, now / base, e.lowerRatio(), e.upperRatio(), e.confidence(),
                e.estimable(), e.caveat());
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : first + "; " + second;
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
