package it.concurrent.b;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** mod-b's one benchmark: an xor over 4 KiB of ints. */
@State(Scope.Benchmark)
public class XorBench {

    private int[] data;

    @Setup
    public void setup() {
        data = new int[1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 17;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int xor() {
        int x = 0;
        for (int v : data) {
            x ^= v;
        }
        return x;
    }
}
