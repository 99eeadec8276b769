package io.github.perfgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.stats.PairedForks;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which time per operation decides, on paired rounds ({@link PairedForks}) as a same-machine A/B check has them. */
class TimeMetricGateTest {

    private static final BenchmarkKey KEY = BenchmarkKey.of("acme.Bench.work", Mode.AVERAGE_TIME);

    /** Six rounds of one fork of 4 iterations: {@code scale} times 100 us/op, each round's fork off by its noise. */
    private static Metric rounds(double scale, double noise, long seed, String unit, double unitFactor) {
        Random random = new Random(seed);
        double[][] forks = new double[6][4];
        for (int f = 0; f < forks.length; f++) {
            double fork = Math.exp(noise * random.nextGaussian());
            for (int i = 0; i < 4; i++) {
                forks[f][i] = 100 * unitFactor * scale * fork * Math.exp(0.005 * random.nextGaussian());
            }
        }
        return new Metric(100 * unitFactor * scale, Double.NaN, Double.NaN, Double.NaN, unit, forks);
    }

    private static BenchmarkResult result(double wallScale, double wallNoise, double cpuScale, long seed) {
        return new BenchmarkResult(KEY, rounds(wallScale, wallNoise, seed, "us/op", 1), null,
                rounds(cpuScale, 0.01, seed + 1, "ns/op", 1000));
    }

    private static BenchmarkComparison compare(TimeMetric metric, BenchmarkResult against, BenchmarkResult current) {
        return new RegressionGate(new PairedForks(), new GateSettings(0.10, List.of(), 0.99).withMetric(metric))
                .compare(against, current);
    }

    @Test
    void autoFailsABenchmarkThatWaitsLongerByWallTimeAndSaysCpuTimeDidNotGrow() {
        // 4x the wall time (it sleeps), the same CPU time.
        BenchmarkComparison c = compare(TimeMetric.AUTO, result(1, 0.01, 1, 1), result(4, 0.01, 1, 3));

        assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(c.decidedBy()).isEqualTo(TimeMetric.WALL);
        assertThat(c.estimate().change()).isGreaterThan(2.5);
        assertThat(c.cpuEstimate()).get().satisfies(e -> assertThat(Math.abs(e.change())).isLessThan(0.03));
        assertThat(c.reason()).startsWith("wall time grew beyond the tolerance, CPU time per operation did not (")
                .contains("mostly spent waiting (sleep, locks, I/O)");
        assertThat(Describe.sentence(c, 0.99)).contains("regressed +")
                .contains(", tolerance 10%; wall time decided, CPU time ");
        assertThat(Describe.verdictLabel(c)).isEqualTo("regressed (wall time)");
    }

