package io.github.perfgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.stats.HierarchicalBootstrap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class RegressionGateTest {

    public static final Environment ENV = new Environment("17", "VM", "17", "1.37", "Linux", "6", "amd64", "CPU", 2);

    private final RegressionGate gate = new RegressionGate(new HierarchicalBootstrap(),
            new GateSettings(0.10, List.of(), 0.99));

    /** Three forks of five iterations around {@code center}, with a little spread that differs per fork. */
    public static double[][] around(double center) {
        double[][] forks = new double[3][5];
        for (int f = 0; f < 3; f++) {
            for (int i = 0; i < 5; i++) {
                forks[f][i] = center * (1 + 0.01 * (f - 1) + 0.004 * (i - 2));
            }
        }
        return forks;
    }

    public static BenchmarkResult result(String name, Mode mode, String unit, double[][] samples) {
        return new BenchmarkResult(BenchmarkKey.of(name, mode), new Metric(samples[0][0], 0, 0, 0, unit, samples),
                null);
    }

    public static Baseline baseline(BenchmarkResult... results) {
        return new Baseline("2026-11-23T10:00:00Z", "", ENV, List.of(results));
    }

    private BenchmarkComparison only(Baseline baseline, BenchmarkResult current) {
        GateReport report = gate.compare(baseline, List.of(current), ENV);
        assertThat(report.comparisons()).hasSize(1);
        return report.comparisons().get(0);
    }

    @Test
    void identicalSamplesAreUnchanged() {
        BenchmarkResult same = result("a.B.m", Mode.AVERAGE_TIME, "us/op", around(200));
        BenchmarkComparison c = only(baseline(same), same);
        assertThat(c.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(c.estimate().change()).isCloseTo(0, within(1e-12));
    }

    @Test
    void aFiveTimesSlowerAverageTimeRegressesAndTheSentenceSaysBy() {
        BenchmarkComparison c = only(baseline(result("acme.ParserBench.parse", Mode.AVERAGE_TIME, "us/op",
                around(200))), result("acme.ParserBench.parse", Mode.AVERAGE_TIME, "us/op", around(1000)));

        assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(c.estimate().change()).isCloseTo(4.0, within(0.05));
        assertThat(Describe.sentence(c, 0.99)).startsWith("acme.ParserBench.parse regressed +400.0% (baseline 200 "
                + "us/op, now 1000 us/op, 99% CI +").contains("tolerance 10%");
    }

    @Test
    void throughputIsHigherIsBetter() {
        Baseline base = baseline(result("a.B.m", Mode.THROUGHPUT, "ops/s", around(1000)));

        BenchmarkComparison slower = only(base, result("a.B.m", Mode.THROUGHPUT, "ops/s", around(200)));
        BenchmarkComparison faster = only(base, result("a.B.m", Mode.THROUGHPUT, "ops/s", around(5000)));

        assertThat(slower.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(slower.estimate().change()).isCloseTo(4.0, within(0.05));
        assertThat(faster.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(faster.estimate().change()).isCloseTo(-0.8, within(0.01));
        assertThat(Describe.sentence(slower, 0.99)).contains("baseline 1000 ops/s, now 200 ops/s");
    }

    @Test
    void unitsAreNormalisedBeforeComparing() {
        BenchmarkComparison c = only(baseline(result("a.B.m", Mode.AVERAGE_TIME, "us/op", around(1.5))),
                result("a.B.m", Mode.AVERAGE_TIME, "ns/op", around(1500)));
        assertThat(c.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(c.estimate().change()).isCloseTo(0, within(1e-9));

        BenchmarkComparison t = only(baseline(result("a.B.m", Mode.THROUGHPUT, "ops/ms", around(2))),
                result("a.B.m", Mode.THROUGHPUT, "ops/s", around(1000)));
        assertThat(t.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(t.estimate().change()).isCloseTo(1.0, within(0.02));
    }

    @Test
    void aModeChangeIsMatchedByNameAndParametersAndOnlyToAnEntryThatDidNotRun() {
        BenchmarkResult size10 = new BenchmarkResult(new BenchmarkKey("a.B.m", new java.util.TreeMap<>(
                java.util.Map.of("size", "10")), Mode.THROUGHPUT), new Metric(1, 0, 0, 0, "ops/s", around(10)), null);
        BenchmarkResult size20Now = new BenchmarkResult(new BenchmarkKey("a.B.m", new java.util.TreeMap<>(
                java.util.Map.of("size", "20")), Mode.AVERAGE_TIME), new Metric(1, 0, 0, 0, "ns/op", around(10)),
                null);
        BenchmarkResult bothModes = result("a.B.both", Mode.THROUGHPUT, "ops/s", around(10));
        Baseline base = baseline(size10, bothModes, result("a.B.both", Mode.AVERAGE_TIME, "ns/op", around(10)));

        GateReport report = gate.compare(base, List.of(size20Now, bothModes,
                result("a.B.both", Mode.SINGLE_SHOT, "ns/op", around(10))), ENV);

        // size=20 is another benchmark than size=10, not a mode change; a.B.both ss takes the avgt entry that did
        // not run, never the thrpt one that did.
        assertThat(report.comparisons()).extracting(c -> c.key() + "=" + c.verdict()).containsExactly(
                "a.B.both (thrpt)=UNCHANGED", "a.B.both (ss)=MODE_CHANGED", "a.B.m[size=10] (thrpt)=MISSING",
                "a.B.m[size=20] (avgt)=NEW");
        assertThat(report.comparisons().get(1).baseline().key().mode()).isEqualTo(Mode.AVERAGE_TIME);
    }

    @Test
    void newMissingAndModeChangedBenchmarksAreReportedNotCompared() {
        Baseline base = baseline(result("a.Old.gone", Mode.AVERAGE_TIME, "ns/op", around(10)),
                result("a.B.switched", Mode.THROUGHPUT, "ops/s", around(10)));
        GateReport report = gate.compare(base, List.of(
                result("a.New.added", Mode.AVERAGE_TIME, "ns/op", around(10)),
                result("a.B.switched", Mode.AVERAGE_TIME, "ns/op", around(10))), ENV);

        assertThat(report.comparisons()).extracting(c -> c.key().name() + "=" + c.verdict()).containsExactly(
                "a.B.switched=MODE_CHANGED", "a.New.added=NEW", "a.Old.gone=MISSING");
        assertThat(report.comparisons()).allSatisfy(c -> assertThat(c.estimate()).isNull());
        assertThat(report.regressions()).isEmpty();
        assertThat(report.comparisons().get(0).reason()).contains("baseline mode thrpt, now avgt");
    }

    @Test
    void parametersSeparateBenchmarks() {
        BenchmarkResult small = new BenchmarkResult(new BenchmarkKey("a.B.m", new java.util.TreeMap<>(
                Map.of("size", "10")), Mode.AVERAGE_TIME), new Metric(1, 0, 0, 0, "ns/op", around(10)), null);
        BenchmarkResult large = new BenchmarkResult(new BenchmarkKey("a.B.m", new java.util.TreeMap<>(
                Map.of("size", "1000")), Mode.AVERAGE_TIME), new Metric(1, 0, 0, 0, "ns/op", around(50)), null);
        BenchmarkResult largeNow = new BenchmarkResult(large.key(), new Metric(1, 0, 0, 0, "ns/op", around(50)),
                null);

        GateReport report = gate.compare(baseline(small, large), List.of(largeNow), ENV);

        assertThat(report.comparisons()).extracting(c -> c.key().displayName() + "=" + c.verdict())
                .containsExactly("a.B.m[size=1000]=UNCHANGED", "a.B.m[size=10]=MISSING");
    }

    @Test
    void aPerBenchmarkThresholdOverridesTheDefault() {
        RegressionGate lenient = new RegressionGate(new HierarchicalBootstrap(), new GateSettings(0.10,
                List.of(ThresholdRule.parse("Slow*.run", "500%")), 0.99));
        Baseline base = baseline(result("acme.SlowBench.run", Mode.AVERAGE_TIME, "ns/op", around(10)),
                result("acme.FastBench.run", Mode.AVERAGE_TIME, "ns/op", around(10)));

        GateReport report = lenient.compare(base, List.of(
                result("acme.SlowBench.run", Mode.AVERAGE_TIME, "ns/op", around(50)),
                result("acme.FastBench.run", Mode.AVERAGE_TIME, "ns/op", around(50))), ENV);

        assertThat(report.comparisons()).extracting(c -> c.key().name() + "=" + c.verdict() + "@" + c.tolerance())
                .containsExactly("acme.FastBench.run=REGRESSED@0.1", "acme.SlowBench.run=UNCHANGED@5.0");
    }

    @Test
    void environmentDifferencesAreCarriedIntoTheReport() {
        Environment other = new Environment("21", "VM", "21", "1.37", "Linux", "6", "amd64", "CPU", 8);
        BenchmarkResult same = result("a.B.m", Mode.AVERAGE_TIME, "us/op", around(200));
        GateReport report = gate.compare(baseline(same), List.of(same), other);
        assertThat(report.environmentDifferences()).containsExactly("JDK 17 -> 21", "CPU count 2 -> 8");
    }

    @Test
    void theDecisionRuleUsesTheIntervalAgainstTheTolerance() {
        assertThat(RegressionGate.decide(estimate(1.30, 1.21, 1.40), 0.10)).isEqualTo(Verdict.REGRESSED);
        assertThat(RegressionGate.decide(estimate(1.12, 1.09, 1.15), 0.10)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(RegressionGate.decide(estimate(1.05, 0.98, 1.09), 0.10)).isEqualTo(Verdict.UNCHANGED);
        assertThat(RegressionGate.decide(estimate(1.0, 0.99, 1.095), 0.10)).isEqualTo(Verdict.UNCHANGED);
        assertThat(RegressionGate.decide(estimate(0.95, 0.93, 0.97), 0.10)).isEqualTo(Verdict.UNCHANGED);
        assertThat(RegressionGate.decide(estimate(0.70, 0.65, 0.75), 0.10)).isEqualTo(Verdict.IMPROVED);
        assertThat(RegressionGate.decide(estimate(0.70, 0.40, 1.02), 0.10)).isEqualTo(Verdict.UNCHANGED);
        assertThat(RegressionGate.decide(new ChangeEstimate(0, 0, Double.NaN, Double.NaN, Double.NaN, 0.99, false,
                "no samples"), 0.10)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    private static ChangeEstimate estimate(double ratio, double low, double high) {
        return new ChangeEstimate(1, ratio, ratio, low, high, 0.99, true, "");
    }
}
