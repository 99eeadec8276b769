package io.github.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediansTest {

    @Test
    void oddAndEvenCountsUnsortedInput() {
        assertThat(Medians.of(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(Medians.of(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void nanAndInfiniteValuesAreIgnored() {
        assertThat(Medians.of(new double[] {Double.NaN, 7, Double.POSITIVE_INFINITY, 1, 4})).isEqualTo(4);
        assertThat(Medians.of(new double[] {Double.NaN})).isNaN();
        assertThat(Medians.of(new double[0])).isNaN();
    }

    @Test
    void pooledAndPerFork() {
        double[][] forks = {{1, 2, 9}, {10, 20}, {Double.NaN}};
        assertThat(Medians.ofAll(forks)).isEqualTo(9);
        assertThat(Medians.perFork(forks)).containsExactly(2, 15);
    }
}
