package io.github.perfgate.gate;

import static io.github.perfgate.gate.RegressionGateTest.ENV;
import static io.github.perfgate.gate.RegressionGateTest.around;
import static io.github.perfgate.gate.RegressionGateTest.baseline;
import static io.github.perfgate.gate.RegressionGateTest.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.perfgate.gate.ClaimResult.Status;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Mode;
import io.github.perfgate.stats.HierarchicalBootstrap;
import io.github.perfgate.surefire.TestSummary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The improvement a claim is held to, end to end through the {@link RegressionGate}: time saved per operation,
 * {@code (baseline - current) / baseline}, whatever the JMH mode and unit.
 */
class ClaimImprovementTest {

    private static final TestSummary PASSED = ClaimEvaluatorTest.PASSED;

    private final RegressionGate gate = new RegressionGate(new HierarchicalBootstrap(),
            new GateSettings(0.10, List.of(), 0.99));
    private final ClaimEvaluator evaluator = new ClaimEvaluator();

    private ClaimResult claim(String claim, BenchmarkResult before, BenchmarkResult after, boolean strict) {
        GateReport report = gate.compare(baseline(before), List.of(after), ENV);
        List<ClaimResult> results = evaluator.evaluate(ClaimParser.parse(claim), report, PASSED, strict);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    /** {@code around(center)} with every sample multiplied by {@code factor}: the same shape, scaled. */
    private static double[][] scaled(double center, double factor) {
        double[][] samples = around(center);
        for (double[] fork : samples) {
            for (int i = 0; i < fork.length; i++) {
                fork[i] *= factor;
            }
        }
        return samples;
    }

    @ParameterizedTest(name = "{0} {1}: scores x{2} -> {3} improvement")
    @CsvSource({
        // mode, unit, factor on the scores, expected time saved per operation
        "thrpt,  ops/s,  1.25, 0.20",   // 1.25x throughput: 1 - 1/1.25
        "thrpt,  ops/ms, 2.0,  0.50",   // twice the throughput: half the time
        "thrpt,  ops/us, 1.5,  0.3333333333333333",
        "avgt,   us/op,  0.5,  0.50",   // half the time per operation
        "avgt,   ns/op,  0.8,  0.20",
        "sample, us/op,  0.5,  0.50",
        "sample, ms/op,  0.75, 0.25",
        "ss,     s/op,   0.5,  0.50",
        "ss,     ms/op,  0.9,  0.10",
    })
    void theImprovementIsTimeSavedPerOperationInEveryMode(String mode, String unit, double factor,
            double expected) {
        Mode m = Mode.fromShortName(mode);
        BenchmarkResult before = result("acme.ParserBench.parse", m, unit, around(200));
        BenchmarkResult after = result("acme.ParserBench.parse", m, unit, scaled(200, factor));

        ClaimResult met = claim("ParserBench.parse>=" + Percent.format(expected), before, after, false);
        ClaimResult missed = claim("ParserBench.parse>=" + Percent.format(expected + 0.01), before, after, false);

        assertThat(met.improvement()).isCloseTo(expected, within(1e-9));
        assertThat(met.lowerImprovement()).isLessThanOrEqualTo(met.improvement()).isGreaterThan(0);
        assertThat(met.upperImprovement()).isGreaterThanOrEqualTo(met.improvement());
        assertThat(met.status()).as(met.message()).isEqualTo(Status.MET);
        assertThat(met.message()).startsWith("Claim met: acme.ParserBench.parse is "
                + String.format(java.util.Locale.ROOT, "%.1f%%", expected * 100) + " faster (99% CI ");
        assertThat(missed.status()).as(missed.message()).isEqualTo(Status.MISSED);
    }

    @Test
    void unitsAreNormalisedBeforeTheImprovementIsComputed() {
        // 2 ops/ms = 2000 ops/s; now 2500 ops/s: 1.25x throughput
        ClaimResult r = claim("B.m>=20%", result("a.B.m", Mode.THROUGHPUT, "ops/ms", around(2)),
                result("a.B.m", Mode.THROUGHPUT, "ops/s", scaled(2000, 1.25)), false);
        assertThat(r.improvement()).isCloseTo(0.20, within(1e-9));
        assertThat(r.status()).isEqualTo(Status.MET);

        // 1.5 us/op -> 750 ns/op: half the time
        ClaimResult t = claim("B.m>=50%", result("a.B.m", Mode.AVERAGE_TIME, "us/op", around(1.5)),
                result("a.B.m", Mode.AVERAGE_TIME, "ns/op", scaled(1500, 0.5)), false);
        assertThat(t.improvement()).isCloseTo(0.50, within(1e-9));
        assertThat(t.status()).isEqualTo(Status.MET);
    }

    @Test
    void aThroughputGainIsNotTheImprovement() {
        // +25% throughput is 20% less time per operation: a 25% claim misses
        ClaimResult r = claim("B.m>=25%", result("a.B.m", Mode.THROUGHPUT, "ops/s", around(1000)),
                result("a.B.m", Mode.THROUGHPUT, "ops/s", scaled(1000, 1.25)), false);
        assertThat(r.status()).isEqualTo(Status.MISSED);
        assertThat(r.message()).startsWith("Claim missed: a.B.m is 20.0% faster (99% CI ");
    }

    @Test
    void noChangeAndSlowdownsMissEveryClaim() {
        BenchmarkResult before = result("a.B.m", Mode.AVERAGE_TIME, "us/op", around(100));

        ClaimResult same = claim("B.m>=1%", before, before, false);
        ClaimResult slower = claim("B.m>=1%", before, result("a.B.m", Mode.AVERAGE_TIME, "us/op",
                scaled(100, 1.25)), false);

        assertThat(same.status()).isEqualTo(Status.MISSED);
        assertThat(same.improvement()).isCloseTo(0, within(1e-12));
        assertThat(slower.status()).isEqualTo(Status.MISSED);
        assertThat(slower.improvement()).isCloseTo(-0.25, within(1e-9));
        assertThat(slower.message()).startsWith("Claim missed: a.B.m is 25.0% slower (improvement -25.0%, 99% CI");
    }

    /** Forks that disagree by {@code spread} either way, with a little noise within each fork. */
    private static double[][] noisy(double center, double spread) {
        double[] forkOffsets = {-spread, spread / 3, -spread / 3, spread, 0};
        double[][] forks = new double[forkOffsets.length][5];
        for (int f = 0; f < forks.length; f++) {
            for (int i = 0; i < 5; i++) {
                forks[f][i] = center * (1 + forkOffsets[f]) * (1 + 0.01 * ((i * 7 + f * 3) % 5 - 2));
            }
        }
        return forks;
    }

    @Test
    void strictClaimsFailWhenTheIntervalStraddlesTheTarget() {
        BenchmarkResult before = result("a.B.m", Mode.AVERAGE_TIME, "us/op", noisy(100, 0.06));
        BenchmarkResult after = result("a.B.m", Mode.AVERAGE_TIME, "us/op", noisy(76, 0.06));

        ClaimResult lenient = claim("B.m>=20%", before, after, false);
        ClaimResult strict = claim("B.m>=20%", before, after, true);

        // the precondition of the case: 24% measured, interval above 0 but reaching below the 20% target
        assertThat(lenient.improvement()).isCloseTo(0.24, within(1e-9));
        assertThat(lenient.lowerImprovement()).as("lower end").isGreaterThan(0).isLessThan(0.20);
        assertThat(lenient.status()).as(lenient.message()).isEqualTo(Status.MET);
        assertThat(strict.status()).as(strict.message()).isEqualTo(Status.MISSED);
        assertThat(strict.message()).contains("strict claims need the whole interval to reach the target");

        ClaimResult strictLowTarget = claim("B.m>=5%", before, after, true);
        assertThat(strictLowTarget.status()).as(strictLowTarget.message()).isEqualTo(Status.MET);
    }

    @Test
    void aLargeButNoisyImprovementIsNotShownToBeReal() {
        BenchmarkResult before = result("a.B.m", Mode.AVERAGE_TIME, "us/op", noisy(100, 0.45));
        BenchmarkResult after = result("a.B.m", Mode.AVERAGE_TIME, "us/op", noisy(75, 0.45));

        ClaimResult r = claim("B.m>=20%", before, after, false);

        assertThat(r.improvement()).isCloseTo(0.25, within(1e-9));
        assertThat(r.lowerImprovement()).as("lower end").isLessThanOrEqualTo(0);
        assertThat(r.status()).isEqualTo(Status.MISSED);
        assertThat(r.message()).contains("but that is not statistically certain");
    }
}
