package io.github.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.BenchmarkPattern;
import io.github.perfgate.gate.Claim;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.gate.RegressionGate;
import io.github.perfgate.gate.ThresholdRule;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.stats.HierarchicalBootstrap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A realistic report for the writer tests and the screenshot script: every verdict, a met and a missed claim, an
 * environment difference, and one benchmark whose name and parameters try to break out of every format.
 */
final class ReportFixtures {

    static final Instant GENERATED = Instant.parse("2026-11-23T10:15:30Z");

    static final Environment BASELINE_ENV = new Environment("17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6",
            "1.37", "Linux", "6.1.0", "amd64", "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", 8);

    static final Environment CURRENT_ENV = new Environment("21.0.5", "OpenJDK 64-Bit Server VM", "21.0.5+11",
            "1.37", "Linux", "6.1.0", "amd64", "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", 8);

    /** A benchmark name with an ampersand and a quote, as no Java method could have but a report must survive. */
    static final String HOSTILE_NAME = "acme.parser.Escape&\"Bench.run";

    static final String SCRIPT = "<script>alert(1)</script>";

    static final String REGRESSED = "acme.parser.ParserBench.parse";
    static final String IMPROVED = "acme.parser.LexerBench.tokenize";
    static final String INCONCLUSIVE = "acme.parser.CacheBench.lookup";
    static final String MISSED_CLAIM = "acme.parser.WriterBench.write";
    static final String ALLOCATES = "acme.parser.BufferBench.copy";

    private ReportFixtures() {
    }

    /** Three forks of five iterations around {@code center}, with a little spread that differs per fork. */
    static double[][] around(double center) {
        return around(center, center, center);
    }

    /** Three forks of five iterations, fork {@code f} around {@code centers[f]}. */
    static double[][] around(double... centers) {
        double[][] forks = new double[centers.length][5];
        for (int f = 0; f < centers.length; f++) {
            for (int i = 0; i < 5; i++) {
                forks[f][i] = centers[f] * (1 + 0.01 * (f - 1) + 0.004 * (i - 2));
            }
        }
        return forks;
    }

    static BenchmarkResult result(String name, Map<String, String> params, Mode mode, String unit,
            double[][] samples) {
        return result(name, params, mode, unit, samples, 48);
    }

    /** A result with {@code bytes} of allocation per operation in every sample. */
    static BenchmarkResult result(String name, Map<String, String> params, Mode mode, String unit,
            double[][] samples, double bytes) {
        double sum = 0;
        int n = 0;
        for (double[] fork : samples) {
            for (double v : fork) {
                sum += v;
                n++;
            }
        }
        return new BenchmarkResult(new BenchmarkKey(name, new TreeMap<>(params), mode),
                new Metric(sum / n, sum / n * 0.02, sum / n * 0.98, sum / n * 1.02, unit, samples),
                new Metric(bytes, Double.NaN, Double.NaN, Double.NaN, "B/op", new double[][] {{bytes, bytes},
                    {bytes, bytes}}));
    }

    static BenchmarkResult result(String name, Mode mode, String unit, double[][] samples) {
        return result(name, Map.of(), mode, unit, samples);
    }

    static Map<String, String> hostileParams() {
        return Map.of("payload", SCRIPT, "sep", "a|b*c_`d`");
    }

    static List<BenchmarkResult> baselineResults() {
        return List.of(
                result(REGRESSED, Map.of("size", "10"), Mode.AVERAGE_TIME, "us/op", around(200)),
                result(REGRESSED, Map.of("size", "1000"), Mode.AVERAGE_TIME, "us/op", around(20_000)),
                result(IMPROVED, Mode.THROUGHPUT, "ops/s", around(1000)),
                result(INCONCLUSIVE, Mode.AVERAGE_TIME, "ns/op", around(100)),
                result(MISSED_CLAIM, Mode.AVERAGE_TIME, "ns/op", around(50)),
                result("acme.parser.OldBench.retired", Mode.AVERAGE_TIME, "ns/op", around(10)),
                result("acme.parser.SwitchBench.run", Mode.THROUGHPUT, "ops/ms", around(5)),
                result("acme.parser.SlowBench.io", Mode.SAMPLE_TIME, "ms/op", around(3)),
                result(ALLOCATES, Map.of(), Mode.AVERAGE_TIME, "ns/op", around(30), 48),
                result(HOSTILE_NAME, hostileParams(), Mode.AVERAGE_TIME, "ns/op", around(40)));
    }

    static List<BenchmarkResult> currentResults() {
        return List.of(
                result(REGRESSED, Map.of("size", "10"), Mode.AVERAGE_TIME, "us/op", around(290)),
                result(REGRESSED, Map.of("size", "1000"), Mode.AVERAGE_TIME, "ms/op", around(20.1)),
                result(IMPROVED, Mode.THROUGHPUT, "ops/s", around(1600)),
                result(INCONCLUSIVE, Mode.AVERAGE_TIME, "ns/op", around(100, 112, 125)),
                result(MISSED_CLAIM, Mode.AVERAGE_TIME, "ns/op", around(48)),
                result("acme.parser.NewBench.fresh", Mode.AVERAGE_TIME, "ns/op", around(7)),
                result("acme.parser.SwitchBench.run", Mode.AVERAGE_TIME, "ns/op", around(200)),
                result("acme.parser.SlowBench.io", Mode.SAMPLE_TIME, "ms/op", around(3.3)),
                result(ALLOCATES, Map.of(), Mode.AVERAGE_TIME, "ns/op", around(30.3), 120),
                result(HOSTILE_NAME, hostileParams(), Mode.AVERAGE_TIME, "ns/op", around(40.2)));
    }

    static final String CALIBRATION = "perfgate-calibration-v1";

