package it.alloc;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Folds 2,000 ints into a fresh 16-int digest. {@code -Dalloc.factor=N} (default 1) allocates the digest array N
 * times as large as it needs to be, the kind of over-sizing a "just in case" capacity change introduces: with 4
 * the array has 4x the elements (an int[64] of 272 bytes per operation instead of an int[16] of 80, headers
 * included) while the work, which dominates the time, stays the same. The digest goes to a {@link Blackhole}, so
 * escape analysis cannot remove the allocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DigestBench {

    private static final int DIGEST = 16;

    private int[] values;
    private int factor;

    @Setup
    public void setup() {
        factor = Integer.getInteger("alloc.factor", 1);
        values = new int[2_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0x9E3779B9;
        }
    }

    @Benchmark
    public void digest(Blackhole bh) {
        int[] digest = new int[DIGEST * factor];
        for (int i = 0; i < values.length; i++) {
            int slot = i & (DIGEST - 1);
            digest[slot] = 31 * digest[slot] + values[i];
        }
        bh.consume(digest);
    }
}
