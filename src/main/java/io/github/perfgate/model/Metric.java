package io.github.perfgate.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One JMH metric of a benchmark: its score as JMH computed it, the score's error and confidence interval,
 * its unit, and the raw values, one row per fork and one value per measurement iteration.
 */
public record Metric(double score, double scoreError, double confidenceLow, double confidenceHigh, String unit,
        double[][] samples) {

    public Metric {
        Objects.requireNonNull(unit, "unit");
        samples = copy(samples);
    }

    @Override
    public double[][] samples() {
        return copy(samples);
    }

    public int forkCount() {
        return samples.length;
    }

    public int sampleCount() {
        int total = 0;
        for (double[] fork : samples) {
            total += fork.length;
        }
        return total;
    }

    private static double[][] copy(double[][] source) {
        if (source == null) {
            return new double[0][];
        }
        double[][] result = new double[source.length][];
        for (int i = 0; i < source.length; i++) {
            result[i] = source[i].clone();
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Metric m
                && Double.compare(m.score, score) == 0
                && Double.compare(m.scoreError, scoreError) == 0
                && Double.compare(m.confidenceLow, confidenceLow) == 0
                && Double.compare(m.confidenceHigh, confidenceHigh) == 0
                && m.unit.equals(unit)
                && Arrays.deepEquals(m.samples, samples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(score, unit) * 31 + Arrays.deepHashCode(samples);
    }

    @Override
    public String toString() {
        return score + " " + unit + " (" + forkCount() + " forks, " + sampleCount() + " samples)";
    }
}
