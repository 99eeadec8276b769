package it.claimjournal;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parses 2,000 digits, {@code -Dslowdown=N} times over (default 1). Each round continues from the value of the
 * previous one, so the JIT can neither hoist nor merge rounds: {@code -Dslowdown=20} is a real 20x slowdown. The
 * baseline is recorded with it, so the code checked afterwards is a genuine optimisation to 1/20 of the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParserBench {

    private String digits;
    private int rounds;

    @Setup
    public void setup() {
        rounds = Integer.getInteger("slowdown", 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            s.append((char) ('0' + i * 7 % 10));
        }
        digits = s.toString();
    }

    @Benchmark
    public int parse() {
        int value = 0;
        for (int r = 0; r < rounds; r++) {
            value = Parser.parse(digits, value);
        }
        return value;
    }
}
