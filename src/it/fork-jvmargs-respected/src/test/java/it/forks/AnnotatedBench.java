package it.forks;

import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Sets its own fork options, as JMH users do. */
@State(Scope.Benchmark)
@Fork(jvmArgs = {"-Xmx256m", "-Dperfgate.it.marker=fromAnnotation"})
public class AnnotatedBench {
    private long x = 1;

    @Setup(Level.Trial)
    public void observe() throws IOException {
        Observed.record("AnnotatedBench");
    }

    @Benchmark
    public long work() {
        x = x * 31 + 7;
        return x;
    }
}
