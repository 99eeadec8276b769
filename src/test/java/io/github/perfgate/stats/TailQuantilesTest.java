package io.github.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TailQuantilesTest {

    @ParameterizedTest
    @CsvSource({
        "1000, 0.005", "1000, 0.025", "1000, 0.05", "1000, 0.25", "1000, 0.5",
        "2000, 0.005", "101, 0.1", "100, 0.001", "7, 0.3"})
    void matchesSortingWithType7Interpolation(int count, double p) {
        SplittableRandom random = new SplittableRandom(count * 31L + (long) (p * 1000));
        for (int trial = 0; trial < 20; trial++) {
            double[] values = new double[count];
            TailQuantiles tails = new TailQuantiles(count, p, 1 - p);
            for (int i = 0; i < count; i++) {
                // Few distinct values in half the trials: ties are the norm in a discrete bootstrap.
                values[i] = trial % 2 == 0 ? random.nextDouble() : random.nextInt(20);
                tails.offer(values[i]);
            }
            Arrays.sort(values);
            assertThat(tails.lower()).isEqualTo(ForkSet.quantile(values, p));
            assertThat(tails.upper()).isEqualTo(ForkSet.quantile(values, 1 - p));
        }
    }

    @Test
    void countsNaNAsTheWorstCaseAtBothEnds() {
        TailQuantiles tails = new TailQuantiles(100, 0.02, 0.98);
        for (int i = 0; i < 97; i++) {
            tails.offer(1 + i / 1000.0);
        }
        for (int i = 0; i < 3; i++) {
            tails.offer(Double.NaN);
        }
        // Three undefined values: both the second and the 97th order statistics are undefined.
        assertThat(tails.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(tails.upper()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void aFewNaNsBeyondTheQuantilesDoNotMatter() {
        TailQuantiles tails = new TailQuantiles(1000, 0.05, 0.95);
        double[] values = new double[1000];
        for (int i = 0; i < 1000; i++) {
            values[i] = i == 500 ? Double.NEGATIVE_INFINITY : i;
            tails.offer(i == 500 ? Double.NaN : i);
        }
        assertThat(tails.lower()).isEqualTo(48.95); // the NaN sits below 0
        values[500] = Double.POSITIVE_INFINITY;
        Arrays.sort(values);
        assertThat(tails.upper()).isEqualTo(ForkSet.quantile(values, 0.95));
    }
}
