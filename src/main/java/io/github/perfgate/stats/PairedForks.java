package io.github.perfgate.stats;

import java.util.Objects;

/**
 * The {@link ChangeEstimator} of a same-machine A/B run: fork {@code i} of the baseline side (the revision compared
 * with) and fork {@code i} of the current side (the working tree) ran back to back as round {@code i}, so they are
 * paired and given to {@link PairedRounds}, whose t-interval over the rounds' log-ratios is the estimate.
 *
 * <p>Both sides must hold the same number of forks, in round order: the A/B run keeps a round only when both of its
 * forks completed. Different fork counts are a broken pairing, not noise, and give no estimate.
 */
public final class PairedForks implements ChangeEstimator {

    private final int minRounds;
    private final int maxRounds;

    /** Fixed rounds: the interval at the confidence asked for. */
    public PairedForks() {
        this(2, 2);
    }

    /**
     * Adaptive rounds ({@link StoppingPlan}): a benchmark that stopped after {@code n} rounds gets the interval of the
     * look after {@code n} rounds, at confidence {@code 1 - (1 - confidence) * share(n)} ({@link
     * StoppingPlan#spentShare}), so that the verdict is the one the look stopped on and the error over all looks
     * stays within {@code 1 - confidence}. {@code minRounds == maxRounds} is fixed rounds.
     */
    public PairedForks(int minRounds, int maxRounds) {
        StoppingPlan.spentShare(minRounds, minRounds, maxRounds);
        this.minRounds = minRounds;
        this.maxRounds = maxRounds;
    }

    @Override
    public ChangeEstimate estimate(Samples baseline, Samples current, double confidence) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(current, "current");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        if (minRounds < maxRounds) {
            confidence = 1 - (1 - confidence) * StoppingPlan.spentShare(current.forkCount(), minRounds, maxRounds);
        }
        if (baseline.forkCount() != current.forkCount()) {
            return ChangeEstimate.notEstimable(Double.NaN, Double.NaN, confidence, "the sides have "
                    + baseline.forkCount() + " and " + current.forkCount() + " forks: rounds cannot be paired");
        }
        double[][] against = baseline.forks();
        double[][] now = current.forks();
        PairedRounds rounds = new PairedRounds();
        for (int i = 0; i < against.length; i++) {
            rounds.add(now[i], against[i]);
        }
        return rounds.estimate(confidence);
    }

    @Override
    public String intervalsOver() {
        return "the paired rounds (one fork per side each)";
    }
}
