package io.github.perfgate.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * Raw JMH data of one benchmark on a lower-is-better scale (time per operation; the caller converts
 * throughput), one row per fork, one value per measurement iteration.
 *
 * <p>Forks are the independent units: each is a separate JVM. Iterations within a fork share that JVM's
 * JIT decisions, heap layout and machine state, so they are correlated. Rows may differ in length.
 *
 * <p>The values are kept as given, NaN included; the estimators decide what to drop. Instances are
 * immutable: the constructor and {@link #forks()} copy.
 */
public final class Samples {

    private final double[][] forks;
    private final int totalCount;

    /**
     * @param forks one row per fork, one value per measurement iteration; copied
     * @throws NullPointerException if {@code forks} or one of its rows is null
     */
    public Samples(double[][] forks) {
        Objects.requireNonNull(forks, "forks");
        this.forks = new double[forks.length][];
        int total = 0;
        for (int f = 0; f < forks.length; f++) {
            this.forks[f] = Objects.requireNonNull(forks[f], "fork " + f).clone();
            total += forks[f].length;
        }
        this.totalCount = total;
    }

    /** Samples with one row per argument: {@code Samples.of(new double[] {1, 2}, new double[] {3})}. */
    public static Samples of(double[]... forks) {
        return new Samples(forks);
    }

    /** The number of forks (rows), including rows that hold no usable value. */
    public int forkCount() {
        return forks.length;
    }

    /** A copy of the data: one row per fork. */
    public double[][] forks() {
        double[][] copy = new double[forks.length][];
        for (int f = 0; f < forks.length; f++) {
            copy[f] = forks[f].clone();
        }
        return copy;
    }

    /** The number of values over all forks, NaN included. */
    public int totalCount() {
        return totalCount;
    }

    /** Read-only view for this package; callers must not modify the rows. */
    double[][] rows() {
        return forks;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Samples other && Arrays.deepEquals(forks, other.forks);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(forks);
    }

    @Override
    public String toString() {
        return "Samples" + Arrays.deepToString(forks);
    }
}
