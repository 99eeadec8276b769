package io.github.perfgate.baseline;

import io.github.perfgate.calibration.Calibration;
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
        benchmarks = benchmarks.stream().sorted(Comparator.comparing(BenchmarkResult::key)).toList();
    }

    /** A baseline without calibration. */
    public Baseline(String recorded, String commit, Environment environment, List<BenchmarkResult> benchmarks) {
        this(recorded, commit, environment, benchmarks, null);
    }

    public Optional<Calibration> calibrationIfAny() {
        return Optional.ofNullable(calibration);
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
