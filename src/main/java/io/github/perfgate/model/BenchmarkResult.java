package io.github.perfgate.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one benchmark (name, parameters and mode): its primary metric and, when JMH's {@code gc}
 * profiler ran, its allocation per operation ({@code gc.alloc.rate.norm}, bytes per operation).
 */
public record BenchmarkResult(BenchmarkKey key, Metric primary, Metric allocation) {

    public BenchmarkResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(primary, "primary");
    }

    public Optional<Metric> allocationMetric() {
        return Optional.ofNullable(allocation);
    }

    public ScoreUnit unit() {
        return ScoreUnit.parse(primary.unit());
    }
}