    /**
     * Tolerance 10%, except 25% for the sample-time benchmark; allocation tolerance 10%. Both sides calibrated, the
     * machine 2% slower now (not significant, so not corrected for).
     */
    static GateReport gateReport() {
        RegressionGate gate = new RegressionGate(new HierarchicalBootstrap(), new GateSettings(0.10,
                List.of(ThresholdRule.parse("SlowBench.io", "25%")), 0.99));
        GateReport report = gate.compare(new Baseline("2026-11-20T08:00:00Z", "abc123", BASELINE_ENV,
                baselineResults(), new Calibration(CALIBRATION, around(1.0))), currentResults(), CURRENT_ENV,
                new Calibration(CALIBRATION, around(1.02)));
        assertThat(report.comparisons()).extracting(c -> c.key().name() + "=" + c.verdict()).containsExactlyInAnyOrder(
                REGRESSED + "=REGRESSED", REGRESSED + "=UNCHANGED", IMPROVED + "=IMPROVED",
                INCONCLUSIVE + "=INCONCLUSIVE", MISSED_CLAIM + "=UNCHANGED", "acme.parser.OldBench.retired=MISSING",
                "acme.parser.NewBench.fresh=NEW", "acme.parser.SwitchBench.run=MODE_CHANGED",
                "acme.parser.SlowBench.io=UNCHANGED", ALLOCATES + "=ALLOCATION_REGRESSED", HOSTILE_NAME + "=UNCHANGED");
        assertThat(report.drift()).isNotNull();
        assertThat(report.drift().significant()).isFalse();
        return report;
    }

    static BenchmarkComparison find(GateReport report, String name) {
        return report.comparisons().stream().filter(c -> c.key().name().equals(name)).findFirst().orElseThrow();
    }

    static BenchmarkComparison find(GateReport report, String name, String size) {
        return report.comparisons().stream().filter(c -> c.key().name().equals(name)
                && size.equals(c.key().params().get("size"))).findFirst().orElseThrow();
    }

    /** A claim result with the improvement and interval taken from the comparison, as the claims gate derives them. */
    static ClaimResult claim(String pattern, double target, BenchmarkComparison c, ClaimResult.Status status,
            String reason) {
        Claim claim = new Claim(BenchmarkPattern.parse(pattern), target, reason);
        if (c == null) {
            return new ClaimResult(claim, null, status, Double.NaN, Double.NaN, Double.NaN,
                    "no benchmark matches " + pattern + "; check the name in perfgate.claims");
        }
        double improvement = 1 - c.estimate().ratio();
        double low = 1 - c.estimate().upperRatio();
        double high = 1 - c.estimate().lowerRatio();
        String figures = Percent.signed(improvement) + " time saved (99% CI " + Percent.signed(low) + ".."
                + Percent.signed(high) + ")";
        String message = status == ClaimResult.Status.MET
                ? c.key().displayName() + " met its claim: " + figures + ", target " + Percent.format(target)
                : c.key().displayName() + " missed its claim: " + figures + ", target " + Percent.format(target)
                        + "; optimise further or lower the target";
        return new ClaimResult(claim, c, status, improvement, low, high, message);
    }

    static List<ClaimResult> claims(GateReport report) {
        List<ClaimResult> claims = new ArrayList<>();
        claims.add(claim("LexerBench.tokenize", 0.20, find(report, IMPROVED), ClaimResult.Status.MET,
                "single-pass tokenizer"));
        claims.add(claim("WriterBench.write", 0.25, find(report, MISSED_CLAIM), ClaimResult.Status.MISSED,
                "buffered writes"));
        return claims;
    }

    /** The full sample: every verdict, a met and a missed claim, a JDK difference, machine drift and two notes. */
    static ReportData sample() {
        GateReport report = gateReport();
        return ReportData.check(report, claims(report), CURRENT_ENV, BASELINE_ENV, "acme-parser", GENERATED,
                List.of("re-measured 2 benchmarks", "ran with perfgate.include=acme.parser.*"));
    }

    /**
     * Comparisons built directly: a change the statistics could not estimate, and a 250-fold slowdown, far beyond
     * the chart's axis.
     */
    static ReportData extremes() {
        BenchmarkResult one = result("x.One.fork", Mode.AVERAGE_TIME, "ns/op", new double[][] {{5, 5, 5}});
        BenchmarkResult slow = result("x.Slow.down", Mode.AVERAGE_TIME, "ns/op", around(4));
        BenchmarkResult slower = result("x.Slow.down", Mode.AVERAGE_TIME, "us/op", around(1));
        GateReport report = new GateReport(List.of(
                new BenchmarkComparison(one.key(), Verdict.INCONCLUSIVE, one, one, new ChangeEstimate(5e-9, 5e-9,
                        Double.NaN, Double.NaN, Double.NaN, 0.95, false, "only one fork"), 0.05, "only one fork"),
                new BenchmarkComparison(slow.key(), Verdict.REGRESSED, slow, slower, new ChangeEstimate(4e-9, 1e-6,
                        250, 240, 260, 0.95, true, ""), 0.05, "")), List.of(), 0.95);
        return ReportData.check(report, List.of(), CURRENT_ENV, CURRENT_ENV, "extremes", GENERATED, List.of());
    }

    /** A check that compared nothing. */
    static ReportData empty() {
        return ReportData.check(new GateReport(List.of(), List.of(), 0.99), List.of(), CURRENT_ENV, null, "empty",
                GENERATED, List.of());
    }

    /** A recording by the {@code baseline} goal. */
    static ReportData recording() {
        return ReportData.baseline(currentResults(), CURRENT_ENV, BASELINE_ENV, "acme-parser", GENERATED,
                List.of("recorded on request"));
    }

    static long count(GateReport report, Verdict verdict) {
        return report.count(verdict);
    }
}
