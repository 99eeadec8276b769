package io.github.perfgate.gate;

import java.util.List;

/**
 * Everything one comparison found: a verdict per benchmark and the environment differences between the baseline
 * and this run.
 */
public record GateReport(List<BenchmarkComparison> comparisons, List<String> environmentDifferences,
        double confidence) {

    public GateReport {
        comparisons = List.copyOf(comparisons);
        environmentDifferences = List.copyOf(environmentDifferences);
    }

    public List<BenchmarkComparison> withVerdict(Verdict verdict) {
        return comparisons.stream().filter(c -> c.verdict() == verdict).toList();
    }

    public List<BenchmarkComparison> regressions() {
        return withVerdict(Verdict.REGRESSED);
    }

    public long count(Verdict verdict) {
        return comparisons.stream().filter(c -> c.verdict() == verdict).count();
    }
}
