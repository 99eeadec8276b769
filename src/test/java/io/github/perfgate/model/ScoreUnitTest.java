package io.github.perfgate.jmh;

import io.github.perfgate.model.Mode;
import io.github.perfgate.model.ScoreUnit;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScoreUnitTest {

    @Test
    void normalisesTimePerOperationToSeconds() {
        assertThat(ScoreUnit.parse("ns/op").toSecondsPerOp(1500)).isCloseTo(1.5e-6, within(1e-15));
        assertThat(ScoreUnit.parse("us/op").toSecondsPerOp(1.5)).isCloseTo(1.5e-6, within(1e-15));
        assertThat(ScoreUnit.parse("ms/op").toSecondsPerOp(2)).isCloseTo(2e-3, within(1e-15));
        assertThat(ScoreUnit.parse("s/op").toSecondsPerOp(3)).isEqualTo(3.0);
        assertThat(ScoreUnit.parse("ns/op").isTimePerOperation()).isTrue();
    }

    @Test
    void invertsThroughputSoThatHigherScoresMeanLessTime() {
        ScoreUnit perSecond = ScoreUnit.parse("ops/s");
        ScoreUnit perMilli = ScoreUnit.parse("ops/ms");

        assertThat(perSecond.toSecondsPerOp(1000)).isCloseTo(1e-3, within(1e-15));
        assertThat(perMilli.toSecondsPerOp(1)).isCloseTo(1e-3, within(1e-15));
        assertThat(perSecond.toSecondsPerOp(2000)).isLessThan(perSecond.toSecondsPerOp(1000));
        assertThat(perSecond.toSecondsPerOp(0)).isInfinite();
        assertThat(perMilli.fromSecondsPerOp(perMilli.toSecondsPerOp(42))).isCloseTo(42, within(1e-9));
    }

    @Test
    void rejectsUnitsThatAreNotTimings() {
        assertThatThrownBy(() -> ScoreUnit.parse("B/op")).hasMessageContaining("Unsupported JMH score unit 'B/op'");
        assertThatThrownBy(() -> ScoreUnit.parse("ops/fortnight")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modesKnowTheirDirection() {
        assertThat(Mode.fromShortName("thrpt").higherIsBetter()).isTrue();
        assertThat(Mode.fromShortName("avgt").higherIsBetter()).isFalse();
        assertThat(Mode.fromShortName("sample").higherIsBetter()).isFalse();
        assertThat(Mode.fromShortName("ss").higherIsBetter()).isFalse();
        assertThatThrownBy(() -> Mode.fromShortName("all")).isInstanceOf(IllegalArgumentException.class);
    }
}
