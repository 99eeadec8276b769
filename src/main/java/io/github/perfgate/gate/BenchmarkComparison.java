package io.github.perfgate.gate;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.stats.ChangeEstimate;
import java.util.Optional;

/**
 * The comparison of one benchmark with its baseline entry.
 *
 * @param baseline the baseline entry, null for a new benchmark
 * @param current the current result, null for a missing benchmark
 * @param estimate the estimated change of time per operation, null when nothing was compared
 * @param tolerance the regression tolerance that applied, a fraction
 * @param reason why the verdict is what it is, in one short sentence (empty when the numbers say it all)
 * @param allocation the change of allocation per operation (bytes), null when either side lacks it
 * @param decidedBy the time per operation {@code estimate} is of: {@link TimeMetric#WALL} or {@link TimeMetric#CPU}
 * @param other the change of the other time per operation (CPU time when wall time decided, and the reverse), null
 *     when either side lacks it
 */
public record BenchmarkComparison(BenchmarkKey key, Verdict verdict, BenchmarkResult baseline, BenchmarkResult current,
        ChangeEstimate estimate, double tolerance, String reason, ChangeEstimate allocation, TimeMetric decidedBy,
        ChangeEstimate other) {

    public BenchmarkComparison {
        reason = reason == null ? "" : reason;
        decidedBy = decidedBy == null ? TimeMetric.WALL : decidedBy;
    }

    /** A comparison decided by wall time, without CPU time. */
    public BenchmarkComparison(BenchmarkKey key, Verdict verdict, BenchmarkResult baseline, BenchmarkResult current,
            ChangeEstimate estimate, double tolerance, String reason, ChangeEstimate allocation) {
        this(key, verdict, baseline, current, estimate, tolerance, reason, allocation, TimeMetric.WALL, null);
    }

    /** The change of CPU time per operation, whichever metric decided; empty when not measured on both sides. */
    public Optional<ChangeEstimate> cpuEstimate() {
        return Optional.ofNullable(decidedBy == TimeMetric.CPU ? estimate : other);
    }

    /** The change of wall time per operation, whichever metric decided. */
    public Optional<ChangeEstimate> wallEstimate() {
        return Optional.ofNullable(decidedBy == TimeMetric.CPU ? other : estimate);
    }

    /** A comparison without allocation figures. */
    public BenchmarkComparison(BenchmarkKey key, Verdict verdict, BenchmarkResult baseline, BenchmarkResult current,
            ChangeEstimate estimate, double tolerance, String reason) {
        this(key, verdict, baseline, current, estimate, tolerance, reason, null);
    }

    public Optional<ChangeEstimate> estimateIfAny() {
        return Optional.ofNullable(estimate);
    }
}
