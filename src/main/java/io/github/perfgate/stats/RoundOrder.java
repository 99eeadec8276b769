package io.github.perfgate.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order in which a same-machine A/B run measures its two sides: per round, which side's fork runs first and
 * in which order the benchmarks run.
 *
 * <p><b>Sides.</b> Rounds come in blocks of two: rounds {@code 2b} and {@code 2b + 1} form block {@code b}, and a
 * coin drawn from the seed for that block makes it ABBA (current first, then against first) or BAAB (against
 * first, then current first). Within every block each side runs first exactly once, so a drift of the machine
 * that is steady over the block (a warming CPU, a neighbour ramping up) slows the first fork of one round by as
 * much as the second fork of the other and cancels in the block's mean log-ratio; the coin keeps a drift that
 * follows the rounds' rhythm from lining up with one side.
 *
 * <p><b>Benchmarks.</b> Within a round the benchmarks run in an order shuffled from the seed and the round
 * index, so no benchmark always runs right after the same neighbour.
 *
 * <p>Everything is a function of the seed and the round index only: the same seed gives the same order, whatever
 * rounds were asked for before and however many benchmarks are still being measured, so an adaptive run that
 * drops decided benchmarks keeps the order of the others reproducible. Instances are immutable.
 */
public final class RoundOrder {

    /** The two sides of an A/B run. */
    public enum Side {
        /** The working tree as it is. */
        CURRENT,
        /** The revision it is compared against. */
        AGAINST;

        /** The other side. */
        public Side other() {
            return this == CURRENT ? AGAINST : CURRENT;
        }
    }

    /** Default seed; the order it gives is recorded with the run, so any seed serves. */
    public static final long DEFAULT_SEED = 0xAB_BA_BA_ABL;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;

    /** @param seed the seed of the coins and shuffles */
    public RoundOrder(long seed) {
        this.seed = seed;
    }

    /** The seed this order was drawn from. */
    public long seed() {
        return seed;
    }

    /**
     * The side whose fork runs first in a round.
     *
     * @param round the round's index, from 0
     * @throws IllegalArgumentException if {@code round} is negative
     */
    public Side firstSide(int round) {
        requireRound(round);
        boolean abba = random(round / 2, 1).nextBoolean();
        Side blockFirst = abba ? Side.CURRENT : Side.AGAINST;
        return round % 2 == 0 ? blockFirst : blockFirst.other();
    }

    /** Both sides of a round, in the order they run: {@link #firstSide(int)} then the other. */
    public List<Side> sides(int round) {
        Side first = firstSide(round);
        return List.of(first, first.other());
    }

    /**
     * The benchmarks of a round in the order they run: a Fisher-Yates shuffle of {@code benchmarks} drawn from the
     * seed and the round index. The argument is not modified.
     *
     * @param round the round's index, from 0
     * @param benchmarks the benchmarks still measured in this round, in any fixed order (e.g. sorted by name)
     * @return a new list holding the same elements
     */
    public <T> List<T> benchmarks(int round, List<T> benchmarks) {
        requireRound(round);
        List<T> order = new ArrayList<>(benchmarks);
        SplittableRandom random = random(round, 2);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
        return order;
    }

    /** An independent stream per (purpose, index), so the coins and the shuffles do not share draws. */
    private SplittableRandom random(int index, int purpose) {
        return new SplittableRandom(seed ^ (GOLDEN_GAMMA * (2L * index + purpose)));
    }

    private static void requireRound(int round) {
        if (round < 0) {
            throw new IllegalArgumentException("round must be 0 or more: " + round);
        }
    }

    @Override
    public String toString() {
        return "RoundOrder[seed=" + seed + "]";
    }
}
