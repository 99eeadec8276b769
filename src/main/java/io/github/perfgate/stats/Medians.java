package io.github.perfgate.stats;

import java.util.Arrays;

/**
 * Plain medians of raw samples, for the figures that need no resampling: a fork's typical iteration, or the typical
 * value of a nearly deterministic metric such as allocation per operation. The median of an even count is the mean
 * of the two middle values, as everywhere in perfgate; NaN and infinite values are ignored.
 */
public final class Medians {

    private Medians() {
    }

    /** The median of the finite values, or NaN when there is none. */
    public static double of(double[] values) {
        double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : ResampledMedian.median(sorted);
    }

    /** The median of every finite value of every fork, pooled. */
    public static double ofAll(double[][] forks) {
        return of(Arrays.stream(forks).flatMapToDouble(Arrays::stream).toArray());
    }

    /** Each fork's median; forks without a finite value are left out. */
    public static double[] perFork(double[][] forks) {
        return Arrays.stream(forks).mapToDouble(Medians::of).filter(Double::isFinite).toArray();
    }
}
