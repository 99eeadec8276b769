package io.github.perfgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.Mode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommonBenchmarksTest {

    private static BenchmarkKey key(String name, Mode mode) {
        return BenchmarkKey.of(name, mode);
    }

    @Test
    void oneSharedBenchmarkIsEnough() {
        assertThat(CommonBenchmarks.problem(List.of(key("a.B.x", Mode.AVERAGE_TIME), key("a.B.y", Mode.AVERAGE_TIME)),
                List.of(key("a.B.y", Mode.THROUGHPUT)), "base", "current")).isEmpty();
    }

    @Test
    void disjointFilesListTheFirstFiveNamesOfEachSide() {
        List<BenchmarkKey> base = IntStream.rangeClosed(1, 7).mapToObj(i -> key("a.Base.m" + i, Mode.AVERAGE_TIME))
                .toList();

        assertThat(CommonBenchmarks.problem(base, List.of(key("c.Other.run", Mode.AVERAGE_TIME)),
                "perfgate.base (old.json)", "perfgate.current (new.json)")).contains("perfgate.base (old.json) and"
                + " perfgate.current (new.json) have no benchmark in common, so nothing can be compared."
                + " perfgate.base (old.json) holds a.Base.m1, a.Base.m2, a.Base.m3, a.Base.m4, a.Base.m5 and 2 more;"
                + " perfgate.current (new.json) holds c.Other.run. Compare results of the same benchmarks: two"
                + " perfgate baselines or JMH JSON results (-rf json) of the same project.");
    }

    @Test
    void anEmptySideSharesNothing() {
        assertThat(CommonBenchmarks.problem(List.of(), List.of(key("a.B.x", Mode.AVERAGE_TIME)), "b", "c"))
                .hasValueSatisfying(m -> assertThat(m).contains("b holds no benchmark; c holds a.B.x."));
    }
}
