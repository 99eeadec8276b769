package io.github.perfgate.stats;

/**
 * The point estimate of one side of a comparison: <b>the mean over forks of each fork's median
 * iteration, after dropping upper-outlier iterations</b>.
 *
 * <p>Why this estimator:
 * <ul>
 *   <li><b>Median within a fork.</b> On a shared CI machine single iterations are hit by GC pauses, JIT
 *       deoptimisation or a neighbour's burst: iteration-level coefficients of variation of 124-169% were
 *       measured on a loaded 2-core machine. A mean follows those outliers; a median ignores up to half
 *       of a fork's iterations.
 *   <li><b>Mean over forks.</b> Forks are separate JVMs, the independent units of a JMH run, so each
 *       weighs the same whatever its iteration count. With the 2-5 forks a CI run can afford, a mean uses
 *       every fork; a median of 3 would throw two away.
 *   <li><b>Upper outliers dropped first.</b> The median alone protects the point estimate, not the
 *       interval: a bootstrap resample of a 5-iteration fork repeats its one 10x iteration 3 times or
 *       more in 6% of draws, making that fork's resampled median 10x. On synthetic 3-fork x 5-iteration
 *       data with 5% outliers that made the 99% interval span a factor of 5.5 (upper / lower); dropping
 *       the outliers first brings it to 1.2 with the A/A coverage still 99%, and a true 2x slowdown then
 *       has its lower bound above 1.5 in 99% of cases instead of 46% ({@code CoverageTest} has the
 *       figures). The rule: pool every iteration's {@code log(value / its fork's median)} over the
 *       forks and drop those more than 3.5 robust standard deviations ({@code 1.4826 MAD}, at least 0.5%)
 *       above the median: the modified z-score rule of Iglewicz and Hoaglin, on one side, as
 *       BenchmarkDotNet also drops upper outliers by default. Dividing by the fork's median keeps a
 *       slow fork, a real fork effect, from being taken for outliers; pooling gives the rule 15-50
 *       values instead of 5-10; median and MAD stay put with up to half the iterations hit. Values at or
 *       below their fork's median are never dropped.
 *   <li><b>It bootstraps exactly and fast.</b> The resampling distribution of a fork's median follows
 *       from binomial probabilities ({@code ResampledMedian}), so {@link HierarchicalBootstrap} draws a
 *       fork's resampled median in O(1) without building and sorting a resample. Trimmed means or
 *       Hodges-Lehmann estimators have no such shortcut.
 * </ul>
 * What it does not see: a change that only makes rare iterations slower (more GC pauses, say) moves
 * the median little and may be dropped as outliers. perfgate compares typical iteration times.
 *
 * <p>The median of an even count is the mean of the two middle values. NaN values are ignored, and forks
 * with no other value. +Infinity (a throughput iteration of 0 ops) is an upper outlier unless a quarter
 * or more of the iterations are infinite; if half of a fork's are, the location is infinite.
 */
public final class RobustLocation {

    private RobustLocation() {}

    /**
     * The mean over forks of each fork's median iteration, after dropping NaN values and upper outliers.
     *
     * @return the location, or NaN if {@code samples} holds no value other than NaN
     */
    public static double of(Samples samples) {
        return ForkSet.of(samples).location;
    }
}
