package io.github.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResampledMedianTest {

    /** Enumerates all n^n equally likely resamples of the ranks 0..n-1 and tallies their median's ranks. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void matchesFullEnumerationOfAllResamples(int n) {
        double[][] exact = new double[n][n];
        int[] draw = new int[n];
        int[] sorted = new int[n];
        double each = Math.pow(n, -n);
        for (long code = 0; code < (long) Math.pow(n, n); code++) {
            long c = code;
            for (int i = 0; i < n; i++) {
                draw[i] = (int) (c % n);
                c /= n;
            }
            System.arraycopy(draw, 0, sorted, 0, n);
            Arrays.sort(sorted);
            int low = n % 2 == 1 ? sorted[n / 2] : sorted[n / 2 - 1];
            exact[low][sorted[n / 2]] += each;
        }

        ResampledMedian table = ResampledMedian.ofSize(n);
        double[][] tabled = new double[n][n];
        for (int a = 0; a < table.size(); a++) {
            tabled[table.low(a)][table.high(a)] += table.probability(a);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(tabled[i][j]).as("P(median ranks %d,%d) for n=%d", i, j, n)
                        .isCloseTo(exact[i][j], within(1e-12));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 10, 15, 30, 101, 1000, 5000})
    void probabilitiesSumToOneAndRanksAreOrdered(int n) {
        ResampledMedian table = ResampledMedian.ofSize(n);
        double total = 0;
        for (int a = 0; a < table.size(); a++) {
            assertThat(table.low(a)).isBetween(0, table.high(a));
            assertThat(table.high(a)).isLessThan(n);
            assertThat(table.probability(a)).isPositive();
            total += table.probability(a);
        }
        assertThat(total).isCloseTo(1, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 14})
    void keepsEveryRankPairForSmallEvenSizes(int n) {
        assertThat(ResampledMedian.ofSize(n).size()).isEqualTo(n * (n + 1) / 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10})
    void symmetricInRanks(int n) {
        ResampledMedian table = ResampledMedian.ofSize(n);
        double[][] p = new double[n][n];
        for (int a = 0; a < table.size(); a++) {
            p[table.low(a)][table.high(a)] = table.probability(a);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                assertThat(p[i][j]).isCloseTo(p[n - 1 - j][n - 1 - i], within(1e-12));
            }
        }
    }
}
