package it.throwing;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BoomBench {

    private int calls;

    /** Works for a while, then throws: like a benchmark whose input ran out or whose code broke. */
    @Benchmark
    public int explode() {
        if (++calls > 1_000) {
            throw new IllegalStateException("boom");
        }
        return calls;
    }
}
