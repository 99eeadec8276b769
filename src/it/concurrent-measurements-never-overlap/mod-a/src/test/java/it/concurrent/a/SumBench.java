package it.concurrent.a;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** mod-a's one benchmark: a sum over 4 KiB of ints. */
@State(Scope.Benchmark)
public class SumBench {

    private int[] data;

    @Setup
    public void setup() {
        data = new int[1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 31;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long sum() {
        long s = 0;
        for (int v : data) {
            s += v;
        }
        return s;
    }
}
