package it.summary;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Three benchmarks in the baseline, one per size; a check with {@code -p size=100} runs only one of them. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SumBench {

    @Param({"100", "200", "300"})
    public int size;

    private long[] values;

    @Setup
    public void setup() {
        values = new long[size];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 7L;
        }
    }

    @Benchmark
    public long sum() {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }
}
