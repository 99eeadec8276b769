package io.github.perfgate.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * When an adaptive A/B run may stop measuring a benchmark, with the error rate controlled over every look.
 *
 * <p><b>Looks.</b> The plan looks at the {@link PairedRounds} after {@code n_1 = minRounds}, then every two rounds
 * (one counterbalanced block, {@link RoundOrder}), and at {@code N = maxRounds}: {@code n = 4, 6, 8, ..., N} with the
 * defaults. {@code n} counts usable rounds.
 *
 * <p><b>Error spent per look.</b> With {@code alpha = 1 - confidence}, look {@code k} uses the two-sided t-interval
 * of the mean log-ratio ({@link PairedRounds#logInterval}) at confidence {@code 1 - a_k}, where
 * <pre>
 *   a_k = alpha * ((n_k / N)^rho - (n_(k-1) / N)^rho),   n_0 = 0,   so that a_1 + ... + a_K = alpha,
 * </pre>
 * the power family of Kim and DeMets (1987) with {@code rho = 2} by default ({@link #DEFAULT_EXPONENT}).
 * Each look's interval misses the true change with probability at most {@code a_k}, so by the union bound the
 * probability that <em>any</em> look's interval misses it is at most {@code alpha}, whatever the dependence between
 * looks (they share rounds). Every wrong decision below needs an interval that misses the truth, so the chance of
 * any wrong decision over the whole run, a false regression included, is at most {@code alpha}: the same
 * guarantee one interval at the configured confidence gives after a fixed number of rounds. The price is
 * conservatism: early looks spend little (at 4 of 20 rounds, 4% of alpha), so they stop only clear cases, and the
 * last look's interval is wider than a fixed-count interval at {@code N} rounds. The quadratic schedule keeps most
 * of alpha for the later looks, where it buys the most power; {@code rho = 1} (linear) spends more early, so more
 * benchmarks stop at the first look, but in simulation it saved no rounds on average and caught fewer 10%
 * slowdowns by the last look ({@code StoppingPlanTest} has the figures).
 *
 * <p><b>The rule at a look</b>, with tolerance {@code tol} and the look's interval {@code [lower, upper]} of the
 * ratio current / against:
 * <ul>
 *   <li><b>regressed</b> when {@code lower - 1 > tol} (the interval wholly beyond {@code ln(1 + tol)} on the log
 *       scale);
 *   <li><b>within tolerance</b> when {@code upper - 1 <= tol} (wholly below it);
 *   <li>with a claim of an improvement of at least {@code target}, its boundary is {@code ratio = 1 - target}
 *       ({@code ln(1 - target)}): <b>claim met</b> when {@code upper < 1 - target}, <b>claim missed</b> when
 *       {@code lower > 1 - target};
 *   <li>the benchmark <b>stops</b> when the tolerance question is decided and, with a claim, the claim question
 *       too; otherwise it is <b>undecided</b> and measures two more rounds. Undecided at {@code N} rounds, it stops
 *       as <b>inconclusive</b> (a claim still undecided then is left to the claim rules).
 * </ul>
 * These are the comparisons {@code RegressionGate.decide} makes on the same {@link ChangeEstimate}, so the verdict
 * table applies to {@link Look#estimate()} unchanged: regressed maps to regressed, within tolerance to unchanged
 * or improved, inconclusive to inconclusive.
 *
 * <p>Instances are immutable.
 */
public final class StoppingPlan {

    /** Default first look: 4 rounds, two blocks, each side first twice. */
    public static final int DEFAULT_MIN_ROUNDS = 4;
    /** Rounds between looks: one counterbalanced block. */
    public static final int STEP = 2;
    /** Default exponent {@code rho} of the spending schedule: quadratic. */
    public static final double DEFAULT_EXPONENT = 2;

    /** What a look concluded about the tolerance. */
    public enum Outcome {
        /** Slower by more than the tolerance, certainly. */
        REGRESSED,
        /** Not slower by more than the tolerance, certainly. */
        WITHIN_TOLERANCE,
        /** Not decided yet: measure more rounds. */
        UNDECIDED,
        /** Not decided at the maximum number of rounds. */
        INCONCLUSIVE
    }

    /** What a look concluded about a claim. */
    public enum ClaimOutcome {
        /** No claim applies to the benchmark. */
        NONE,
        /** The improvement certainly reaches the target. */
        MET,
        /** The improvement certainly falls short of the target. */
        MISSED,
        /** Not decided. */
        UNDECIDED
    }

    /**
     * One look's result.
     *
     * @param rounds the usable rounds looked at
     * @param spentAlpha {@code a_k}, the error spent at this look
     * @param estimate the change with the look's interval, at confidence {@code 1 - spentAlpha}
     * @param outcome the tolerance question
     * @param claim the claim question
     * @param stop true if the benchmark needs no more rounds
     */
    public record Look(int rounds, double spentAlpha, ChangeEstimate estimate, Outcome outcome, ClaimOutcome claim,
            boolean stop) {

        public Look {
            Objects.requireNonNull(estimate, "estimate");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(claim, "claim");
        }

        /** Why the benchmark stopped or goes on, for the log: {@code decided after 4 rounds: regressed}. */
        public String reason() {
            String what = outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (claim == ClaimOutcome.NONE ? "" : ", claim " + claim.name().toLowerCase(Locale.ROOT));
            if (outcome == Outcome.INCONCLUSIVE) {
                return "undecided after " + rounds + " rounds: " + what;
            }
            return (stop ? "decided after " : "undecided after ") + rounds + " rounds: " + what;
        }
    }

    private final int minRounds;
    private final int maxRounds;
    private final double confidence;
    private final double tolerance;
    private final OptionalDouble claimTarget;
    private final double exponent;
    private final List<Integer> looks;

    /**
     * @param minRounds the first look, at least 2
     * @param maxRounds the last look, at least {@code minRounds}
     * @param confidence the confidence of the whole run, in (0, 1): the chance of any wrong decision over all
     *     looks is at most {@code 1 - confidence}
     * @param tolerance the regression tolerance, a fraction at least 0 (0.05 = 5% slower is accepted)
     * @param claimTarget the claimed improvement, a fraction in (0, 1) (0.2 = 20% less time per operation), or
     *     empty when no claim applies
     * @throws IllegalArgumentException if a value is out of range
     */
    public StoppingPlan(int minRounds, int maxRounds, double confidence, double tolerance, OptionalDouble claimTarget) {
        this(minRounds, maxRounds, confidence, tolerance, claimTarget, DEFAULT_EXPONENT);
    }

    /**
     * A plan with the spending schedule's exponent {@code rho} given; see the other constructor for the rest.
     *
     * @param exponent {@code rho} of the schedule, above 0: 2 quadratic (the default), 1 linear
     * @throws IllegalArgumentException if a value is out of range
     */
    public StoppingPlan(int minRounds, int maxRounds, double confidence, double tolerance, OptionalDouble claimTarget,
            double exponent) {
        if (!(exponent > 0 && exponent < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("exponent must be above 0: " + exponent);
        }
        if (minRounds < 2) {
            throw new IllegalArgumentException("minRounds must be at least 2: " + minRounds);
        }
        if (maxRounds < minRounds) {
            throw new IllegalArgumentException("maxRounds must be at least minRounds (" + minRounds + "): " + maxRounds);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        if (!(tolerance >= 0 && tolerance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tolerance must be 0 or more: " + tolerance);
        }
        Objects.requireNonNull(claimTarget, "claimTarget");
        if (claimTarget.isPresent() && !(claimTarget.getAsDouble() > 0 && claimTarget.getAsDouble() < 1)) {
            throw new IllegalArgumentException("claim target must be in (0, 1): " + claimTarget.getAsDouble());
        }
        this.minRounds = minRounds;
        this.maxRounds = maxRounds;
        this.confidence = confidence;
        this.tolerance = tolerance;
        this.claimTarget = claimTarget;
        this.exponent = exponent;
        List<Integer> list = new ArrayList<>();
        for (int n = minRounds; n < maxRounds; n += STEP) {
            list.add(n);
        }
        list.add(maxRounds);
        this.looks = List.copyOf(list);
    }

    /** A plan from {@value #DEFAULT_MIN_ROUNDS} rounds to {@code maxRounds}, without a claim. */
    public StoppingPlan(int maxRounds, double confidence, double tolerance) {
        this(DEFAULT_MIN_ROUNDS, maxRounds, confidence, tolerance, OptionalDouble.empty());
    }

    /** The round counts at which the plan looks, ascending; the last is {@code maxRounds}. */
    public List<Integer> looks() {
        return looks;
    }

    /** True if the plan looks after {@code rounds} usable rounds. */
    public boolean isLook(int rounds) {
        return isLook(rounds, minRounds, maxRounds);
    }

    /** The largest number of rounds a benchmark runs. */
    public int maxRounds() {
        return maxRounds;
    }

    /** The first look. */
    public int minRounds() {
        return minRounds;
    }

    /**
     * The error spent at the look after {@code rounds} rounds: {@code alpha * ((n_k / N)^rho - (n_(k-1) / N)^rho)}.
     *
     * @throws IllegalArgumentException if the plan does not look after {@code rounds} rounds
     */
    public double spentAlpha(int rounds) {
        int k = looks.indexOf(rounds);
        if (k < 0) {
            throw new IllegalArgumentException("the plan looks after " + looks + " rounds, not after " + rounds);
        }
        double previous = k == 0 ? 0 : looks.get(k - 1);
        double n = maxRounds;
        return (1 - confidence) * (Math.pow(rounds / n, exponent) - Math.pow(previous / n, exponent));
    }

    /**
     * The share of the error rate a plan from {@code minRounds} to {@code maxRounds} (default exponent) spends at its
     * look after {@code rounds} rounds: {@code (n_k / N)^2 - (n_(k-1) / N)^2}, so that {@code alpha} times it is
     * {@link #spentAlpha}. A count that is not a look (rounds lost to a failure) gets the smallest share of any look,
     * the first one's, which no later look can overspend. With {@code minRounds == maxRounds} (fixed rounds) the
     * share is 1: the interval of a fixed-count run at the configured confidence.
     *
     * @throws IllegalArgumentException if {@code minRounds < 2} or {@code maxRounds < minRounds}
     */
    public static double spentShare(int rounds, int minRounds, int maxRounds) {
        StoppingPlan plan = new StoppingPlan(minRounds, maxRounds, 0.5, 0, OptionalDouble.empty());
        int look = isLook(rounds, minRounds, maxRounds) ? rounds : minRounds;
        return plan.spentAlpha(look) / 0.5;
    }

    /**
     * True when a plan from {@code minRounds} to {@code maxRounds} looks after {@code rounds} rounds: the minimum,
     * every {@value #STEP} rounds after it, and the maximum (the looks of {@link #looks()}).
     */
    public static boolean isLook(int rounds, int minRounds, int maxRounds) {
        return rounds == maxRounds || (rounds >= minRounds && rounds < maxRounds && (rounds - minRounds) % STEP == 0);
    }

    /**
     * Looks at a benchmark's rounds.
     *
     * @param rounds the benchmark's rounds so far; {@link PairedRounds#rounds()} must be a look
     * @throws IllegalArgumentException if the plan does not look after that many rounds
     */
    public Look look(PairedRounds rounds) {
        int n = rounds.rounds();
        double spent = spentAlpha(n);
        ChangeEstimate estimate = rounds.estimate(1 - spent);
        boolean last = n == maxRounds;
        Outcome outcome;
        if (!estimate.estimable()) {
            outcome = last ? Outcome.INCONCLUSIVE : Outcome.UNDECIDED;
        } else if (estimate.lowerChange() > tolerance) {
            outcome = Outcome.REGRESSED;
        } else if (!(estimate.upperChange() > tolerance)) {
            outcome = Outcome.WITHIN_TOLERANCE;
        } else {
            outcome = last ? Outcome.INCONCLUSIVE : Outcome.UNDECIDED;
        }
        ClaimOutcome claim = ClaimOutcome.NONE;
        if (claimTarget.isPresent() && !estimate.estimable()) {
            claim = ClaimOutcome.UNDECIDED;
        } else if (claimTarget.isPresent()) {
            double boundary = 1 - claimTarget.getAsDouble();
            claim = estimate.upperRatio() < boundary ? ClaimOutcome.MET
                    : estimate.lowerRatio() > boundary ? ClaimOutcome.MISSED
                    : ClaimOutcome.UNDECIDED;
        }
        boolean stop = last || (outcome != Outcome.UNDECIDED && claim != ClaimOutcome.UNDECIDED);
        return new Look(n, spent, estimate, outcome, claim, stop);
    }

    @Override
    public String toString() {
        return "StoppingPlan[looks=" + looks + ", confidence=" + confidence + ", tolerance=" + tolerance
                + ", exponent=" + exponent
                + (claimTarget.isPresent() ? ", claim=" + claimTarget.getAsDouble() : "") + "]";
    }
}
