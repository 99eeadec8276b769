package io.github.perfgate.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one benchmark (name, parameters and mode): its primary metric, when JMH's {@code gc} profiler ran its
 * allocation per operation ({@code gc.alloc.rate.norm}, bytes per operation), and when perfgate's CPU-time profiler
 * ran the CPU time of the benchmark threads per operation ({@code perfgate.cpu}, nanoseconds per operation).
 *
 * @param allocation bytes per operation, null when not measured
 * @param cpu CPU time per operation in {@code ns/op}, null when not measured (a baseline of perfgate 0.1, a JVM
 *     that cannot measure thread CPU time)
 */
public record BenchmarkResult(BenchmarkKey key, Metric primary, Metric allocation, Metric cpu) {

    public BenchmarkResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(primary, "primary");
    }

    /** A result without CPU time. */
    public BenchmarkResult(BenchmarkKey key, Metric primary, Metric allocation) {
        this(key, primary, allocation, null);
    }

    public Optional<Metric> cpuMetric() {
        return Optional.ofNullable(cpu);
    }

    public Optional<Metric> allocationMetric() {
        return Optional.ofNullable(allocation);
    }

    public ScoreUnit unit() {
        return ScoreUnit.parse(primary.unit());
    }
}
