package io.github.perfgate.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.perfgate.baseline.BaselineStore;
import io.github.perfgate.calibration.CalibrationWorkload;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.quality.VerdictQuality.Case;
import io.github.perfgate.quality.VerdictQuality.Outcome;
import io.github.perfgate.quality.VerdictQuality.Pairing;
import io.github.perfgate.quality.VerdictQuality.Result;
import io.github.perfgate.quality.VerdictQuality.Rule;
import io.github.perfgate.quality.VerdictQuality.Tally;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictQualityTest {

    private static final Environment ENV = new Environment("17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6", "1.37",
            "Linux", "6.1", "amd64", "test CPU", 2);

    /** Work of each variant relative to {@code base}, as in the subject's {@code ChecksumBench}. */
    private static final Map<String, Double> WORK = Map.of("base", 1.0, "slow10", 1.1, "slow30", 1.3,
            "slow43", 10.0 / 7, "slow2x", 2.0);

    // ---- The targets of issue #3 on the committed corpus. ----

    /**
     * Asserts the targets issue #3 set, and only those: no false regression for unchanged code in any pairing, a
     * doubling caught in every pairing, and a 30% slowdown caught in at least 95% of quiet pairs. The cost per
     * benchmark (issue #3: at most 30 s) is wall-clock time: printed with the evaluation, not asserted. Every other
     * figure (the 10% case, the 30% case beside hogs, speed-ups called improved) has no target; the test prints it
     * with the rest of the evaluation instead of guarding the last measured value. A missing corpus fails the
     * test: the targets cannot be checked without it.
     */
    @Test
    void onTheRecordedCorpusTheGateMeetsTheTargetsOfIssue3() throws Exception {
        Path corpus = VerdictQuality.DEFAULT_CORPUS;
        for (String condition : List.of("quiet", "hog")) {
            assertThat(hasRuns(corpus.resolve(condition)))
                    .as("the recorded verdict-quality corpus in " + corpus.resolve(condition) + " (record it with"
                            + " scripts/verdict-quality-record.sh, about 55 minutes on a quiet machine)")
                    .isTrue();
        }

        Result recorded = new VerdictQuality().evaluate(corpus);
        System.out.println(VerdictQuality.render(recorded));

        for (Pairing pairing : Pairing.values()) {
            assertThat(recorded.has(pairing)).as("the corpus has pairs for " + pairing.label()).isTrue();
            // No false regression for unchanged code, quiet, beside a hog or across a change of load: not even
            // before suspects are re-measured. A speed-up is never called a regression either (direction).
            for (Rule rule : List.of(Rule.PERFGATE, Rule.PERFGATE_REMEASURED)) {
                Tally aa = recorded.tally(pairing, Case.UNCHANGED, rule);
                assertThat(aa.pairs()).isPositive();
                assertThat(aa.failing()).as("A/A false alarms, " + rule + ", " + pairing.label()).isZero();
                assertThat(recorded.tally(pairing, Case.SPED_UP_30, rule).failing())
                        .as("a speed-up called a regression, " + rule + ", " + pairing.label()).isZero();
            }
            // A doubling is caught in every pairing.
            Tally doubled = recorded.tally(pairing, Case.SLOWED_2X, Rule.PERFGATE_REMEASURED);
            assertThat(doubled.count(Outcome.REGRESSED)).as("2x slowdowns detected, " + pairing.label())
                    .isEqualTo(doubled.pairs());
        }
        // A 30% slowdown on a quiet machine: at least 95% of pairs, after the re-measure and before it.
        for (Rule rule : List.of(Rule.PERFGATE, Rule.PERFGATE_REMEASURED)) {
            Tally slowed30 = recorded.tally(Pairing.QUIET_QUIET, Case.SLOWED_30, rule);
            assertThat(slowed30.count(Outcome.REGRESSED)).as("30% slowdowns detected, quiet / quiet, " + rule)
                    .isGreaterThanOrEqualTo((int) Math.ceil(0.95 * slowed30.pairs()));
        }
    }

    private static boolean hasRuns(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().matches("run-\\d+\\.json"));
        }
    }

    // ---- The evaluator itself, on a synthetic corpus whose answers are known (evaluated once). ----

    @TempDir
    static Path synthetic;

    private static Result result;

    @BeforeAll
    static void evaluateSyntheticCorpus() throws Exception {
        writeCorpus(synthetic, 3, 3);
        result = new VerdictQuality().evaluate(synthetic);
    }

    @Test
    void replaysEveryOrderedPairOfDistinctRunsPerPairing() {
        assertThat(result.tally(Pairing.QUIET_QUIET, Case.UNCHANGED, Rule.PERFGATE).pairs()).isEqualTo(6);
        assertThat(result.tally(Pairing.HOG_HOG, Case.SLOWED_2X, Rule.RATIO_200).pairs()).isEqualTo(6);
        assertThat(result.tally(Pairing.QUIET_HOG, Case.UNCHANGED, Rule.PERFGATE).pairs()).isEqualTo(9);
        assertThat(result.tally(Pairing.HOG_QUIET, Case.SPED_UP_30, Rule.THRESHOLD_10).pairs()).isEqualTo(9);
        assertThat(result.shape()).isEqualTo("3 forks x 5 iterations");
        assertThat(result.subject().get(VerdictQuality.Condition.QUIET))
                .filteredOn(c -> c.variant().equals("slow2x")).singleElement()
                .satisfies(c -> assertThat(c.medianRatio()).isCloseTo(2.0, within(0.03)));
    }

    @Test
    void onAQuietMachineTheGateAndTheTenPercentRuleSeeTheKnownChanges() {
        for (Rule rule : List.of(Rule.PERFGATE, Rule.PERFGATE_NO_DRIFT_CORRECTION, Rule.THRESHOLD_10)) {
            assertThat(only(Pairing.QUIET_QUIET, Case.UNCHANGED, rule)).isEqualTo(Outcome.UNCHANGED);
            assertThat(only(Pairing.QUIET_QUIET, Case.SLOWED_30, rule)).isEqualTo(Outcome.REGRESSED);
            assertThat(only(Pairing.QUIET_QUIET, Case.SLOWED_2X, rule)).isEqualTo(Outcome.REGRESSED);
            assertThat(only(Pairing.QUIET_QUIET, Case.SPED_UP_30, rule)).isEqualTo(Outcome.IMPROVED);
        }
        assertThat(result.tally(Pairing.QUIET_QUIET, Case.SLOWED_2X, Rule.PERFGATE).medianChange())
                .isCloseTo(1.0, within(0.02));
        // Every 2x slowdown is a suspect, so its simulated re-measure pools another run's slow2x forks (and
        // calibration): the pooled estimate must still read a doubling.
        Tally remeasured = result.tally(Pairing.QUIET_QUIET, Case.SLOWED_2X, Rule.PERFGATE_REMEASURED);
        assertThat(remeasured.count(Outcome.REGRESSED)).isEqualTo(remeasured.pairs());
        assertThat(remeasured.medianChange()).isCloseTo(1.0, within(0.02));
        assertThat(only(Pairing.QUIET_QUIET, Case.UNCHANGED, Rule.PERFGATE_REMEASURED)).isEqualTo(Outcome.UNCHANGED);
        // The 200% rule alerts only beyond a doubling and never reports an improvement.
        assertThat(only(Pairing.QUIET_QUIET, Case.SLOWED_30, Rule.RATIO_200)).isEqualTo(Outcome.UNCHANGED);
        assertThat(only(Pairing.QUIET_QUIET, Case.SPED_UP_30, Rule.RATIO_200)).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void aBusyCheckAgainstAQuietBaselineIsAFalseAlarmOnlyWithoutDriftCorrection() {
        // The hog makes everything 1.7x slower, the calibration workload included.
        assertThat(only(Pairing.QUIET_HOG, Case.UNCHANGED, Rule.PERFGATE)).isEqualTo(Outcome.UNCHANGED);
        assertThat(only(Pairing.QUIET_HOG, Case.UNCHANGED, Rule.PERFGATE_NO_DRIFT_CORRECTION))
                .isEqualTo(Outcome.REGRESSED);
        assertThat(only(Pairing.QUIET_HOG, Case.UNCHANGED, Rule.THRESHOLD_10)).isEqualTo(Outcome.REGRESSED);
        assertThat(only(Pairing.QUIET_HOG, Case.SLOWED_2X, Rule.PERFGATE)).isEqualTo(Outcome.REGRESSED);
        assertThat(result.tally(Pairing.QUIET_HOG, Case.SLOWED_2X, Rule.PERFGATE).medianChange())
                .isCloseTo(1.0, within(0.03));
        assertThat(result.drift().get(Pairing.QUIET_HOG).significant()).isEqualTo(9);
        assertThat(result.drift().get(Pairing.QUIET_HOG).medianChange()).isCloseTo(0.7, within(0.02));
        assertThat(result.drift().get(Pairing.QUIET_QUIET).significant()).isZero();
        // The speed-up, read on the busy machine, is a 19% slowdown unless corrected.
        assertThat(only(Pairing.QUIET_HOG, Case.SPED_UP_30, Rule.PERFGATE)).isEqualTo(Outcome.IMPROVED);
        assertThat(only(Pairing.QUIET_HOG, Case.SPED_UP_30, Rule.PERFGATE_NO_DRIFT_CORRECTION))
                .isEqualTo(Outcome.REGRESSED);
    }

    @Test
    void rendersEveryTableAndTheCostPerBenchmark() {
        String markdown = VerdictQuality.render(result);

        assertThat(result.timings().get(VerdictQuality.Condition.QUIET).medianSecondsPerBenchmark())
                .isCloseTo(30.0, within(1e-9));
        assertThat(markdown)
                .contains("quiet 3 runs, hog 3 runs")
                .contains("| quiet / quiet | A/A, unchanged | false alarms | 0% (0/6) | 0% (0/6) | 0% (0/6) | 0% (0/6)"
                        + " | 0% (0/6) |")
                .contains("| quiet / hog (drift) | A/A, unchanged | false alarms | 0% (0/9) | 0% (0/9) | 100% (9/9) | 100% (9/9)"
                        + " | 0% (0/9) |")
                .contains("| quiet / quiet | slowed 2x | perfgate | 6 | 100% | 0% | 0% | 0% |")
                .contains("perfgate after re-measure (simulated)")
                .contains("| quiet | 3 | 5.0 | 150.0 | 30.0 | defaults |")
                .contains("= 500 s plus fork start-up");
    }

    @Test
    void aRunWithoutOneOfTheVariantsIsRejectedByName(@TempDir Path corpus) throws Exception {
        List<BenchmarkResult> results = new ArrayList<>();
        results.add(variant("base", 10e3, 1.0, 0));
        new BaselineStore().write(corpus.resolve("quiet/run-01.json"),
                new Baseline("2026-01-01T00:00:00Z", "", ENV, results, calibration(1.0, 0)));

        assertThatThrownBy(() -> new VerdictQuality().evaluate(corpus))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no benchmark method 'slow10'");
    }

    private static Outcome only(Pairing pairing, Case kase, Rule rule) {
        Tally t = result.tally(pairing, kase, rule);
        for (Outcome outcome : Outcome.values()) {
            if (t.count(outcome) == t.pairs()) {
                return outcome;
            }
        }
        throw new AssertionError(pairing.label() + ", " + kase.label() + ", " + rule.label()
                + ": not all pairs agree");
    }

    /**
     * Writes {@code quietRuns} quiet and {@code hogRuns} hog runs: 3 forks x 5 iterations per variant around 10 us
     * times its work, with a deterministic spread of about 1%; the hog makes everything, calibration included, 1.7x
     * slower.
     */
    private static void writeCorpus(Path corpus, int quietRuns, int hogRuns) throws Exception {
        BaselineStore store = new BaselineStore();
        int seed = 1;
        for (String condition : List.of("quiet", "hog")) {
            int runs = condition.equals("quiet") ? quietRuns : hogRuns;
            double slowdown = condition.equals("quiet") ? 1.0 : 1.7;
            StringBuilder timings = new StringBuilder("run\tseconds\tbenchmarks\tload1\tsettings\n");
            for (int r = 1; r <= runs; r++) {
                List<BenchmarkResult> results = new ArrayList<>();
                for (Map.Entry<String, Double> variant : WORK.entrySet()) {
                    results.add(variant(variant.getKey(), 10.0 * variant.getValue() * slowdown, 1.0, seed++));
                }
                store.write(corpus.resolve(condition).resolve(String.format("run-%02d.json", r)),
                        new Baseline("2026-01-01T00:00:00Z", "", ENV, results, calibration(slowdown, seed++)));
                timings.append(String.format("run-%02d\t%d\t5\t0.1\tdefaults\n", r, 148 + 2 * (r % 3)));
            }
            Files.writeString(corpus.resolve(condition).resolve("timings.tsv"), timings, StandardCharsets.UTF_8);
        }
    }

    private static BenchmarkResult variant(String method, double microseconds, double bytes, int seed) {
        double[][] time = spread(microseconds, 3, 5, seed);
        double[][] allocation = spread(bytes, 3, 5, seed + 1000);
        return new BenchmarkResult(
                BenchmarkKey.of("io.github.perfgate.quality.subject.ChecksumBench." + method, Mode.AVERAGE_TIME),
                new Metric(microseconds, Double.NaN, Double.NaN, Double.NaN, "us/op", time),
                new Metric(bytes, Double.NaN, Double.NaN, Double.NaN, "B/op", allocation));
    }

    private static Calibration calibration(double slowdown, int seed) {
        return new Calibration(CalibrationWorkload.ID, spread(250_000 * slowdown, 4, 5, seed));
    }

    /** Values within about 1% of the centre, different for every seed. */
    private static double[][] spread(double centre, int forks, int iterations, int seed) {
        double[][] samples = new double[forks][iterations];
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        for (int f = 0; f < forks; f++) {
            for (int i = 0; i < iterations; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                double unit = (x >>> 11) / (double) (1L << 53);
                samples[f][i] = centre * (1 + 0.02 * (unit - 0.5));
            }
        }
        return samples;
    }
}
