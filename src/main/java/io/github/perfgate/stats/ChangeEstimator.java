package io.github.perfgate.stats;

/** Estimates the change between two sets of samples with a confidence interval. */
public interface ChangeEstimator {
    ChangeEstimate estimate(Samples baseline, Samples current, double confidence);
}
