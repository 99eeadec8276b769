package io.github.perfgate.shard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shard of a suite split over {@code count} CI jobs: {@code perfgate.shard=K/N}, {@code index} K from 1 to N.
 *
 * @param index K, 1-based
 * @param count N, at least 1
 */
public record Shard(int index, int count) {

    /** The user property the value comes from, named in every message. */
    public static final String PROPERTY = "perfgate.shard";

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(problem(index + "/" + count));
        }
    }

    /** The whole suite as one shard. */
    public static final Shard ALL = new Shard(1, 1);

    /**
     * Reads {@code K/N}, e.g. {@code 2/4}.
     *
     * @throws IllegalArgumentException naming {@value #PROPERTY} for another form, {@code 0/N}, {@code K > N} or
     *     {@code N = 0}
     */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(PROPERTY + " is '" + text + "'; write K/N, shard K of N with K from 1"
                    + " to N, e.g. -D" + PROPERTY + "=2/4 in the second of 4 CI jobs");
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(problem(text.trim()));
        }
        return new Shard(index, count);
    }

    private static String problem(String text) {
        return PROPERTY + " is '" + text + "'; K must be from 1 to N and N at least 1 (shards count from 1), e.g. -D"
                + PROPERTY + "=1/4 for the first of 4 CI jobs";
    }

    /** True when this shard is the whole suite ({@code 1/1}). */
    public boolean whole() {
        return count == 1;
    }

    /** {@code K/N}, as the user writes it. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
