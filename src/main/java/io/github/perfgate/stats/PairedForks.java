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

    @Override
    public ChangeEstimate estimate(Samples baseline, Samples current, double confidence) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(current, "current");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
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
