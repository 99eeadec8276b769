package io.github.perfgate.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The change of one benchmark in a same-machine A/B run, from rounds of paired forks.
 *
 * <p>A round runs one fork of each side back to back, so whatever the machine does then (a neighbour's burst, a
 * throttled CPU, a slower half of the run) hits both forks of the round alike. The round's statistic is the
 * log-ratio {@code d = ln(location(current fork)) - ln(location(against fork))}, each fork's location being its
 * {@link RobustLocation} (the median iteration after dropping upper outliers), as in the baseline comparison.
 * Rounds are the independent units; a drift shared by both forks of a round cancels in its {@code d}.
 *
 * <p><b>The interval.</b> A t-interval over the rounds' log-ratios: {@code mean(d) +- t(n - 1, 1 - a/2) * sd(d) /
 * sqrt(n)}, mapped back by {@code exp}. Why not a bootstrap over rounds: with the 4-8 rounds an adaptive run
 * looks at, a bootstrap has very few distinct resamples (35 for 4 rounds) and its percentile interval is too
 * narrow; the t-interval is exact for normal log-ratios and close for the near-normal differences of two
 * forks' medians, and its coverage under a drifting machine is measured in {@code PairedRoundsTest}. The t
 * quantile is commons-math3's {@link TDistribution}.
 *
 * <p><b>As a {@link ChangeEstimate}.</b> The ratio is {@code exp(mean(d))}; the locations are the geometric means
 * of the sides' fork locations, so that their ratio is that ratio; the interval is the t-interval. The existing
 * verdict rules (tolerance; regressed, inconclusive, unchanged, improved; claims) apply to it unchanged.
 *
 * <p><b>Unusable rounds.</b> A round whose fork has no finite positive location (every iteration NaN, a zero or
 * infinite location) gives no ratio; it is left out and counted, and the estimate's caveat says how many. Fewer
 * than 2 usable rounds give no interval ({@link ChangeEstimate#estimable()} false).
 *
 * <p>Not thread-safe: one instance per benchmark, fed by one thread as its rounds complete.
 */
public final class PairedRounds {

    private final List<Double> logRatios = new ArrayList<>();
    private double sumLogCurrent;
    private double sumLogAgainst;
    private int dropped;

    /**
     * Adds one round.
     *
     * @param current the current side's fork of this round: one row (several rows are pooled as one fork's
     *     location would be, the mean of their medians)
     * @param against the against side's fork of this round
     * @return true if the round gave a log-ratio, false if it was left out (no finite positive location)
     */
    public boolean add(Samples current, Samples against) {
        return add(RobustLocation.of(current), RobustLocation.of(against));
    }

    /** Adds one round from one fork's iterations per side; see {@link #add(Samples, Samples)}. */
    public boolean add(double[] currentIterations, double[] againstIterations) {
        return add(Samples.of(currentIterations), Samples.of(againstIterations));
    }

    private boolean add(double currentLocation, double againstLocation) {
        if (!usable(currentLocation) || !usable(againstLocation)) {
            dropped++;
            return false;
        }
        double logCurrent = Math.log(currentLocation);
        double logAgainst = Math.log(againstLocation);
        logRatios.add(logCurrent - logAgainst);
        sumLogCurrent += logCurrent;
        sumLogAgainst += logAgainst;
        return true;
    }

    private static boolean usable(double location) {
        return location > 0 && location < Double.POSITIVE_INFINITY;
    }

    /** The number of rounds that gave a log-ratio. */
    public int rounds() {
        return logRatios.size();
    }

    /** The number of rounds left out because a fork had no finite positive location. */
    public int droppedRounds() {
        return dropped;
    }

    /** The rounds' log-ratios, in the order they were added. */
    public double[] logRatios() {
        return logRatios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The mean log-ratio, NaN with no rounds. */
    public double meanLogRatio() {
        return logRatios.isEmpty() ? Double.NaN : mean(logRatios());
    }

    /**
     * The standard error of the mean log-ratio, {@code sd(d) / sqrt(n)}; NaN with fewer than 2 rounds.
     */
    public double standardError() {
        int n = logRatios.size();
        if (n < 2) {
            return Double.NaN;
        }
        double[] d = logRatios();
        double mean = mean(d);
        double squares = 0;
        for (double v : d) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (n - 1) / n);
    }

    /**
     * The two-sided t-interval of the mean log-ratio at {@code confidence}, as {@code {lower, upper}}.
     *
     * @throws IllegalStateException with fewer than 2 rounds
     * @throws IllegalArgumentException if {@code confidence} is not in (0, 1)
     */
    public double[] logInterval(double confidence) {
        requireConfidence(confidence);
        int n = logRatios.size();
        if (n < 2) {
            throw new IllegalStateException("an interval needs at least 2 rounds, have " + n);
        }
        double mean = meanLogRatio();
        double half = tQuantile(n - 1, 1 - (1 - confidence) / 2) * standardError();
        return new double[] {mean - half, mean + half};
    }

    /** The change as a {@link ChangeEstimate} at {@code confidence}; see the class comment. */
    public ChangeEstimate estimate(double confidence) {
        requireConfidence(confidence);
        int n = logRatios.size();
        double against = n == 0 ? Double.NaN : Math.exp(sumLogAgainst / n);
        double current = n == 0 ? Double.NaN : Math.exp(sumLogCurrent / n);
        List<String> caveats = new ArrayList<>();
        if (dropped > 0) {
            caveats.add(dropped + " round" + (dropped == 1 ? "" : "s")
                    + " left out: a fork had no finite positive time per operation");
        }
        if (n < 2) {
            caveats.add(n + " usable round" + (n == 1 ? "" : "s") + ": an interval needs at least 2");
            return ChangeEstimate.notEstimable(against, current, confidence, String.join("; ", caveats));
        }
        double mean = meanLogRatio();
        double[] interval = logInterval(confidence);
        double ratio = Math.exp(mean);
        return new ChangeEstimate(against, current, ratio, Math.min(Math.exp(interval[0]), ratio),
                Math.max(Math.exp(interval[1]), ratio), confidence, true, String.join("; ", caveats));
    }

    /** The {@code p} quantile of Student's t with {@code degrees} degrees of freedom. */
    static double tQuantile(int degrees, double p) {
        return new TDistribution(null, degrees).inverseCumulativeProbability(p);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).sum() / values.length;
    }

    private static void requireConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
    }

    @Override
    public String toString() {
        return "PairedRounds[rounds=" + rounds() + ", dropped=" + dropped + "]";
    }
}
