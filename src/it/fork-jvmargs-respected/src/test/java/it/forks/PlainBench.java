package it.forks;

import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** No fork options of its own. */
@State(Scope.Benchmark)
public class PlainBench {
    private long x = 1;

    @Setup(Level.Trial)
    public void observe() throws IOException {
        Observed.record("PlainBench");
    }

    @Benchmark
    public long work() {
        x = x * 17 + 3;
        return x;
    }
}
