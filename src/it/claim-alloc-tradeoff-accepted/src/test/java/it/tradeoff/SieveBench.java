package it.tradeoff;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the primes below 20,000: by trial division (the code before the optimisation, allocating nothing), or
 * with {@code -Dvariant=fast} by a sieve that allocates a 20 kB array per operation and is about 50x faster.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SieveBench {

    private int limit;
    private boolean fast;

    @Setup
    public void setup() {
        limit = 20_000;
        fast = "fast".equals(System.getProperty("variant"));
    }

    @Benchmark
    public int primes() {
        return fast ? Primes.countBySieve(limit) : Primes.countByTrialDivision(limit);
    }
}
