package io.github.perfgate.gate;

import java.util.Objects;

/**
 * A claimed optimisation: the benchmarks a pattern names must be at least {@code target} faster than the baseline,
 * measured as time saved per operation, {@code (baseline - current) / baseline}.
 *
 * @param pattern the benchmarks claimed (full name, suffix at a dot boundary, {@code *} wildcard)
 * @param target the improvement to reach, a fraction (0.20 = 20% less time per operation)
 * @param reason why the change should be faster, for the journal; may be empty
 */
public record Claim(BenchmarkPattern pattern, double target, String reason) {

    /** The target when a claim names none: 20% less time per operation. */
    public static final double DEFAULT_TARGET = 0.20;

    public Claim {
        Objects.requireNonNull(pattern, "pattern");
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("The target of the claim on " + pattern
                    + " must be above 0% and below 100% (time saved per operation); got " + Percent.format(target));
        }
        reason = reason == null ? "" : reason.trim();
    }
}
