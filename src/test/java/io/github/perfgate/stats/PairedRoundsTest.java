package io.github.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link PairedRounds}: its arithmetic on known rounds, and its coverage and power on synthetic A/B runs of a
 * {@link DriftingMachine} (fixed seeds, no wall clock). The figures the simulations measured are in the assertion
 * messages.
 *
 * <p>Measured (1,000 runs each, realistic noise: 3% fork effect, 5% iteration noise, 2% of iterations 10x, 5
 * iterations a fork; the machine drifts 1% a fork slot, wanders 2% a slot and gets 50% slower halfway):
 * <pre>
 * 99% intervals covering no change, 10 rounds   paired t-interval 99.2%; today's comparison (baseline measured
 *                                               first, then the run) 0.1%; the unpaired bootstrap of the same
 *                                               interleaved forks 100%, but 4.9 times as wide (log width 0.618
 *                                               against 0.125)
 * random walk of 5% a slot only, 8 rounds       paired 99.2%
 * 2x, 4 rounds: 99% lower bound above 1.5       95.9%
 * 10%, 20 rounds: 99% lower bound above 1       99.9%; above 1.05: 68.1%
 * </pre>
 */
class PairedRoundsTest {

    private static final int RUNS = 1000;
    /** Realistic noise: 3% fork effect, 5% iteration noise, 2% of iterations 10x outliers; 5 iterations a fork. */
    private static final Synthetic REALISTIC = new Synthetic(0.03, 0.05, 0.02, 10);

    @Test
    void intervalIsTheTIntervalOfTheRoundsLogRatios() {
        PairedRounds rounds = new PairedRounds();
        double[] d = {0.1, 0.2, 0.3, 0.0};
        for (double v : d) {
            rounds.add(new double[] {100 * Math.exp(v)}, new double[] {100});
        }

        // mean 0.15, sd sqrt(0.05 / 3), se sd / 2, t(3, 0.975) = 3.182446
        double se = Math.sqrt(0.05 / 3) / 2;
        assertThat(rounds.meanLogRatio()).isCloseTo(0.15, within(1e-12));
        assertThat(rounds.standardError()).isCloseTo(se, within(1e-12));
        ChangeEstimate e = rounds.estimate(0.95);
        assertThat(e.estimable()).isTrue();
        assertThat(e.ratio()).isCloseTo(Math.exp(0.15), within(1e-12));
        assertThat(e.lowerRatio()).isCloseTo(Math.exp(0.15 - 3.182446 * se), within(1e-6));
        assertThat(e.upperRatio()).isCloseTo(Math.exp(0.15 + 3.182446 * se), within(1e-6));
        assertThat(e.confidence()).isEqualTo(0.95);
        assertThat(e.caveat()).isEmpty();
    }

    @Test
    void locationsAreGeometricMeansWhoseRatioIsTheRatio() {
        PairedRounds rounds = new PairedRounds();
        rounds.add(new double[] {200}, new double[] {100});
        rounds.add(new double[] {450}, new double[] {300});

        ChangeEstimate e = rounds.estimate(0.99);
        assertThat(e.baselineLocation()).isCloseTo(Math.sqrt(100 * 300), within(1e-9));
        assertThat(e.currentLocation()).isCloseTo(Math.sqrt(200 * 450), within(1e-9));
        assertThat(e.ratio()).isCloseTo(e.currentLocation() / e.baselineLocation(), within(1e-12));
    }

    @Test
    void eachForksLocationIsTheRobustLocationOfToday() {
        double[] current = {110, 112, 108, 111, 1500};
        double[] against = {100, 99, 101, 400, 100, 102};
        PairedRounds rounds = new PairedRounds();
        rounds.add(current, against);

        double expected = Math.log(RobustLocation.of(Samples.of(current)))
                - Math.log(RobustLocation.of(Samples.of(against)));
        assertThat(rounds.logRatios()).containsExactly(expected);
        assertThat(Math.exp(expected)).as("the outliers do not move it").isCloseTo(110.5 / 100, within(1e-9));
    }

    @Test
    void identicalPairIsExactlyNoChange() {
        PairedRounds rounds = new PairedRounds();
        SplittableRandom random = new SplittableRandom(1);
        for (int r = 0; r < 6; r++) {
            double[] fork = REALISTIC.draw(random, 1, 5, 1).rows()[0];
            rounds.add(fork, fork.clone());
        }

        ChangeEstimate e = rounds.estimate(0.99);
        assertThat(e.ratio()).isEqualTo(1.0);
        assertThat(e.lowerRatio()).isEqualTo(1.0);
        assertThat(e.upperRatio()).isEqualTo(1.0);
    }

    @Test
    void roundsWithoutAUsableLocationAreLeftOutAndCounted() {
        PairedRounds rounds = new PairedRounds();
        assertThat(rounds.add(new double[] {Double.NaN}, new double[] {100})).isFalse();
        assertThat(rounds.add(new double[] {100}, new double[] {0, 0, 0})).isFalse();
        assertThat(rounds.add(new double[] {120}, new double[] {100})).isTrue();

        ChangeEstimate one = rounds.estimate(0.99);
        assertThat(one.estimable()).isFalse();
        assertThat(one.caveat()).isEqualTo("2 rounds left out: a fork had no finite positive time per operation; "
                + "1 usable round: an interval needs at least 2");

        rounds.add(new double[] {121}, new double[] {100});
        assertThat(rounds.rounds()).isEqualTo(2);
        assertThat(rounds.droppedRounds()).isEqualTo(2);
        assertThat(rounds.estimate(0.99).estimable()).isTrue();
        assertThat(rounds.estimate(0.99).caveat()).startsWith("2 rounds left out");
    }

