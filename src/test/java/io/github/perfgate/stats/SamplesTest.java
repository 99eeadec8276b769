package io.github.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void countsForksAndValuesIncludingNaN() {
        Samples s = Samples.of(new double[] {1, 2, 3}, new double[] {4, Double.NaN}, new double[0]);

        assertThat(s.forkCount()).isEqualTo(3);
        assertThat(s.totalCount()).isEqualTo(5);
    }

    @Test
    void copiesOnTheWayInAndOut() {
        double[] row = {1, 2, 3};
        double[][] forks = {row};
        Samples s = new Samples(forks);

        row[0] = 99;
        forks[0] = new double[] {7};
        assertThat(s.forks()[0]).containsExactly(1, 2, 3);

        s.forks()[0][1] = 99;
        assertThat(s.forks()[0]).containsExactly(1, 2, 3);
    }

    @Test
    void equalsByContent() {
        assertThat(Samples.of(new double[] {1, 2})).isEqualTo(Samples.of(new double[] {1, 2}))
                .hasSameHashCodeAs(Samples.of(new double[] {1, 2}))
                .isNotEqualTo(Samples.of(new double[] {1}, new double[] {2}));
        assertThat(Samples.of(new double[] {1, 2})).hasToString("Samples[[1.0, 2.0]]");
    }

    @Test
    void rejectsNullRows() {
        assertThatThrownBy(() -> Samples.of(new double[] {1}, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("fork 1");
    }
}
