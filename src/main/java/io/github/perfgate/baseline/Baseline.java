package io.github.perfgate.baseline;

import io.github.perfgate.jmh.BenchmarkKey;
import io.github.perfgate.jmh.BenchmarkResult;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The committed reference measurements: one entry per benchmark (name, parameters, mode) with its raw samples,
 * plus when, where and at which commit they were recorded.
 *
 * @param recorded ISO-8601 instant of the recording
 * @param commit the git commit the measurements were taken at, or empty when unknown
 */
public record Baseline(String recorded, String commit, Environment environment, List<BenchmarkResult> benchmarks) {

    /** The version of the file format this perfgate writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    public Baseline {
        Objects.requireNonNull(recorded, "recorded");
        commit = commit == null ? "" : commit;
        Objects.requireNonNull(environment, "environment");
        benchmarks = benchmarks.stream().sorted(Comparator.comparing(BenchmarkResult::key)).toList();
    }

    public Map<BenchmarkKey, BenchmarkResult> byKey() {
        Map<BenchmarkKey, BenchmarkResult> map = new LinkedHashMap<>();
        for (BenchmarkResult result : benchmarks) {
            map.put(result.key(), result);
        }
        return map;
    }

    public Optional<BenchmarkResult> find(BenchmarkKey key) {
        return benchmarks.stream().filter(b -> b.key().equals(key)).findFirst();
    }
}
