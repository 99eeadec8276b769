package io.github.perfgate.model;

import java.util.Locale;

/** JMH benchmark modes, with the direction in which their scores improve. */
public enum Mode {
    /** Operations per unit of time: higher is better. */
    THROUGHPUT("thrpt", true),
    /** Average time per operation: lower is better. */
    AVERAGE_TIME("avgt", false),
    /** Sampled time per operation: lower is better. */
    SAMPLE_TIME("sample", false),
    /** Time of a single invocation: lower is better. */
    SINGLE_SHOT("ss", false);

    private final String shortName;
    private final boolean higherIsBetter;

    Mode(String shortName, boolean higherIsBetter) {
        this.shortName = shortName;
        this.higherIsBetter = higherIsBetter;
    }

    /** The label JMH uses in its JSON and tables ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}). */
    public String shortName() {
        return shortName;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * Reads a JMH mode label.
     *
     * @throws IllegalArgumentException for a label JMH does not write
     */
    public static Mode fromShortName(String label) {
        String wanted = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        for (Mode mode : values()) {
            if (mode.shortName.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown JMH mode '" + label + "' (expected thrpt, avgt, sample or ss)");
    }
}
