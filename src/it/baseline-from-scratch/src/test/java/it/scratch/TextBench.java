package it.scratch;

import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Two benchmarks: {@code join} runs once per {@code parts} value, {@code upper} has no parameter. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TextBench {

    private final String word = "perfgate";

    @State(Scope.Benchmark)
    public static class Words {
        @Param({"4", "16"})
        public int parts;

        String[] words;

        @Setup
        public void setup() {
            words = new String[parts];
            for (int i = 0; i < parts; i++) {
                words[i] = "word" + i;
            }
        }
    }

    @Benchmark
    public String join(Words words) {
        StringJoiner joiner = new StringJoiner(",");
        for (String w : words.words) {
            joiner.add(w);
        }
        return joiner.toString();
    }

    @Benchmark
    public String upper() {
        return word.toUpperCase();
    }
}
