package io.github.perfgate.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The committed reference measurements: one entry per benchmark (name, parameters, mode) with its raw samples,
 * plus when, where and at which commit they were recorded.
 *
 * @param recorded ISO-8601 instant of the recording
 * @param commit the git commit the measurements were taken at, or empty when unknown
 * @param calibration the machine-speed calibration measured with the benchmarks, or null when there was none
 */
public record Baseline(String recorded, String commit, Environment environment, List<BenchmarkResult> benchmarks,
        Calibration calibration) {

    /** The version of the file format this perfgate writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    public Baseline {
        Objects.requireNonNull(recorded, "recorded");
        commit = commit == null ? "" : commit;
        Objects.requireNonNull(environment, "environment");
        benchmarks = inKeyOrder(benchmarks, BenchmarkResult::key);
    }

    /**
     * The items sorted as their keys are ({@link BenchmarkKey#compareTo}), computing each key's display name once
     * instead of twice per comparison: sorting 10,000 benchmarks by {@code compareTo} alone builds about 300,000
     * strings.
     */
    public static <T> List<T> inKeyOrder(Collection<T> items, Function<T, BenchmarkKey> keyOf) {
        record Sortable<T>(String name, Mode mode, T item) {
        }
        List<Sortable<T>> sortable = new ArrayList<>(items.size());
        for (T item : items) {
            BenchmarkKey key = keyOf.apply(item);
            sortable.add(new Sortable<>(key.displayName(), key.mode(), item));
        }
        sortable.sort(Comparator.comparing((Sortable<T> s) -> s.name()).thenComparing(Sortable::mode));
        List<T> sorted = new ArrayList<>(sortable.size());
        for (Sortable<T> s : sortable) {
            sorted.add(s.item());
        }
        return Collections.unmodifiableList(sorted);
    }

    /** A baseline without calibration. */
    public Baseline(String recorded, String commit, Environment environment, List<BenchmarkResult> benchmarks) {
        this(recorded, commit, environment, benchmarks, null);
    }

    public Optional<Calibration> calibrationIfAny() {
        return Optional.ofNullable(calibration);
    }

    /** The entries by key, in key order (a hash map: looking one up does not compare display names). */
    public Map<BenchmarkKey, BenchmarkResult> byKey() {
        Map<BenchmarkKey, BenchmarkResult> map = new LinkedHashMap<>(benchmarks.size() * 2);
        for (BenchmarkResult result : benchmarks) {
            map.put(result.key(), result);
        }
        return map;
    }

    public Optional<BenchmarkResult> find(BenchmarkKey key) {
        return Optional.ofNullable(byKey().get(key));
    }
}
