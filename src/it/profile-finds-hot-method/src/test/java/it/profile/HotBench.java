package it.profile;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A benchmark whose time goes almost entirely to {@link Work#crunch}: the little work done here (an addition and a
 * field update) is a rounding error next to crunch's 20,000-step loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotBench {

    private long seed = 42;

    @Benchmark
    public long hotLoop() {
        seed++;
        return Work.crunch(seed);
    }
}
