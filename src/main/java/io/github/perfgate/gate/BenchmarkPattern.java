package io.github.perfgate.gate;

import io.github.perfgate.model.BenchmarkKey;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names one or more benchmarks the way a user writes them: the fully qualified name
 * ({@code acme.ParserBench.parse}), a suffix that starts at a dot boundary ({@code ParserBench.parse} or
 * {@code parse}), and {@code *} as a wildcard for any characters ({@code Parser*.parse*}). A pattern that contains
 * {@code [} also matches the parameters as perfgate prints them ({@code ParserBench.parse[size=10]}).
 */
public final class BenchmarkPattern {

    private final String text;
    private final Pattern regex;
    private final boolean withParams;

    private BenchmarkPattern(String text) {
        this.text = text;
        this.withParams = text.contains("[");
        this.regex = Pattern.compile(build(text));
    }

    private static String build(String text) {
        StringBuilder re = new StringBuilder("(?:.*\\.)?");
        String[] parts = text.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            if (!parts[i].isEmpty()) {
                re.append(Pattern.quote(parts[i]));
            }
        }
        return re.toString();
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException for an empty pattern
     */
    public static BenchmarkPattern parse(String text) {
        String trimmed = Objects.requireNonNull(text, "pattern").trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A benchmark pattern must not be empty");
        }
        return new BenchmarkPattern(trimmed);
    }

    public boolean matches(BenchmarkKey key) {
        return matches(withParams ? key.displayName() : key.name());
    }

    public boolean matches(String benchmarkName) {
        return regex.matcher(benchmarkName).matches();
    }

    /** True when the pattern names exactly one benchmark (no wildcard, a full name or a suffix). */
    public boolean hasWildcard() {
        return text.contains("*");
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
