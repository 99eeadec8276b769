package io.github.perfgate.stats;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * The exact bootstrap distribution of the median of {@code n} values, by rank.
 *
 * <p>Resample {@code n} values with replacement from {@code n} sorted values {@code x[0] <= ... <=
 * x[n-1]}; the resample's median is {@code x[i]} (odd {@code n}) or {@code (x[i] + x[j]) / 2} (even
 * {@code n}) for some ranks {@code i <= j}. Which ranks, and with what probability, depends only on
 * {@code n}, not on the values: so a fork's bootstrap median can be drawn from this table without
 * generating and sorting a resample. With 1-based ranks and {@code m} the rank of the (lower) median:
 * <ul>
 *   <li>{@code P(lower median <= i) = P(Binomial(n, i/n) >= m)};
 *   <li>for even {@code n} and {@code i < j}: exactly {@code m} draws are {@code <= i} with at least one
 *       equal to {@code i}, and the smallest of the other {@code n - m} is {@code j}:
 *       {@code C(n, m) [(i/n)^m - ((i-1)/n)^m] [((n-j+1)/n)^(n-m) - ((n-j)/n)^(n-m)]};
 *   <li>{@code i = j} takes the rest of {@code P(lower median = i)}.
 * </ul>
 * Rank pairs whose probability is below {@link #NEGLIGIBLE} are left out (this only happens for large
 * {@code n}; up to {@code n = 15} every pair is kept) and the rest renormalised.
 *
 * <p>Immutable; tables are computed once per {@code n} and shared between threads.
 */
final class ResampledMedian {

    /** Probability below which a rank pair is dropped; far below what any bootstrap can resolve. */
    static final double NEGLIGIBLE = 1e-15;

    private static final ConcurrentMap<Integer, ResampledMedian> CACHE = new ConcurrentHashMap<>();

    /** 0-based ranks of the two middle values (equal for a single middle value), and their probability. */
    private final int[] low;
    private final int[] high;
    private final double[] probability;

    private ResampledMedian(int[] low, int[] high, double[] probability) {
        this.low = low;
        this.high = high;
        this.probability = probability;
    }

    /** The table for samples of size {@code n >= 1}. */
    static ResampledMedian ofSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        return CACHE.computeIfAbsent(n, ResampledMedian::compute);
    }

    int size() {
        return probability.length;
    }

    int low(int atom) {
        return low[atom];
    }

    int high(int atom) {
        return high[atom];
    }

    double probability(int atom) {
        return probability[atom];
    }

    /** The median of sorted values, with the same convention as the atoms: mean of the two middle ones. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : middle(sorted[n / 2 - 1], sorted[n / 2]);
    }

    /** Mean of two middle values; exact when they are equal, infinite when one is. */
    static double middle(double a, double b) {
        return a == b ? a : (a + b) * 0.5;
    }

    private static ResampledMedian compute(int n) {
        int m = (n + 1) / 2; // 1-based rank of the (lower) median
        IntList lows = new IntList();
        IntList highs = new IntList();
        DoubleList probs = new DoubleList();
        double logChoose = CombinatoricsUtils.binomialCoefficientLog(n, m);
        for (int i = 1; i <= n; i++) {
            double atLow = atLeast(n, i, m) - atLeast(n, i - 1, m); // P(lower median = i)
            if (atLow < NEGLIGIBLE) {
                continue;
            }
            double single = atLow;
            if (n % 2 == 0) {
                // Logs throughout: C(n, m) overflows and (i/n)^m underflows for large n.
                // (i/n)^m - ((i-1)/n)^m = (i/n)^m (1 - (1 - 1/i)^m), likewise for the high part.
                double logLowPart = m * Math.log((double) i / n) + log1mPow(1.0 / i, m);
                for (int j = i + 1; j <= n; j++) {
                    double logHighPart = (n - m) * Math.log((double) (n - j + 1) / n)
                            + log1mPow(1.0 / (n - j + 1), n - m);
                    double pair = Math.exp(logChoose + logLowPart + logHighPart);
                    if (pair < NEGLIGIBLE) {
                        break; // decreasing in j
                    }
                    lows.add(i - 1);
                    highs.add(j - 1);
                    probs.add(pair);
                    single -= pair;
                }
            }
            if (single >= NEGLIGIBLE) {
                lows.add(i - 1);
                highs.add(i - 1);
                probs.add(single);
            }
        }
        double[] p = probs.toArray();
        double total = 0;
        for (double v : p) {
            total += v;
        }
        for (int a = 0; a < p.length; a++) {
            p[a] /= total;
        }
        return new ResampledMedian(lows.toArray(), highs.toArray(), p);
    }

    /** P(Binomial(n, i/n) >= m): the chance that at least m of n draws have rank <= i. */
    private static double atLeast(int n, int i, int m) {
        if (i <= 0) {
            return 0;
        }
        if (i >= n) {
            return 1;
        }
        return Beta.regularizedBeta((double) i / n, m, n - m + 1);
    }

    /** log(1 - (1 - d)^k) for d in (0, 1], accurate for small d. */
    private static double log1mPow(double d, int k) {
        return Math.log(-Math.expm1(k * Math.log1p(-d)));
    }

    private static final class IntList {
        private int[] a = new int[16];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    private static final class DoubleList {
        private double[] a = new double[16];
        private int size;

        void add(double v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
