package io.github.perfgate.stats;

/** Estimates how a benchmark changed between a baseline and a current run. */
public interface ChangeEstimator {

    /**
     * @param baseline the committed baseline, lower is better
     * @param current the run under test, same scale and unit as {@code baseline}
     * @param confidence two-sided confidence of the interval, in (0, 1), e.g. 0.99
     * @return the estimate; never null, check {@link ChangeEstimate#estimable()}
     * @throws IllegalArgumentException if {@code confidence} is not in (0, 1)
     */
    ChangeEstimate estimate(Samples baseline, Samples current, double confidence);

    /** What the intervals are computed over, as reports say it, e.g. {@code forks and iterations}. */
    default String intervalsOver() {
        return "forks and iterations";
    }
}
