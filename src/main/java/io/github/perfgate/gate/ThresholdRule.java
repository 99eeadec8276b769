package io.github.perfgate.gate;

import java.util.Objects;

/** A regression tolerance for the benchmarks a pattern names, overriding the default tolerance. */
public record ThresholdRule(BenchmarkPattern pattern, double tolerance) {

    public ThresholdRule {
        Objects.requireNonNull(pattern, "pattern");
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("A tolerance must be 0% or more");
        }
    }

    public static ThresholdRule parse(String pattern, String tolerance) {
        return new ThresholdRule(BenchmarkPattern.parse(pattern), Percent.parse(tolerance,
                "The regression threshold for " + pattern));
    }
}
