package it.keep;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A polynomial hash over 2,000 ints, repeated {@code -Dslowdown=N} times (default 1). Each round feeds on the
 * previous one, so the JIT can neither hoist nor merge rounds: {@code -Dslowdown=5} is a real 5x slowdown.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HashBench {

    private int[] data;
    private int rounds;

    @Setup
    public void setup() {
        rounds = Integer.getInteger("slowdown", 1);
        data = new int[2_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 0x9E3779B9;
        }
    }

    @Benchmark
    public int hash() {
        int h = 17;
        for (int r = 0; r < rounds; r++) {
            for (int value : data) {
                h = 31 * h + value;
            }
        }
        return h;
    }
}
