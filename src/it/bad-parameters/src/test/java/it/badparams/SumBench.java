package it.badparams;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SumBench {

    private long[] values;

    @Setup
    public void setup() {
        values = new long[1_000];
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
