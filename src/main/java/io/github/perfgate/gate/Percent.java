package io.github.perfgate.gate;

import java.util.Locale;

/** Parses and prints percentages such as {@code 10%}. */
public final class Percent {

    private Percent() {
    }

    /**
     * Parses {@code "10%"}, {@code "10"} or {@code "12.5 %"} into a fraction (0.10, 0.10, 0.125).
     *
     * @param what what the value configures, for the error message
     * @throws IllegalArgumentException for text that is not a non-negative percentage
     */
    public static double parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is empty; write a percentage such as 10%");
        }
        String number = text.trim();
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).trim();
        }
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a percentage; write e.g. 10%");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " '" + text + "' must be a percentage of 0% or more");
        }
        return value / 100.0;
    }

    /** A fraction as a percentage without sign: 0.1 -> {@code 10%}, 0.125 -> {@code 12.5%}. */
    public static String format(double fraction) {
        return trim(String.format(Locale.ROOT, "%.1f", fraction * 100)) + "%";
    }

    /** A fraction as a signed change: 0.382 -> {@code +38.2%}, -0.05 -> {@code -5.0%}. */
    public static String signed(double fraction) {
        if (Double.isNaN(fraction)) {
            return "n/a";
        }
        if (Double.isInfinite(fraction)) {
            return fraction > 0 ? "+inf%" : "-inf%";
        }
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    private static String trim(String number) {
        return number.endsWith(".0") ? number.substring(0, number.length() - 2) : number;
    }
}
