package io.github.perfgate.jmh;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as users write them: {@code 90s}, {@code 500ms}, {@code 5m}, {@code 1h}, {@code 1h30m},
 * {@code PT5M}, or plain seconds.
 */
public final class DurationParser {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|m|min|h|hr)?");
    /** A decimal amount and a unit down to nanoseconds, for {@link #toJmhTime(String, String)}. */
    private static final Pattern FINE = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)\\s*(ns|us|ms|sec|s|min|m|hr|h)");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|sec|s|min|m|hr|h)\\s*");

    /**
     * A time as JMH's {@code -w} and {@code -r} accept it (JMH 1.37's {@code TimeValue}): a whole number and a unit,
     * {@code 500ms}, {@code 1s}, {@code 2m}; no fractions, no {@code h} (JMH writes {@code hr}), no ISO form.
     */
    static final Pattern JMH_TIME = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|sec|m|min|hr|day)");

    private DurationParser() {
    }

    /**
     * Checks a time per iteration as JMH accepts it ({@code 500ms}, {@code 1s}, {@code 2m}, {@code 1hr}, also
     * {@code ns} and {@code us}).
     *
     * @param what the parameter being parsed, for the error message
     * @return the duration
     * @throws IllegalArgumentException for a form JMH does not accept, or zero
     */
    public static Duration parseJmhTime(String text, String what) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = JMH_TIME.matcher(value);
        if (m.matches()) {
            long amount;
            try {
                amount = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                amount = 0;
            }
            Duration result = switch (m.group(2)) {
                case "ns" -> Duration.ofNanos(amount);
                case "us" -> Duration.ofNanos(amount * 1_000);
                case "ms" -> Duration.ofMillis(amount);
                case "s", "sec" -> Duration.ofSeconds(amount);
                case "m", "min" -> Duration.ofMinutes(amount);
                case "hr" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            if (!result.isZero()) {
                return result;
            }
        }
        throw new IllegalArgumentException(what + " '" + text + "' is not a time JMH accepts; write a whole number"
                + " of 1 or more with a unit, e.g. 500ms, 1s or 2m (JMH takes no fractions and writes hours as hr)");
    }

    /**
     * A time per iteration in the form JMH's {@code -w} and {@code -r} accept, from any form perfgate reads: JMH's own
     * ({@code 500ms}, {@code 1s}, {@code 200us}, {@code 1hr}, passed on in JMH's spelling) or perfgate's durations
     * ({@code 1.5s} gives {@code 1500ms}, {@code PT1S} gives {@code 1s}, {@code 0.5ms} gives {@code 500us},
     * {@code PT0.0000005S} gives {@code 500ns}). The result is a whole number in the largest unit of {@code s},
     * {@code ms}, {@code us}, {@code ns} that holds the time exactly, so JMH runs exactly the time the user wrote.
     *
     * @param what the parameter being converted, for the error message
     * @throws IllegalArgumentException for a form neither reads, or a time that is not positive
     */
    public static String toJmhTime(String text, String what) {
        Duration duration;
        try {
            duration = parseJmhTime(text, what);
        } catch (IllegalArgumentException notJmh) {
            duration = parseFine(text);
            if (duration == null) {
                throw new IllegalArgumentException(what + " '" + text + "' is not a time per iteration; write a"
                        + " positive time with a unit, e.g. 500ms, 1s, 1.5s, 200us or PT1S");
            }
        }
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is too long for a time per iteration");
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        if (nanos % 1_000L == 0) {
            return nanos / 1_000L + "us";
        }
        return nanos + "ns";
    }

    /** Perfgate's duration forms to the nanosecond (fractions of ms kept), or {@code null}. */
    private static Duration parseFine(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Duration result = null;
        Matcher m = FINE.matcher(value);
        if (m.matches()) {
            BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (m.group(2)) {
                case "ns" -> 1L;
                case "us" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s", "sec" -> 1_000_000_000L;
                case "m", "min" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            });
            BigDecimal nanos = new BigDecimal(m.group(1)).multiply(nanosPerUnit);
            if (nanos.stripTrailingZeros().scale() > 0) {
                return null;
            }
            try {
                result = Duration.ofNanos(nanos.longValueExact());
            } catch (ArithmeticException e) {
                return null;
            }
        } else if (value.startsWith("p")) {
            try {
                result = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return result == null || result.isZero() || result.isNegative() ? null : result;
    }

    /**
     * @param what the parameter being parsed, for the error message
     * @throws IllegalArgumentException for anything else, or a duration that is not positive
     */
    public static Duration parse(String text, String what) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Duration result = null;
        Matcher m = SIMPLE.matcher(value);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> amount;
                case "s", "sec" -> amount * 1_000;
                case "m", "min" -> amount * 60_000;
                default -> amount * 3_600_000;
            };
            result = Duration.ofMillis(Math.round(millis));
        } else if (value.matches("(\\s*\\d+(?:\\.\\d+)?\\s*(ms|sec|s|min|m|hr|h)\\s*)+")) {
            double millis = 0;
            Matcher part = PART.matcher(value);
            while (part.find()) {
                millis += Double.parseDouble(part.group(1)) * switch (part.group(2)) {
                    case "ms" -> 1;
                    case "s", "sec" -> 1_000;
                    case "m", "min" -> 60_000;
                    default -> 3_600_000;
                };
            }
            result = Duration.ofMillis(Math.round(millis));
        } else if (value.startsWith("p")) {
            try {
                result = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                result = null;
            }
        }
        if (result == null || result.isZero() || result.isNegative()) {
            throw new IllegalArgumentException(what + " '" + text
                    + "' is not a positive duration; write e.g. 500ms, 90s, 30m, 2h or PT30M");
        }
        return result;
    }

    /** A short human form: {@code 1h 05m}, {@code 2m 30s}, {@code 45s}. */
    public static String format(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return seconds + "s";
    }
}
