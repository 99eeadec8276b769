package com.example.csv;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** How long {@link CsvParser} takes on plain input of two sizes and on a small quoted input. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParserBench {

    /** A plain CSV file with a header and {@code rows} records. */
    @State(Scope.Benchmark)
    public static class Plain {
        @Param({"10", "1000"})
        public int rows;

        String csv;

        @Setup
        public void setup() {
            StringBuilder text = new StringBuilder("id,name,city,amount\n");
            for (int i = 0; i < rows; i++) {
                text.append(i).append(",customer-").append(i).append(",Berlin,").append(i * 17 % 1000).append(".50\n");
            }
            csv = text.toString();
        }
    }

    /** Quoted fields with commas, doubled quotes and a line break inside. */
    @State(Scope.Benchmark)
    public static class Quoted {
        final String csv = "id,comment\n"
                + "1,\"Says \"\"hello\"\", then leaves\"\n"
                + "2,\"Two lines:\nfirst, second\"\n"
                + "3,\"plain, but quoted\"\n";
    }

    @Benchmark
    public List<List<String>> parse(Plain input) {
        return CsvParser.parse(input.csv);
    }

    @Benchmark
    public List<List<String>> parseQuoted(Quoted input) {
        return CsvParser.parse(input.csv);
    }
}
