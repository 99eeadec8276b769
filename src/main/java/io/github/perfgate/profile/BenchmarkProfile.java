package io.github.perfgate.profile;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.Metric;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What profiling found for one benchmark.
 *
 * @param key        the benchmark, its parameters and mode
 * @param score      JMH's primary result, measured while the profilers ran
 * @param allocation JMH's {@code gc.alloc.rate.norm} (bytes per operation); {@code null} when not measured
 * @param hotMethods the methods by self time; {@code null} when another tool (async-profiler) did the sampling and
 *                   its output is only listed in {@code files}
 * @param files      the profiler's files for this benchmark: the JFR recording, or async-profiler's output
 */
public record BenchmarkProfile(BenchmarkKey key, Metric score, Metric allocation, HotMethods hotMethods, List<Path> files) {

    public BenchmarkProfile {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(score, "score");
        files = List.copyOf(files);
    }

    public Optional<Metric> allocationMetric() {
        return Optional.ofNullable(allocation);
    }

    /** The benchmark as printed: {@code acme.ParserBench.parse[size=10] (avgt)}. */
    public String title() {
        return key.displayName() + " (" + key.mode().shortName() + ")";
    }
}
