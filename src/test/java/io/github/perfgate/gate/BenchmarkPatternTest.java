package io.github.perfgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.Mode;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BenchmarkPatternTest {

    @Test
    void matchesTheFullNameAndSuffixesAtDotBoundaries() {
        BenchmarkPattern p = BenchmarkPattern.parse("ParserBench.parse");
        assertThat(p.matches("acme.ParserBench.parse")).isTrue();
        assertThat(p.matches("ParserBench.parse")).isTrue();
        assertThat(p.matches("acme.JsonParserBench.parse")).isFalse();
        assertThat(p.matches("acme.ParserBench.parseAll")).isFalse();
        assertThat(BenchmarkPattern.parse("acme.ParserBench.parse").matches("acme.ParserBench.parse")).isTrue();
        assertThat(BenchmarkPattern.parse("parse").matches("acme.ParserBench.parse")).isTrue();
    }

    @Test
    void starIsAWildcardAndDotsAreLiteral() {
        assertThat(BenchmarkPattern.parse("*Bench.parse").matches("acme.JsonParserBench.parse")).isTrue();
        assertThat(BenchmarkPattern.parse("ParserBench.*").matches("acme.ParserBench.write")).isTrue();
        assertThat(BenchmarkPattern.parse("*").matches("anything.at.all")).isTrue();
        assertThat(BenchmarkPattern.parse("a.b").matches("axb")).isFalse();
        assertThat(BenchmarkPattern.parse("Parser*.parse").hasWildcard()).isTrue();
    }

    @Test
    void bracketsMatchParameters() {
        BenchmarkKey key = new BenchmarkKey("acme.B.m", new TreeMap<>(Map.of("size", "10")), Mode.AVERAGE_TIME);
        assertThat(BenchmarkPattern.parse("B.m[size=10]").matches(key)).isTrue();
        assertThat(BenchmarkPattern.parse("B.m[size=100]").matches(key)).isFalse();
        assertThat(BenchmarkPattern.parse("B.m").matches(key)).isTrue();
    }

    @Test
    void emptyPatternsAreRefused() {
        assertThatThrownBy(() -> BenchmarkPattern.parse(" ")).hasMessageContaining("must not be empty");
    }
}
