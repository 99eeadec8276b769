package io.github.perfgate.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * Measurements of the fixed {@link CalibrationWorkload}, in nanoseconds per operation, one row per calibration
 * JVM. Recorded with the baseline and again with every check, so that a machine that is slower or faster than
 * when the baseline was recorded is recognised as such.
 *
 * @param workload the workload's {@link CalibrationWorkload#ID}; measurements of different workloads are not
 *     compared
 */
public record Calibration(String workload, double[][] samples) {

    public Calibration {
        Objects.requireNonNull(workload, "workload");
        samples = copy(samples);
    }

    @Override
    public double[][] samples() {
        return copy(samples);
    }

    /** This calibration and another of the same workload as one, e.g. the runs before and after the benchmarks. */
    public Calibration pooledWith(Calibration other) {
        if (!workload.equals(other.workload)) {
            throw new IllegalArgumentException("Cannot pool calibration workloads " + workload + " and "
                    + other.workload);
        }
        double[][] pooled = Arrays.copyOf(samples, samples.length + other.samples.length);
        System.arraycopy(other.samples, 0, pooled, samples.length, other.samples.length);
        return new Calibration(workload, pooled);
    }

    private static double[][] copy(double[][] source) {
        double[][] result = new double[source.length][];
        for (int i = 0; i < source.length; i++) {
            result[i] = source[i].clone();
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Calibration c && c.workload.equals(workload)
                && Arrays.deepEquals(c.samples, samples);
    }

    @Override
    public int hashCode() {
        return workload.hashCode() * 31 + Arrays.deepHashCode(samples);
    }
}
