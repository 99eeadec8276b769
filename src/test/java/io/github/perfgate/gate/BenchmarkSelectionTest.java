package io.github.perfgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.Mode;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchmarkSelectionTest {

    private static final BenchmarkKey SLOW = BenchmarkKey.of("a.B.slow", Mode.AVERAGE_TIME);

    /** As JMH selects: {@code find()} of the include in the full name. */
    private static boolean jmhSelects(String include, String benchmark) {
        return Pattern.compile(include).matcher(benchmark).find();
    }

    @Test
    void selectsExactlyTheNamedMethod() {
        String include = BenchmarkSelection.exactly(SLOW);

        assertThat(jmhSelects(include, "a.B.slow")).isTrue();
        assertThat(jmhSelects(include, "a.B.slowAll")).isFalse();
        assertThat(jmhSelects(include, "x.a.B.slow")).isFalse();
        assertThat(jmhSelects(include, "aXB.slow")).isFalse();
    }

    @Test
    void quotesEveryCharacterOfTheName() {
        String include = BenchmarkSelection.exactly("acme.Outer$Inner.run");

        assertThat(include).isEqualTo("^\\Qacme.Outer$Inner.run\\E$");
        assertThat(jmhSelects(include, "acme.Outer$Inner.run")).isTrue();
        assertThat(jmhSelects(include, "acme.Outer$Inner.running")).isFalse();
    }

    @Test
    void theIncludePropertyNamesEachMethodOnceInOrderSafeForAShell() {
        BenchmarkKey fast = BenchmarkKey.of("a.B.fast", Mode.AVERAGE_TIME);
        BenchmarkKey slowThroughput = BenchmarkKey.of("a.B.slow", Mode.THROUGHPUT);

        String hint = BenchmarkSelection.includeProperty(List.of(SLOW, slowThroughput, fast));

        assertThat(hint).isEqualTo("^\\Qa.B.slow\\E$,^\\Qa.B.fast\\E$");
        assertThat(List.of(hint.split(","))).isEqualTo(BenchmarkSelection.exactly(List.of(SLOW, slowThroughput, fast)));
        // Safe in single quotes on a shell command line, and one value per benchmark for Maven's comma split.
        assertThat(hint).doesNotContain("'");
        assertThat(BenchmarkSelection.exactly(SLOW)).doesNotContain(",");
    }
}
