package io.github.perfgate.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Identifies one benchmark result: the benchmark method's fully qualified name, its {@code @Param} values and
 * its mode (one method can run in several modes).
 */
public record BenchmarkKey(String name, SortedMap<String, String> params, Mode mode) implements Comparable<BenchmarkKey> {

    public BenchmarkKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params == null ? Map.of() : params));
    }

    public static BenchmarkKey of(String name, Mode mode) {
        return new BenchmarkKey(name, new TreeMap<>(), mode);
    }

    /** The name with its parameters, e.g. {@code acme.ParserBench.parse[size=10]}; the name alone without any. */
    public String displayName() {
        if (params.isEmpty()) {
            return name;
        }
        return name + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** The same benchmark and parameters, ignoring the mode. */
    public boolean sameBenchmark(BenchmarkKey other) {
        return name.equals(other.name) && params.equals(other.params);
    }

    @Override
    public int compareTo(BenchmarkKey other) {
        int byName = displayName().compareTo(other.displayName());
        return byName != 0 ? byName : mode.compareTo(other.mode);
    }

    @Override
    public String toString() {
        return displayName() + " (" + mode.shortName() + ")";
    }
}
