package io.github.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Fork i of each side is round i's pair: a drift both sides share cancels, a broken pairing gives no estimate. */
class PairedForksTest {

    /** Eight rounds on a machine that gets 2.5x slower round by round; the current side is 30% slower throughout. */
    @Test
    void aDriftBothSidesShareCancelsInThePairs() {
        double[][] against = new double[8][];
        double[][] current = new double[8][];
        for (int round = 0; round < 8; round++) {
            double machine = Math.pow(1.14, round) * (round % 2 == 0 ? 1 : 1.01);
            against[round] = new double[] {100 * machine, 101 * machine, 99 * machine};
            current[round] = new double[] {130 * machine, 131.3 * machine, 128.7 * machine};
        }
        ChangeEstimate paired = new PairedForks().estimate(new Samples(against), new Samples(current), 0.99);
        assertThat(paired.estimable()).isTrue();
        assertThat(paired.ratio()).isBetween(1.29, 1.31);
        assertThat(paired.lowerRatio()).isGreaterThan(1.25);
        assertThat(paired.upperRatio()).isLessThan(1.35);

        // Unpaired, the same forks say little: the machine's drift swamps the change.
        ChangeEstimate unpaired = new HierarchicalBootstrap().estimate(new Samples(against), new Samples(current),
                0.99);
        assertThat(unpaired.upperRatio() - unpaired.lowerRatio()).isGreaterThan(10 * (paired.upperRatio()
                - paired.lowerRatio()));
    }

    @Test
    void forksInAnotherOrderAreNotTheSamePairs() {
        double[][] against = {{100}, {200}, {400}, {800}};
        double[][] aligned = {{110}, {220}, {440}, {880}};
        double[][] reversed = {{880}, {440}, {220}, {110}};
        PairedForks estimator = new PairedForks();
        assertThat(estimator.estimate(new Samples(against), new Samples(aligned), 0.99).ratio())
                .isCloseTo(1.10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(estimator.estimate(new Samples(against), new Samples(reversed), 0.99).upperRatio())
                .isGreaterThan(10);
    }

    @Test
    void sidesWithDifferentForkCountsGiveNoEstimate() {
        ChangeEstimate e = new PairedForks().estimate(Samples.of(new double[] {1}, new double[] {1}),
                Samples.of(new double[] {1}), 0.99);
        assertThat(e.estimable()).isFalse();
        assertThat(e.caveat()).contains("2 and 1 forks");
    }

    @Test
    void withAdaptiveRoundsTheIntervalIsTheOneOfTheLookTheBenchmarkStoppedAt() {
        PairedForks adaptive = new PairedForks(4, 12);
        // alpha = 0.01 spent as 0.01 * ((n/12)^2 - (n_prev/12)^2).
        assertThat(adaptive.estimate(rounds(4, 1.0), rounds(4, 1.2), 0.99).confidence())
                .isCloseTo(1 - 0.01 * 16 / 144.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(adaptive.estimate(rounds(12, 1.0), rounds(12, 1.2), 0.99).confidence())
                .isCloseTo(1 - 0.01 * (144 - 100) / 144.0, org.assertj.core.data.Offset.offset(1e-12));
        // 5 rounds is no look (a round lost): the first look's share, the smallest.
        assertThat(adaptive.estimate(rounds(5, 1.0), rounds(5, 1.2), 0.99).confidence())
                .isCloseTo(1 - 0.01 * 16 / 144.0, org.assertj.core.data.Offset.offset(1e-12));
        // Half the error rate asked for (perfgate.metric=auto): half of each share.
        assertThat(adaptive.estimate(rounds(4, 1.0), rounds(4, 1.2), 0.995).confidence())
                .isCloseTo(1 - 0.005 * 16 / 144.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(new PairedForks(6, 6).estimate(rounds(6, 1.0), rounds(6, 1.2), 0.99).confidence())
                .as("fixed rounds: the confidence asked for").isEqualTo(0.99);
        // The same rounds give a wider interval at the first look than with fixed rounds.
        ChangeEstimate look = adaptive.estimate(rounds(4, 1.0), rounds(4, 1.2), 0.99);
        ChangeEstimate fixed = new PairedForks().estimate(rounds(4, 1.0), rounds(4, 1.2), 0.99);
        assertThat(look.upperRatio() - look.lowerRatio()).isGreaterThan(fixed.upperRatio() - fixed.lowerRatio());
    }

    /** {@code n} rounds of three iterations around {@code scale}, each round off by its own few percent. */
    private static Samples rounds(int n, double scale) {
        double[][] forks = new double[n][];
        for (int r = 0; r < n; r++) {
            double round = 1 + 0.02 * ((r * 7) % 5 - 2) + (scale > 1 ? 0.01 * (r % 3) : 0);
            forks[r] = new double[] {100 * scale * round, 101 * scale * round, 99 * scale * round};
        }
        return new Samples(forks);
    }
}
