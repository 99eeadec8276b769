package io.github.perfgate.model;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A JMH score unit such as {@code ns/op}, {@code us/op} or {@code ops/ms}, able to convert a score to seconds
 * per operation, the one lower-is-better scale on which perfgate compares every mode.
 */
public final class ScoreUnit {

    private static final Map<String, Double> SECONDS = Map.of(
            "ns", 1e-9,
            "us", 1e-6,
            "\u00b5s", 1e-6,
            "ms", 1e-3,
            "s", 1.0,
            "min", 60.0,
            "hr", 3600.0);

    private final String label;
    private final boolean perOperation;
    private final double secondsPerTimeUnit;

    private ScoreUnit(String label, boolean perOperation, double secondsPerTimeUnit) {
        this.label = label;
        this.perOperation = perOperation;
        this.secondsPerTimeUnit = secondsPerTimeUnit;
    }

    /**
     * Parses a JMH unit label: {@code <time>/op} (time per operation) or {@code ops/<time>} (throughput).
     *
     * @throws IllegalArgumentException for any other label
     */
    public static ScoreUnit parse(String label) {
        String text = Objects.requireNonNull(label, "unit").trim();
        String[] parts = text.split("/");
        if (parts.length == 2) {
            String left = parts[0].trim().toLowerCase(Locale.ROOT);
            String right = parts[1].trim().toLowerCase(Locale.ROOT);
            if (right.equals("op") && SECONDS.containsKey(left)) {
                return new ScoreUnit(text, true, SECONDS.get(left));
            }
            if (left.equals("ops") && SECONDS.containsKey(right)) {
                return new ScoreUnit(text, false, SECONDS.get(right));
            }
        }
        throw new IllegalArgumentException("Unsupported JMH score unit '" + label
                + "' (expected a time per operation such as us/op or a throughput such as ops/s)");
    }

    /** True for a time per operation ({@code us/op}), false for a throughput ({@code ops/s}). */
    public boolean isTimePerOperation() {
        return perOperation;
    }

    /** Converts a score in this unit to seconds per operation (throughput is inverted; 0 ops/s is +infinity). */
    public double toSecondsPerOp(double score) {
        if (perOperation) {
            return score * secondsPerTimeUnit;
        }
        return secondsPerTimeUnit / score;
    }

    /** Converts a value in seconds per operation back to this unit. */
    public double fromSecondsPerOp(double secondsPerOp) {
        if (perOperation) {
            return secondsPerOp / secondsPerTimeUnit;
        }
        return secondsPerTimeUnit / secondsPerOp;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoreUnit unit && unit.label.equals(label);
    }

    @Override
    public int hashCode() {
        return label.hashCode();
    }
}
