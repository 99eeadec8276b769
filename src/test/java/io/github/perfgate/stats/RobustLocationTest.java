package io.github.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RobustLocationTest {

    @Test
    void meanOverForksOfEachForksMedian() {
        Samples s = Samples.of(new double[] {10, 12, 11}, new double[] {20, 21, 22, 23}, new double[] {30});

        assertThat(RobustLocation.of(s)).isCloseTo((11 + 21.5 + 30) / 3, within(1e-12));
    }

    @Test
    void forksWeighEquallyWhateverTheirIterationCount() {
        Samples s = Samples.of(new double[] {10}, new double[] {20, 20, 20, 20, 20, 20, 20, 20});

        assertThat(RobustLocation.of(s)).isEqualTo(15);
    }

    @Test
    void dropsNaNAndEmptyForks() {
        Samples s = Samples.of(new double[] {Double.NaN, 10, 12, 11}, new double[] {Double.NaN}, new double[0],
                new double[] {20, 21, 22});

        assertThat(RobustLocation.of(s)).isEqualTo(16);
        assertThat(RobustLocation.of(Samples.of(new double[] {Double.NaN}))).isNaN();
        assertThat(RobustLocation.of(new Samples(new double[0][]))).isNaN();
    }

    @Test
    void dropsUpperOutliersBeforeTakingMedians() {
        // 50x in one fork: dropped, so that fork's median is the mean of the 2 middle of the other 4.
        Samples s = Samples.of(new double[] {100, 101, 99, 5000, 100}, new double[] {102, 100, 101, 99, 100});

        assertThat(RobustLocation.of(s)).isCloseTo((100 + 100) / 2.0, within(1e-12));
        assertThat(ForkSet.of(s).droppedOutliers).isEqualTo(1);
    }

    @Test
    void keepsASlowForkAndBroadNoise() {
        // A fork 1.5x slower is a fork effect, not a run of outliers; 30% noise is not outliers either.
        Samples slowFork = Samples.of(new double[] {100, 101, 99}, new double[] {150, 151, 149});
        Samples broad = Samples.of(new double[] {70, 100, 130, 85, 115}, new double[] {90, 120, 80, 140, 100});

        assertThat(ForkSet.of(slowFork).droppedOutliers).isZero();
        assertThat(RobustLocation.of(slowFork)).isEqualTo(125);
        assertThat(ForkSet.of(broad).droppedOutliers).isZero();
    }

    @Test
    void equalValuesGiveExactlyThatValue() {
        double v = 0.1;
        Samples s = Samples.of(new double[] {v, v, v}, new double[] {v, v}, new double[] {v, v, v, v});

        assertThat(RobustLocation.of(s)).isEqualTo(v);
    }

    @Test
    void aSingleInfiniteIterationIsAnOutlier() {
        double inf = Double.POSITIVE_INFINITY;
        Samples s = Samples.of(new double[] {100, inf, 100, 100}, new double[] {100, 100, 100});

        assertThat(RobustLocation.of(s)).isEqualTo(100);
        assertThat(RobustLocation.of(Samples.of(new double[] {inf, inf, 100}))).isInfinite();
    }
}
