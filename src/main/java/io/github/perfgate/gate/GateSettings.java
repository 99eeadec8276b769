package io.github.perfgate.gate;

import io.github.perfgate.model.BenchmarkKey;
import java.util.List;

/**
 * How the gate decides.
 *
 * @param tolerance the default regression tolerance, a fraction (0.10 = 10% slower is still accepted)
 * @param rules per-benchmark tolerances; the last matching rule wins
 * @param confidence the confidence level of the intervals, e.g. 0.99
 * @param allocationTolerance the tolerated growth of allocation per operation, a fraction; negative disables the
 *     allocation gate
 * @param metric which time per operation decides ({@link TimeMetric}); {@link TimeMetric#AUTO} is resolved by the
 *     caller for its mode ({@link #resolved(boolean)}) before the gate sees it
 */
public record GateSettings(double tolerance, List<ThresholdRule> rules, double confidence,
        double allocationTolerance, TimeMetric metric) {

    /** The default regression tolerance of a baseline check, as {@code perfgate.regressionThreshold} writes it. */
    public static final String DEFAULT_TOLERANCE = "10%";

    /**
     * The default regression tolerance of a same-machine A/B check: its paired CPU time resolves 5% beside busy
     * neighbours (chosen on the verdict-quality corpus, README "Measured").
     */
    public static final String PAIRED_DEFAULT_TOLERANCE = "5%";

    /** The default allocation tolerance: 10% more bytes per operation. */
    public static final double DEFAULT_ALLOCATION_TOLERANCE = 0.10;

    /**
     * Allocation growth below this many bytes per operation is never a regression: JMH's figure for code that does
     * not allocate wobbles by fractions of a byte, and the smallest object is larger than this.
     */
    public static final double ALLOCATION_FLOOR_BYTES = 8;

    /**
     * JMH's own allocation per second of measurement that an allocation-free benchmark's figure can carry (about
     * 6 KB per iteration measured with JMH 1.37, allowed for iterations of 100 ms and longer).
     */
    public static final double HARNESS_BYTES_PER_SECOND = 60_000;

    /** Settings with the default allocation tolerance, decided by wall time. */
    public GateSettings(double tolerance, List<ThresholdRule> rules, double confidence) {
        this(tolerance, rules, confidence, DEFAULT_ALLOCATION_TOLERANCE);
    }

    /** Settings decided by wall time. */
    public GateSettings(double tolerance, List<ThresholdRule> rules, double confidence, double allocationTolerance) {
        this(tolerance, rules, confidence, allocationTolerance, TimeMetric.WALL);
    }

    /** The same settings with another metric. */
    public GateSettings withMetric(TimeMetric other) {
        return new GateSettings(tolerance, rules, confidence, allocationTolerance, other);
    }

    /**
     * {@link TimeMetric#AUTO} for a mode: a same-machine A/B check keeps it (both metrics, see {@link TimeMetric}),
     * a baseline check decides by wall time. Other metrics stay as they are.
     *
     * @param paired true for a same-machine A/B check
     */
    public GateSettings resolved(boolean paired) {
        return metric == TimeMetric.AUTO && !paired ? withMetric(TimeMetric.WALL) : this;
    }

    public boolean allocationGate() {
        return allocationTolerance >= 0;
    }

    public GateSettings {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("The regression threshold must be 0% or more");
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("The confidence must be between 0.5 and 1 (exclusive), e.g. 0.99; got "
                    + confidence);
        }
        rules = List.copyOf(rules);
        metric = metric == null ? TimeMetric.WALL : metric;
    }

    /** The tolerance that applies to a benchmark: the last matching rule's, else the default. */
    public double toleranceFor(BenchmarkKey key) {
        double result = tolerance;
        for (ThresholdRule rule : rules) {
            if (rule.pattern().matches(key)) {
                result = rule.tolerance();
            }
        }
        return result;
    }
}
