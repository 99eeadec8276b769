package io.github.perfgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentTest {

    @Test
    void parsesPercentagesWithOrWithoutTheSign() {
        assertThat(Percent.parse("10%", "x")).isCloseTo(0.10, within(1e-12));
        assertThat(Percent.parse("10", "x")).isCloseTo(0.10, within(1e-12));
        assertThat(Percent.parse(" 12.5 % ", "x")).isCloseTo(0.125, within(1e-12));
        assertThat(Percent.parse("0%", "x")).isZero();
    }

    @Test
    void refusesNegativeAndNonNumbersNamingTheSetting() {
        assertThatThrownBy(() -> Percent.parse("-5%", "perfgate.regressionThreshold"))
                .hasMessageContaining("perfgate.regressionThreshold '-5%' must be a percentage of 0% or more");
        assertThatThrownBy(() -> Percent.parse("ten", "x")).hasMessageContaining("is not a percentage");
        assertThatThrownBy(() -> Percent.parse("", "x")).hasMessageContaining("is empty");
    }

    @Test
    void formats() {
        assertThat(Percent.format(0.1)).isEqualTo("10%");
        assertThat(Percent.format(0.125)).isEqualTo("12.5%");
        assertThat(Percent.signed(0.382)).isEqualTo("+38.2%");
        assertThat(Percent.signed(-0.05)).isEqualTo("-5.0%");
        assertThat(Percent.signed(Double.NaN)).isEqualTo("n/a");
    }
}
