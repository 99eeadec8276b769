package io.github.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChangeEstimateTest {

    @Test
    void changesAreRatiosMinusOne() {
        ChangeEstimate e = new ChangeEstimate(200, 250, 1.25, 1.1, 1.4, 0.99, true, "");

        assertThat(e.change()).isCloseTo(0.25, within(1e-12));
        assertThat(e.lowerChange()).isCloseTo(0.1, within(1e-12));
        assertThat(e.upperChange()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void notEstimableCarriesNaNRatiosAndTheReason() {
        ChangeEstimate e = ChangeEstimate.notEstimable(0, 5, 0.99, "baseline location is 0");

        assertThat(e.estimable()).isFalse();
        assertThat(e.ratio()).isNaN();
        assertThat(e.lowerRatio()).isNaN();
        assertThat(e.upperRatio()).isNaN();
        assertThat(e.caveat()).isEqualTo("baseline location is 0");
    }

    @Test
    void rejectsConfidenceOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> ChangeEstimate.notEstimable(1, 1, 1.0, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeEstimate.notEstimable(1, 1, 0, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