    @Test
    void autoLetsCpuTimeDecideWhenTheMachineMadeWallTimeNoisyAndSaysSo() {
        // Wall time 25% noisier per round and 30% up on the current side (a busy machine), CPU time unchanged.
        BenchmarkComparison c = compare(TimeMetric.AUTO, result(1, 0.25, 1, 5), result(1.3, 0.25, 1, 7));

        assertThat(c.decidedBy()).isEqualTo(TimeMetric.CPU);
        assertThat(c.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(c.wallEstimate()).get().satisfies(e -> assertThat(e.lowerChange()).isLessThan(0.10));
        assertThat(Describe.baselineScore(c)).endsWith(" us/op CPU");
    }

    @Test
    void autoCatchesAComputeRegressionByCpuTime() {
        BenchmarkComparison c = compare(TimeMetric.AUTO, result(1, 0.25, 1, 9), result(1.3, 0.25, 1.3, 11));

        assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(c.decidedBy()).isEqualTo(TimeMetric.CPU);
        assertThat(c.estimate().change()).isBetween(0.25, 0.35);
    }

    @Test
    void autoSplitsTheErrorRateBetweenTheTwoMetrics() {
        BenchmarkComparison c = compare(TimeMetric.AUTO, result(1, 0.02, 1, 13), result(1, 0.02, 1, 15));

        assertThat(c.estimate().confidence()).isEqualTo(0.995, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(c.other().confidence()).isEqualTo(0.995, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void cpuIgnoresWallTimeAndExplainsAWallTimeThatGrew() {
        BenchmarkComparison c = compare(TimeMetric.CPU, result(1, 0.01, 1, 1), result(4, 0.01, 1, 3));

        assertThat(c.decidedBy()).isEqualTo(TimeMetric.CPU);
        assertThat(c.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(c.estimate().confidence()).isEqualTo(0.99);
        assertThat(c.reason()).startsWith("wall time +").contains("not more computation");
    }

    @Test
    void wallDecidesAloneAndReportsCpuTimeAsAFigure() {
        BenchmarkComparison c = compare(TimeMetric.WALL, result(1, 0.01, 1, 1), result(1, 0.01, 2, 3));

        assertThat(c.decidedBy()).isEqualTo(TimeMetric.WALL);
        assertThat(c.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(c.cpuEstimate()).get().satisfies(e -> {
            assertThat(e.change()).isBetween(0.9, 1.1);
            assertThat(e.estimable()).as("a point figure, no interval").isFalse();
        });
        assertThat(Describe.sentence(c, 0.99)).as("a baseline check's sentence reads as before")
                .doesNotContain("CPU time").doesNotContain("decided");
        assertThat(Describe.verdictLabel(c)).isEqualTo("unchanged");
        assertThat(Describe.otherFigure(c)).startsWith("CPU time +");
    }

    @Test
    void withoutCpuTimeOnBothSidesWallTimeDecidesAndCpuSaysSo() {
        BenchmarkResult noCpu = new BenchmarkResult(KEY, rounds(1, 0.01, 1, "us/op", 1), null);
        BenchmarkComparison c = compare(TimeMetric.CPU, noCpu, result(1, 0.01, 1, 3));

        assertThat(c.decidedBy()).isEqualTo(TimeMetric.WALL);
        assertThat(c.other()).isNull();
        assertThat(c.reason()).isEqualTo("no CPU time on both sides: wall time decided");
        assertThat(Describe.metricNamed(compare(TimeMetric.AUTO, noCpu, noCpu))).as("nothing to name").isFalse();
    }

    @Test
    void aBaselineCheckDecidesAutoByWallTime() {
        GateSettings settings = new GateSettings(0.10, List.of(), 0.99).withMetric(TimeMetric.AUTO);
        assertThat(settings.resolved(false).metric()).isEqualTo(TimeMetric.WALL);
        assertThat(settings.resolved(true).metric()).isEqualTo(TimeMetric.AUTO);
        assertThat(TimeMetric.parse(" CPU ")).isEqualTo(TimeMetric.CPU);
        assertThatThrownBy(() -> TimeMetric.parse("user")).hasMessageContaining("auto, wall or cpu");
    }

    @Test
    void aChangeBothMetricsShareIsNotExplainedAsWaiting() {
        // Both 20% up with noisy rounds (JIT differences between forks): CPU time decides, inconclusive, and no
        // sentence blames waiting or the machine.
        BenchmarkComparison c = compare(TimeMetric.CPU, new BenchmarkResult(KEY, rounds(1, 0.3, 21, "us/op", 1), null,
                rounds(1, 0.3, 21, "ns/op", 1000)), new BenchmarkResult(KEY, rounds(1.2, 0.3, 23, "us/op", 1), null,
                rounds(1.2, 0.3, 23, "ns/op", 1000)));

        assertThat(c.decidedBy()).isEqualTo(TimeMetric.CPU);
        assertThat(c.verdict()).isNotEqualTo(Verdict.REGRESSED);
        assertThat(c.reason()).doesNotContain("waiting").doesNotContain("not more computation");
    }

    @Test
    void autoSaysSoWhenWallTimeRegressedAndCpuTimeGrewToo() {
        // Wall time 4x, CPU time +20% but too noisy to be certain: wall decides, and the note does not say CPU time
        // did not grow.
        BenchmarkResult against = new BenchmarkResult(KEY, rounds(1, 0.01, 31, "us/op", 1), null,
                rounds(1, 0.3, 33, "ns/op", 1000));
        BenchmarkResult current = new BenchmarkResult(KEY, rounds(4, 0.01, 35, "us/op", 1), null,
                rounds(1.2, 0.3, 37, "ns/op", 1000));
        BenchmarkComparison c = compare(TimeMetric.AUTO, against, current);

        assertThat(c.decidedBy()).isEqualTo(TimeMetric.WALL);
        assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(c.reason()).startsWith("wall time grew beyond the tolerance; CPU time per operation +")
                .endsWith(", not certainly beyond it");
    }
}
