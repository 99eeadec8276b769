package io.github.perfgate.gate;

import io.github.perfgate.jmh.BenchmarkKey;
import java.util.List;

/**
 * How the gate decides.
 *
 * @param tolerance the default regression tolerance, a fraction (0.10 = 10% slower is still accepted)
 * @param rules per-benchmark tolerances; the last matching rule wins
 * @param confidence the confidence level of the intervals, e.g. 0.99
 */
public record GateSettings(double tolerance, List<ThresholdRule> rules, double confidence) {

    public GateSettings {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("The regression threshold must be 0% or more");
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("The confidence must be between 0.5 and 1 (exclusive), e.g. 0.99; got "
                    + confidence);
        }
        rules = List.copyOf(rules);
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