    @Test
    void refusesABadConfidenceAndAnIntervalOfOneRound() {
        PairedRounds rounds = new PairedRounds();
        rounds.add(new double[] {1}, new double[] {1});
        assertThatThrownBy(() -> rounds.estimate(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rounds.logInterval(0.99)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 2 rounds, have 1");
    }

    /**
     * The machine gets 50% slower halfway through the run, drifts 1% per fork slot and wanders by a random walk of
     * 2% a slot; the code does not change. The paired interval keeps its coverage. Today's comparison of a baseline
     * measured first with a run measured afterwards on that machine (the same forks count, the same noise) sees the
     * machine's slowdown as the code's.
     */
    @Test
    void pairedIntervalKeepsItsCoverageOnADriftingMachine() {
        DriftingMachine machine = new DriftingMachine(REALISTIC, 5, 0.01, 0.02, 1.5);
        HierarchicalBootstrap bootstrap = new HierarchicalBootstrap();
        SplittableRandom random = new SplittableRandom(2026);
        int rounds = 10;
        int paired = 0;
        int unpairedInterleaved = 0;
        int sequential = 0;
        double pairedWidth = 0;
        double unpairedWidth = 0;
        for (int run = 0; run < RUNS; run++) {
            RoundOrder order = new RoundOrder(random.nextLong());
            DriftingMachine.Run ab = machine.interleaved(random, order, rounds, 1);
            ChangeEstimate p = ab.paired().estimate(0.99);
            paired += covers(p) ? 1 : 0;
            pairedWidth += Math.log(p.upperRatio() / p.lowerRatio());
            ChangeEstimate u = ab.unpaired(bootstrap, 0.99);
            unpairedInterleaved += covers(u) ? 1 : 0;
            unpairedWidth += Math.log(u.upperRatio() / u.lowerRatio());
            sequential += covers(machine.sequential(random, rounds, 1).unpaired(bootstrap, 0.99)) ? 1 : 0;
        }
        System.out.printf("drift coverage: paired %d, unpaired interleaved %d, sequential %d; widths %.3f %.3f%n",
                paired, unpairedInterleaved, sequential, pairedWidth / RUNS, unpairedWidth / RUNS);

        assertThat(paired).as("paired 99%% intervals covering no change, of %d (measured %d)", RUNS, paired)
                .isGreaterThanOrEqualTo(980);
        assertThat(sequential).as("today's comparison, baseline first, covering no change (measured %d)", sequential)
                .isLessThan(900);
        assertThat(unpairedWidth / pairedWidth)
                .as("the unpaired bootstrap of the same interleaved forks covers (%d) only by being wider", unpairedInterleaved)
                .isGreaterThan(3);
    }

    /** A machine that only wanders, 5% a fork slot, with no step: the rounds still cancel it. */
    @Test
    void pairedIntervalKeepsItsCoverageOnARandomWalk() {
        DriftingMachine machine = new DriftingMachine(REALISTIC, 5, 0, 0.05, 1);
        SplittableRandom random = new SplittableRandom(77);
        int covered = 0;
        for (int run = 0; run < RUNS; run++) {
            covered += covers(machine.interleaved(random, new RoundOrder(run), 8, 1).paired().estimate(0.99)) ? 1 : 0;
        }
        System.out.printf("random walk coverage: paired %d%n", covered);
        assertThat(covered).as("paired 99%% intervals covering no change (measured %d)", covered)
                .isGreaterThanOrEqualTo(980);
    }

    @Test
    void aDoublingIsDetected() {
        DriftingMachine machine = new DriftingMachine(REALISTIC, 5, 0.01, 0.02, 1.5);
        SplittableRandom random = new SplittableRandom(3);
        int above = 0;
        for (int run = 0; run < RUNS; run++) {
            ChangeEstimate e = machine.interleaved(random, new RoundOrder(run), 4, 2).paired().estimate(0.99);
            above += e.lowerRatio() > 1.5 ? 1 : 0;
        }
        System.out.printf("2x at 4 rounds: lower bound above 1.5 in %d%n", above);
        assertThat(above).as("2x, 4 rounds: 99%% lower bound above 1.5 (measured %d)", above)
                .isGreaterThanOrEqualTo(950);
    }

    /** A 10% slowdown, 20 rounds, realistic noise on a drifting machine. */
    @Test
    void aTenPercentSlowdownIsMostlyDetectedInTwentyRounds() {
        DriftingMachine machine = new DriftingMachine(REALISTIC, 5, 0.01, 0.02, 1.5);
        SplittableRandom random = new SplittableRandom(10);
        int beyondNoChange = 0;
        int beyondFivePercent = 0;
        for (int run = 0; run < RUNS; run++) {
            ChangeEstimate e = machine.interleaved(random, new RoundOrder(run), 20, 1.1).paired().estimate(0.99);
            beyondNoChange += e.lowerRatio() > 1 ? 1 : 0;
            beyondFivePercent += e.lowerRatio() > 1.05 ? 1 : 0;
        }
        System.out.printf("10%% at 20 rounds: lower > 1 in %d, lower > 1.05 in %d%n", beyondNoChange, beyondFivePercent);
        assertThat(beyondNoChange).as("10%%, 20 rounds: 99%% lower bound above 1 (measured %d)", beyondNoChange)
                .isGreaterThanOrEqualTo(950);
        assertThat(beyondFivePercent).as("... above 5%% (measured %d)", beyondFivePercent)
                .isGreaterThanOrEqualTo(500);
    }

    private static boolean covers(ChangeEstimate e) {
        return e.lowerRatio() <= 1 && e.upperRatio() >= 1;
    }
}
