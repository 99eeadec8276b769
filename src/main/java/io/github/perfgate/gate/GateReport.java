package io.github.perfgate.gate;

import java.util.List;
import java.util.Optional;

/**
 * Everything one comparison found: a verdict per benchmark, the environment differences between the baseline
 * and this run, and the machine's drift when both were calibrated (null otherwise).
 */
public record GateReport(List<BenchmarkComparison> comparisons, List<String> environmentDifferences,
        double confidence, MachineDrift drift, String intervalsOver) {

    /** What the intervals are over when nothing else is said: JMH's raw samples of both runs. */
    public static final String FORKS_AND_ITERATIONS = "forks and iterations";

    public GateReport {
        comparisons = List.copyOf(comparisons);
        environmentDifferences = List.copyOf(environmentDifferences);
        intervalsOver = intervalsOver == null ? FORKS_AND_ITERATIONS : intervalsOver;
    }

    /** A report whose intervals are over forks and iterations. */
    public GateReport(List<BenchmarkComparison> comparisons, List<String> environmentDifferences, double confidence,
            MachineDrift drift) {
        this(comparisons, environmentDifferences, confidence, drift, FORKS_AND_ITERATIONS);
    }

    /** A report without a calibration. */
    public GateReport(List<BenchmarkComparison> comparisons, List<String> environmentDifferences, double confidence) {
        this(comparisons, environmentDifferences, confidence, null);
    }

    public Optional<MachineDrift> driftIfAny() {
        return Optional.ofNullable(drift);
    }

    public List<BenchmarkComparison> withVerdict(Verdict verdict) {
        return comparisons.stream().filter(c -> c.verdict() == verdict).toList();
    }

    /** The comparisons that fail the build: time or allocation regressions. */
    public List<BenchmarkComparison> regressions() {
        return comparisons.stream().filter(c -> c.verdict().failing()).toList();
    }

    /** What this comparison checked, counted honestly; see {@link GateSummary}. */
    public GateSummary summary(BenchmarkSelection selection) {
        return GateSummary.of(this, selection);
    }

    public long count(Verdict verdict) {
        return comparisons.stream().filter(c -> c.verdict() == verdict).count();
    }
}
