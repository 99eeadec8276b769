package io.github.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class HierarchicalBootstrapTest {

    private static final double CONFIDENCE = 0.99;
    private static final Synthetic QUIET = new Synthetic(0.02, 0.03, 0, 1);

    private final HierarchicalBootstrap bootstrap = new HierarchicalBootstrap();

    private static Samples quiet(long seed, int forks, int iterations, double scale) {
        return QUIET.draw(new SplittableRandom(seed), forks, iterations, scale);
    }

    private static double[] row(double value, int count) {
        double[] row = new double[count];
        Arrays.fill(row, value);
        return row;
    }

    @Test
    void identicalConstantSamplesGiveExactlyOneAndADegenerateInterval() {
        Samples constant = Samples.of(row(0.1, 5), row(0.1, 5), row(0.1, 5));
        Samples moreForks = Samples.of(row(0.1, 10), row(0.1, 10), row(0.1, 10), row(0.1, 10), row(0.1, 10));

        for (Samples current : List.of(constant, moreForks)) {
            ChangeEstimate e = bootstrap.estimate(constant, current, CONFIDENCE);
            assertThat(e.estimable()).isTrue();
            assertThat(e.ratio()).isEqualTo(1.0);
            assertThat(e.lowerRatio()).isEqualTo(1.0);
            assertThat(e.upperRatio()).isEqualTo(1.0);
            assertThat(e.baselineLocation()).isEqualTo(0.1);
            assertThat(e.caveat()).isEmpty();
        }
    }

    @Test
    void identicalNoisySamplesGiveExactlyOneAndAnIntervalAroundIt() {
        // The two sides are resampled independently: identical noisy data still carry sampling
        // uncertainty, so the interval is not degenerate.
        Samples s = quiet(1, 3, 5, 1);

        ChangeEstimate e = bootstrap.estimate(s, s, CONFIDENCE);

        assertThat(e.ratio()).isEqualTo(1.0);
        assertThat(e.lowerRatio()).isBetween(0.9, 0.999);
        assertThat(e.upperRatio()).isBetween(1.001, 1.1);
        assertThat(Math.log(e.upperRatio()) / -Math.log(e.lowerRatio())).isBetween(0.75, 1.33);
    }

    @Test
    void aCleanTwofoldShiftIsEstimatedAsTwoWithAnIntervalExcludingOne() {
        Samples baseline = quiet(2, 3, 5, 1);
        Samples doubled = new Samples(Arrays.stream(baseline.forks())
                .map(f -> Arrays.stream(f).map(v -> 2 * v).toArray()).toArray(double[][]::new));
        Samples redrawn = quiet(3, 3, 5, 2);

        ChangeEstimate exact = bootstrap.estimate(baseline, doubled, CONFIDENCE);
        assertThat(exact.ratio()).isEqualTo(2.0);
        assertThat(exact.lowerRatio()).isGreaterThan(1.8);
        assertThat(exact.upperRatio()).isLessThan(2.2);

        ChangeEstimate e = bootstrap.estimate(baseline, redrawn, CONFIDENCE);
        assertThat(e.ratio()).isCloseTo(2.0, within(0.1));
        assertThat(e.lowerRatio()).isGreaterThan(1.5);
        assertThat(e.lowerChange()).isPositive();
    }

    @Test
    void bimodalForksGiveAWideInterval() {
        SplittableRandom random = new SplittableRandom(4);
        Samples baseline = forksAt(random, 100, 150, 100, 150);
        Samples current = forksAt(random, 150, 100, 100, 150);
        Samples unimodalBaseline = forksAt(random, 125, 125, 125, 125);
        Samples unimodalCurrent = forksAt(random, 125, 125, 125, 125);

        ChangeEstimate bimodal = bootstrap.estimate(baseline, current, CONFIDENCE);
        ChangeEstimate unimodal = bootstrap.estimate(unimodalBaseline, unimodalCurrent, CONFIDENCE);

        assertThat(bimodal.ratio()).isCloseTo(1.0, within(0.02));
        assertThat(bimodal.lowerRatio()).isLessThan(0.85);
        assertThat(bimodal.upperRatio()).isGreaterThan(1.15);
        assertThat(unimodal.lowerRatio()).isGreaterThan(0.97);
        assertThat(unimodal.upperRatio()).isLessThan(1.03);
    }

    /** Forks of 10 iterations at the given levels with 1% noise. */
    private static Samples forksAt(SplittableRandom random, double... levels) {
        double[][] forks = new double[levels.length][10];
        for (int f = 0; f < levels.length; f++) {
            for (int i = 0; i < 10; i++) {
                forks[f][i] = levels[f] * (1 + 0.01 * Synthetic.gaussian(random));
            }
        }
        return new Samples(forks);
    }

    @Test
    void aSingleOutlierIterationBarelyMovesTheEstimate() {
        Samples baseline = quiet(5, 3, 10, 1);
        Samples current = quiet(6, 3, 10, 1);
        double[][] withOutlier = current.forks();
        withOutlier[1][4] *= 50;

        ChangeEstimate clean = bootstrap.estimate(baseline, current, CONFIDENCE);
        ChangeEstimate hit = bootstrap.estimate(baseline, new Samples(withOutlier), CONFIDENCE);

        assertThat(hit.ratio()).isCloseTo(clean.ratio(), within(0.01));
        assertThat(hit.lowerRatio()).isCloseTo(clean.lowerRatio(), within(0.01));
        assertThat(hit.upperRatio()).isCloseTo(clean.upperRatio(), within(0.01));
    }

    @Test
    void oneForkResamplesIterationsOnlyAndSaysSo() {
        Samples baseline = quiet(7, 1, 10, 1);
        Samples current = quiet(8, 1, 10, 1.3);

        ChangeEstimate e = bootstrap.estimate(baseline, current, CONFIDENCE);

        assertThat(e.estimable()).isTrue();
        assertThat(e.caveat()).isEqualTo("1 fork: between-fork variance is not measured");
        assertThat(e.lowerRatio()).isGreaterThan(1.1);
        assertThat(e.upperRatio()).isLessThan(1.5);
        assertThat(e.lowerRatio()).isLessThan(e.upperRatio());

        ChangeEstimate oneSide = bootstrap.estimate(quiet(9, 3, 10, 1), current, CONFIDENCE);
        assertThat(oneSide.caveat()).isEqualTo("current has 1 fork: between-fork variance is not measured");
    }

    @Test
    void nanSamplesAreDroppedAndCounted() {
        Samples baseline = Samples.of(new double[] {100, 101, 99}, new double[] {102, 98, 100});
        Samples current = Samples.of(new double[] {110, 111, 109}, new double[] {112, 108, 110});
        Samples currentWithNaN = Samples.of(new double[] {110, Double.NaN, 111, 109},
                new double[] {112, 108, 110, Double.NaN}, new double[] {Double.NaN});

        ChangeEstimate clean = bootstrap.estimate(baseline, current, CONFIDENCE);
        ChangeEstimate e = bootstrap.estimate(baseline, currentWithNaN, CONFIDENCE);

        assertThat(e.estimable()).isTrue();
        assertThat(e.ratio()).isEqualTo(clean.ratio());
        assertThat(e.lowerRatio()).isEqualTo(clean.lowerRatio());
        assertThat(e.upperRatio()).isEqualTo(clean.upperRatio());
        assertThat(e.caveat()).isEqualTo("dropped 3 NaN values");
    }

    @Test
    void aSideWithNoFiniteSamplesIsNotEstimable() {
        Samples good = quiet(10, 3, 5, 1);
        double inf = Double.POSITIVE_INFINITY;

        ChangeEstimate allNaN = bootstrap.estimate(Samples.of(row(Double.NaN, 5)), good, CONFIDENCE);
        assertThat(allNaN.estimable()).isFalse();
        assertThat(allNaN.baselineLocation()).isNaN();
        assertThat(allNaN.currentLocation()).isCloseTo(100, within(5.0));
        assertThat(allNaN.caveat()).startsWith("baseline has no finite samples");

        ChangeEstimate noForks = bootstrap.estimate(good, new Samples(new double[0][]), CONFIDENCE);
        assertThat(noForks.estimable()).isFalse();
        assertThat(noForks.caveat()).isEqualTo("current has no finite samples");

        ChangeEstimate allInfinite = bootstrap.estimate(good, Samples.of(row(inf, 5), row(inf, 5)), CONFIDENCE);
        assertThat(allInfinite.estimable()).isFalse();
        assertThat(allInfinite.caveat()).isEqualTo("current has no finite samples");
        assertThat(allInfinite.ratio()).isNaN();
    }

    @Test
    void zeroLocationsAreNotEstimableInsteadOfLeakingInfinity() {
        Samples zeros = Samples.of(row(0, 5), row(0, 5), row(0, 5));
        Samples good = quiet(11, 3, 5, 1);

        ChangeEstimate zeroBaseline = bootstrap.estimate(zeros, good, CONFIDENCE);
        assertThat(zeroBaseline.estimable()).isFalse();
        assertThat(zeroBaseline.caveat()).isEqualTo("baseline location is 0: a ratio is undefined; use a finer time unit");
        assertThat(zeroBaseline.baselineLocation()).isZero();

        ChangeEstimate zeroCurrent = bootstrap.estimate(good, zeros, CONFIDENCE);
        assertThat(zeroCurrent.estimable()).isFalse();
        assertThat(zeroCurrent.caveat()).startsWith("current location is 0");

        // A positive location whose resamples can reach 0 often: the interval would be unbounded.
        Samples mostlyZero = Samples.of(new double[] {0, 0, 100}, new double[] {0, 100, 100});
        ChangeEstimate unbounded = bootstrap.estimate(mostlyZero, good, CONFIDENCE);
        assertThat(unbounded.estimable()).isFalse();
        assertThat(unbounded.caveat()).isEqualTo("interval is unbounded: too many zero or infinite iterations");
        assertThat(unbounded.upperRatio()).isNaN();
    }

    @Test
    void anInfiniteIterationIsHandledWithoutBlowingUp() {
        // A throughput iteration of 0 ops becomes +Infinity time per op.
        Samples baseline = quiet(12, 3, 5, 1);
        Samples current = quiet(13, 3, 5, 1);
        double[][] withInfinity = current.forks();
        withInfinity[0][2] = Double.POSITIVE_INFINITY;
        withInfinity[2][0] = Double.POSITIVE_INFINITY;

        ChangeEstimate clean = bootstrap.estimate(baseline, current, CONFIDENCE);
        ChangeEstimate e = bootstrap.estimate(baseline, new Samples(withInfinity), CONFIDENCE);

        assertThat(e.estimable()).isTrue();
        assertThat(e.ratio()).isFinite().isCloseTo(clean.ratio(), within(0.02));
        assertThat(e.upperRatio()).isFinite().isCloseTo(clean.upperRatio(), within(0.03));

        double inf = Double.POSITIVE_INFINITY;
        Samples mostlyInfinite = Samples.of(new double[] {inf, inf, 100}, new double[] {100, 101, 99});
        ChangeEstimate infinite = bootstrap.estimate(baseline, mostlyInfinite, CONFIDENCE);
        assertThat(infinite.estimable()).isFalse();
        assertThat(infinite.currentLocation()).isInfinite();
        assertThat(infinite.caveat()).startsWith("current location is infinite");
    }

    @Test
    void negativeValuesAreNotEstimable() {
        ChangeEstimate e = bootstrap.estimate(Samples.of(new double[] {-1, 2, 3}), quiet(14, 3, 5, 1), CONFIDENCE);

        assertThat(e.estimable()).isFalse();
        assertThat(e.caveat()).isEqualTo("baseline has negative values; expected time per operation");
    }

    @Test
    void unequalForkAndIterationCountsBetweenSides() {
        Samples baseline = quiet(15, 3, 5, 1);
        Samples current = quiet(16, 5, 10, 1.5);
        Samples ragged = Samples.of(new double[] {150, 151, 149}, new double[] {148, 152, 150, 151, 149, 150, 150},
                new double[] {151});

        ChangeEstimate e = bootstrap.estimate(baseline, current, CONFIDENCE);
        assertThat(e.estimable()).isTrue();
        assertThat(e.caveat()).isEmpty();
        assertThat(e.ratio()).isCloseTo(1.5, within(0.05));
        assertThat(e.lowerRatio()).isBetween(1.3, 1.5);
        assertThat(e.upperRatio()).isBetween(1.5, 1.7);

        ChangeEstimate r = bootstrap.estimate(baseline, ragged, CONFIDENCE);
        assertThat(r.estimable()).isTrue();
        assertThat(r.currentLocation()).isCloseTo((150 + 150 + 151) / 3.0, within(1e-9));
        assertThat(r.lowerRatio()).isLessThan(r.ratio());
        assertThat(r.upperRatio()).isGreaterThan(r.ratio());
    }

    @Test
    void higherConfidenceGivesAWiderInterval() {
        Samples baseline = quiet(17, 5, 10, 1);
        Samples current = quiet(18, 5, 10, 1.1);

        ChangeEstimate e90 = bootstrap.estimate(baseline, current, 0.90);
        ChangeEstimate e99 = bootstrap.estimate(baseline, current, 0.99);

        assertThat(e90.ratio()).isEqualTo(e99.ratio());
        assertThat(e99.lowerRatio()).isLessThan(e90.lowerRatio());
        assertThat(e99.upperRatio()).isGreaterThan(e90.upperRatio());
        assertThat(e90.confidence()).isEqualTo(0.90);
    }

    @Test
    void estimableResultsAreOrderedAndFinite() {
        Synthetic wild = new Synthetic(0.2, 0.3, 0.2, 10);
        SplittableRandom random = new SplittableRandom(24);
        for (int p = 0; p < 300; p++) {
            Samples baseline = wild.draw(random, 1 + p % 5, 1 + p % 11, 1);
            Samples current = wild.draw(random, 1 + p % 3, 1 + p % 7, 0.5 + random.nextDouble());
            ChangeEstimate e = bootstrap.estimate(baseline, current, 0.5 + 0.49 * random.nextDouble());
            assertThat(e.estimable()).isTrue();
            assertThat(e.lowerRatio()).isFinite().isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(e.ratio());
            assertThat(e.upperRatio()).isFinite().isGreaterThanOrEqualTo(e.ratio());
        }
    }

    @Test
    void rejectsBadArguments() {
        Samples s = quiet(19, 3, 5, 1);
        assertThatThrownBy(() -> bootstrap.estimate(s, s, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bootstrap.estimate(s, s, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HierarchicalBootstrap(99, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameInputsGiveBitIdenticalOutput() {
        Samples baseline = quiet(20, 3, 5, 1);
        Samples current = quiet(21, 3, 5, 1.05);

        ChangeEstimate first = bootstrap.estimate(baseline, current, CONFIDENCE);
        ChangeEstimate again = new HierarchicalBootstrap().estimate(baseline, current, CONFIDENCE);
        ChangeEstimate otherSeed = new HierarchicalBootstrap(1000, 42).estimate(baseline, current, CONFIDENCE);

        assertThat(again).isEqualTo(first);
        assertThat(Double.doubleToRawLongBits(again.lowerRatio())).isEqualTo(Double.doubleToRawLongBits(first.lowerRatio()));
        assertThat(otherSeed.ratio()).isEqualTo(first.ratio());
        assertThat(otherSeed.lowerRatio()).isNotEqualTo(first.lowerRatio()).isCloseTo(first.lowerRatio(), within(0.02));
    }

    @Test
    void concurrentCallsGiveTheSameResultsAsSequentialOnes() throws Exception {
        int pairs = 200;
        Samples[] baselines = new Samples[pairs];
        Samples[] currents = new Samples[pairs];
        ChangeEstimate[] sequential = new ChangeEstimate[pairs];
        Synthetic noisy = new Synthetic(0.05, 0.1, 0.05, 10);
        SplittableRandom random = new SplittableRandom(22);
        for (int p = 0; p < pairs; p++) {
            baselines[p] = noisy.draw(random, 3, 5 + p % 7, 1);
            currents[p] = noisy.draw(random, 2 + p % 4, 5, 1.1);
            sequential[p] = bootstrap.estimate(baselines[p], currents[p], CONFIDENCE);
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ChangeEstimate>> futures = new ArrayList<>();
            for (int p = pairs - 1; p >= 0; p--) { // reverse order, interleaved over threads
                int q = p;
                futures.add(pool.submit(() -> bootstrap.estimate(baselines[q], currents[q], CONFIDENCE)));
            }
            for (int i = 0; i < pairs; i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential[pairs - 1 - i]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The fast engine draws each fork's resampled median from its exact distribution; a literal two-level
     * bootstrap (draw forks, draw iterations, sort, take medians) must give the same interval up to
     * Monte Carlo error.
     */
    @Test
    void agreesWithALiteralTwoLevelBootstrap() {
        Synthetic noisy = new Synthetic(0.05, 0.1, 0.05, 10);
        SplittableRandom random = new SplittableRandom(23);
        for (int trial = 0; trial < 4; trial++) {
            Samples baseline = noisy.draw(random, 3 + trial, 5 + trial, 1);
            Samples current = noisy.draw(random, 4, 6, 1.2);
            ChangeEstimate fast = new HierarchicalBootstrap(20_000, trial).estimate(baseline, current, CONFIDENCE);
            double[] literal = literalInterval(baseline, current, 20_000, new SplittableRandom(100 + trial));

            double halfWidth = Math.log(fast.upperRatio() / fast.lowerRatio()) / 2;
            assertThat(Math.log(fast.lowerRatio() / literal[0])).isCloseTo(0, within(0.08 * halfWidth));
            assertThat(Math.log(fast.upperRatio() / literal[1])).isCloseTo(0, within(0.08 * halfWidth));
        }
    }

    private static double[] literalInterval(Samples baseline, Samples current, int resamples, SplittableRandom random) {
        double[][] b = adjustedRows(ForkSet.of(baseline));
        double[][] c = adjustedRows(ForkSet.of(current));
        double[] ratios = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            ratios[r] = literalStatistic(c, random) / literalStatistic(b, random);
        }
        Arrays.sort(ratios);
        return new double[] {ForkSet.quantile(ratios, 0.005), ForkSet.quantile(ratios, 0.995)};
    }

    /** The trimmed forks with the spread adjustment {@link BootstrapSide} applies. */
    private static double[][] adjustedRows(ForkSet set) {
        int k = set.rows.length;
        double spread = k > 1 ? Math.sqrt(k / (k - 1.0)) : 1;
        double[][] rows = new double[k][];
        for (int f = 0; f < k; f++) {
            double factor = Math.pow(set.medians[f] / set.location, spread - 1);
            rows[f] = Arrays.stream(set.rows[f]).map(v -> v * factor).toArray();
        }
        return rows;
    }

    private static double literalStatistic(double[][] rows, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            double[] fork = rows[random.nextInt(rows.length)];
            double[] resample = new double[fork.length];
            for (int j = 0; j < fork.length; j++) {
                resample[j] = fork[random.nextInt(fork.length)];
            }
            Arrays.sort(resample);
            sum += ResampledMedian.median(resample);
        }
        return sum / rows.length;
    }
}
