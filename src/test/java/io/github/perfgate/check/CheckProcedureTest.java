package io.github.perfgate.check;

import static io.github.perfgate.gate.RegressionGateTest.around;
import static io.github.perfgate.gate.RegressionGateTest.baseline;
import static io.github.perfgate.gate.RegressionGateTest.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.check.Decision.Action;
import io.github.perfgate.check.CheckProcedure.Measurer;
import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.Claim;
import io.github.perfgate.gate.ClaimParser;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.gate.RegressionGateTest;
import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Measurement;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.surefire.TestSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CheckProcedureTest {

    static final TestSummary PASSED = new TestSummary(12, 0, 0, 1, List.of(), 3, List.of());
    static final TestSummary FAILED = new TestSummary(12, 1, 0, 0, List.of("a.FooTest.bar"), 3, List.of());

    /** The project's base directory: not the working directory, which hints must not depend on. */
    static final Path PROJECT = Path.of("target", "a-project").toAbsolutePath();
    static final Path BASELINE_FILE = PROJECT.resolve("perf/baseline.json");
    static final Path JOURNAL_FILE = PROJECT.resolve("perf/JOURNAL.md");
    /** How hints name the baseline and the journal: relative to {@link #PROJECT}. */
    static final String BASELINE_HINT = Path.of("perf", "baseline.json").toString();
    static final String JOURNAL_HINT = Path.of("perf", "JOURNAL.md").toString();

    static final String SLOW = "a.B.slow";
    static final String FINE = "a.B.fine";
    static final String FAST = "a.B.fast";

    /** Baseline: every benchmark around 200 us/op. */
    static final Baseline BASELINE = baseline(avgt(SLOW, around(200)), avgt(FINE, around(200)),
            avgt(FAST, around(200)));

    static BenchmarkResult avgt(String name, double[][] samples) {
        return result(name, Mode.AVERAGE_TIME, "us/op", samples);
    }

    static BenchmarkKey key(String name) {
        return BenchmarkKey.of(name, Mode.AVERAGE_TIME);
    }

    /** Five forks of five iterations around {@code center}. */
    static double[][] fiveForks(double center) {
        double[][] forks = new double[5][5];
        for (int f = 0; f < 5; f++) {
            for (int i = 0; i < 5; i++) {
                forks[f][i] = center * (1 + 0.01 * (f - 2) + 0.004 * (i - 2));
            }
        }
        return forks;
    }

    static Measurement measurement(BenchmarkResult... results) {
        return new Measurement(new JmhRun(List.of(results), "1.37", "17.0.15", "OpenJDK 64-Bit Server VM", "17"),
                null);
    }

    /** a.B.slow five times slower (regressed), a.B.fine unchanged. */
    static Measurement oneRegression() {
        return measurement(avgt(SLOW, around(1000)), avgt(FINE, around(200)));
    }

    static CheckOptions options(List<Claim> claims, boolean failOnRegression, boolean update, boolean remeasure,
            Path resultsFile) {
        return new CheckOptions(new GateSettings(0.10, List.of(), 0.99), claims, false, failOnRegression, update,
                remeasure, 5, resultsFile, BASELINE_FILE, JOURNAL_FILE, false, BenchmarkSelection.ALL, PROJECT);
    }

    static CheckOptions check() {
        return options(List.of(), true, false, true, null);
    }

    static CheckOptions update(List<Claim> claims) {
        return options(claims, true, true, true, null);
    }

    /** A measurer that records its calls and returns five forks per selected suspect, at the given time. */
    static final class FakeMeasurer implements Measurer<RuntimeException> {
        final List<List<String>> includes = new ArrayList<>();
        final List<Integer> forks = new ArrayList<>();
        final List<Boolean> calibrations = new ArrayList<>();
        final double center;
        Calibration calibration;

        FakeMeasurer(double center) {
            this.center = center;
        }

        @Override
        public Measurement measure(List<String> selection, int forkCount, boolean calibrate) {
            includes.add(selection);
            forks.add(forkCount);
            calibrations.add(calibrate);
            List<BenchmarkResult> results = new ArrayList<>();
            for (String name : List.of(SLOW, FINE, FAST)) {
                if (selection.stream().anyMatch(regex -> Pattern.compile(regex).matcher(name).find())) {
                    results.add(avgt(name, fiveForks(center)));
                }
            }
            return new Measurement(new JmhRun(results, "1.37", "17", "OpenJDK 64-Bit Server VM", "17"),
                    calibrate ? calibration : null);
        }
    }

    /** A measurer for checks that must not measure again. */
    static final Measurer<RuntimeException> NEVER = (includes, forks, calibrate) -> {
        throw new AssertionError("re-measured " + includes + " with " + forks + " forks");
    };

    private final List<String> progress = new ArrayList<>();

    private <E extends Exception> Outcome run(CheckOptions options, Measurement measurement, TestSummary tests,
            Measurer<E> measurer) throws E {
        return new CheckProcedure(options).run(BASELINE, measurement, tests, measurer, progress::add);
    }

    private static BenchmarkComparison comparison(Outcome outcome, String name) {
        return outcome.report().comparisons().stream().filter(c -> c.key().name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static BenchmarkResult measured(Outcome outcome, String name) {
        return outcome.measurement().run().results().stream().filter(r -> r.key().name().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void suspectsAreRemeasuredWithMoreForksAndPooledBeforeTheSecondComparison() {
        FakeMeasurer measurer = new FakeMeasurer(1000);

        Outcome outcome = run(check(), oneRegression(), PASSED, measurer);

        assertThat(measurer.includes).containsExactly(BenchmarkSelection.exactly(List.of(key(SLOW))));
        assertThat(measurer.forks).containsExactly(5);
        assertThat(measurer.calibrations).as("no calibration the first time, none the second").containsExactly(false);
        assertThat(progress).containsExactly("perfgate: 1 benchmark needs a second look (regressed, inconclusive or"
                + " short of a claim); re-measuring with 5 more forks before deciding: a.B.slow");
        assertThat(outcome.wasRemeasured()).isTrue();
        assertThat(outcome.remeasured()).containsExactly(key(SLOW));
        // The pooled measurement, and the final report compares it: 3 forks of the first run, 5 of the second.
        assertThat(measured(outcome, SLOW).primary().forkCount()).isEqualTo(8);
        assertThat(measured(outcome, FINE).primary().forkCount()).isEqualTo(3);
        assertThat(comparison(outcome, SLOW).current().primary().forkCount()).isEqualTo(8);
        assertThat(comparison(outcome, SLOW).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(outcome.measurement().run().jdkVersion()).isEqualTo("17.0.15");
        assertThat(outcome.notes())
                .containsExactly("re-measured 1 benchmark with 5 more forks (8 forks pooled) before deciding");
        assertThat(outcome.decision().action()).isEqualTo(Action.FAIL);
    }

    @Test
    void theNoteGivesTheRangeOfPooledForksWhenTheSuspectsDiffer() {
        List<BenchmarkResult> pooled = List.of(avgt(SLOW, new double[][] {{1, 1}, {1, 1}}),
                avgt(FINE, new double[][] {{1, 1}, {1, 1}, {1, 1}, {1, 1}}), avgt("a.B.other", around(1)));

        assertThat(CheckProcedure.pooledForks(pooled, List.of(key(SLOW), key(FINE)))).isEqualTo(" (2-4 forks pooled)");
        assertThat(CheckProcedure.pooledForks(pooled, List.of(key(FINE)))).isEqualTo(" (4 forks pooled)");
        assertThat(CheckProcedure.pooledForks(pooled, List.of(key("a.B.absent")))).isEmpty();
    }

    @Test
    void theSecondLookRecalibratesTheMachineAndPoolsBothCalibrations() {
        Calibration recorded = new Calibration("sort-4096-v1", around(1000));
        Baseline calibrated = new Baseline("t", "", RegressionGateTest.ENV, BASELINE.benchmarks(), recorded);
        Measurement first = new Measurement(oneRegression().run(), new Calibration("sort-4096-v1", around(1000)));
        FakeMeasurer measurer = new FakeMeasurer(1000);
        // The machine got 70% slower between the first measurement and the second.
        measurer.calibration = new Calibration("sort-4096-v1", around(1700));

        Outcome outcome = new CheckProcedure(check()).run(calibrated, first, PASSED, measurer, progress::add);

        assertThat(measurer.calibrations).containsExactly(true);
        Calibration pooled = outcome.measurement().calibration();
        assertThat(pooled.samples()).hasNumberOfRows(6);
        assertThat(outcome.report().drift().current()).isEqualTo(pooled);
        // The drift now covers both measurements: about +35% on average, and the interval reaches the slower one.
        assertThat(outcome.report().drift().estimate().change()).isBetween(0.3, 0.4);
        assertThat(outcome.report().drift().estimate().upperChange()).isGreaterThan(0.6);
        assertThat(outcome.notes()).containsExactly("re-measured 1 benchmark with 5 more forks (8 forks pooled)"
                + " and a second machine calibration before deciding");
        // A 5x slowdown stays a regression however the machine drifted.
        assertThat(comparison(outcome, SLOW).verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void aRegressionThatTheSecondLookDoesNotConfirmPasses() {
        // The first run caught a burst of noise on a.B.slow (+15%, just beyond the tolerance); the second run, with
        // more forks, shows it unchanged: the pooled comparison decides, not the first one.
        Measurement noisy = measurement(avgt(SLOW, around(230)), avgt(FINE, around(200)));
        FakeMeasurer measurer = new FakeMeasurer(200);

        Outcome outcome = run(check(), noisy, PASSED, measurer);

        assertThat(outcome.remeasured()).containsExactly(key(SLOW));
        assertThat(comparison(outcome, SLOW).verdict()).isNotIn(Verdict.REGRESSED, Verdict.ALLOCATION_REGRESSED);
        // a.B.fast did not run: the pass counts the two compared benchmarks, names the missing one, and warns.
        assertThat(outcome.decision()).isEqualTo(new Decision(Action.PASS_WITH_WARNING,
                "perfgate: 2 compared benchmarks: 0 regressed, 1 inconclusive (a slowdown beyond 10% cannot be"
                        + " ruled out), 1 unchanged; 1 in the baseline not run (a.B.fast)\nperfgate: to make it"
                        + " conclusive, run on a quieter machine, with more iterations or forks (-Dperfgate.jmhArgs), or"
                        + " as a same-machine A/B check: mvn verify -Dperfgate.against=HEAD", List.of()));
    }

    @Test
    void nothingIsRemeasuredWhenRemeasuringIsOff() {
        Outcome outcome = run(options(List.of(), true, false, false, null), oneRegression(), PASSED, NEVER);

        assertThat(outcome.wasRemeasured()).isFalse();
        assertThat(outcome.remeasured()).isEmpty();
        assertThat(progress).isEmpty();
        assertThat(outcome.notes()).isEmpty();
        assertThat(measured(outcome, SLOW).primary().forkCount()).isEqualTo(3);
        assertThat(comparison(outcome, SLOW).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(outcome.decision().action()).isEqualTo(Action.FAIL);
    }

    @Test
    void nothingIsRemeasuredWhenUpdating() {
        Measurement first = oneRegression();

        Outcome outcome = run(update(List.of()), first, PASSED, NEVER);

        assertThat(outcome.wasRemeasured()).isFalse();
        assertThat(progress).isEmpty();
        assertThat(outcome.measurement()).isSameAs(first);
        assertThat(outcome.notes()).containsExactly(
                "perfgate.update=true: this run is recorded as the new baseline when it is accepted");
    }

    @Test
    void resultsFromAFileAreNotRemeasuredAndTheNotesSaySo() {
        Outcome outcome = run(options(List.of(), true, false, true, Path.of("jmh-result.json")), oneRegression(),
                PASSED, NEVER);

        assertThat(outcome.wasRemeasured()).isFalse();
        assertThat(progress).containsExactly(
                "perfgate: not re-measuring 1 suspect benchmark: results come from perfgate.resultsFile");
        assertThat(outcome.notes()).containsExactly("results read from jmh-result.json; no benchmark was run");
        assertThat(comparison(outcome, SLOW).current().primary().forkCount()).isEqualTo(3);
    }

    @Test
    void aClaimShortOnTheMeasurementIsASuspectEvenWhenTheTestsFailed() {
        // a.B.fine is unchanged: its claim of 20% falls short on the measurement alone. The tests failed, but they
        // are judged after the second look, so the claim's benchmark is still re-measured.
        List<Claim> claims = ClaimParser.parse("B.fine>=20%");
        FakeMeasurer measurer = new FakeMeasurer(200);

        Outcome outcome = run(options(claims, true, false, true, null), measurement(avgt(FINE, around(200))), FAILED,
                measurer);

        assertThat(measurer.includes).containsExactly(BenchmarkSelection.exactly(List.of(key(FINE))));
        assertThat(progress).containsExactly("perfgate: 1 benchmark needs a second look (regressed, inconclusive or"
                + " short of a claim); re-measuring with 5 more forks before deciding: a.B.fine");
        assertThat(outcome.remeasured()).containsExactly(key(FINE));
        assertThat(outcome.claims()).extracting(ClaimResult::status).containsExactly(ClaimResult.Status.TESTS_FAILED);
        assertThat(outcome.decision().action()).isEqualTo(Action.FAIL);
        assertThat(outcome.decision().message()).startsWith("perfgate: 1 claim was not met:\n  Claim refused: ");
    }

    @Test
    void missedClaimsJoinTheRegressedSuspectsOnceEach() {
        // a.B.slow regressed and is claimed too: one suspect, not two. a.B.fine is only short of its claim.
        List<Claim> claims = ClaimParser.parse("B.slow>=20%,B.fine>=20%");
        FakeMeasurer measurer = new FakeMeasurer(200);

        Outcome outcome = run(options(claims, true, false, true, null), oneRegression(), PASSED, measurer);

        assertThat(outcome.remeasured()).containsExactly(key(SLOW), key(FINE));
        assertThat(measurer.includes).containsExactly(BenchmarkSelection.exactly(List.of(key(SLOW), key(FINE))));
    }

    @Test
    void aClaimMetOnTheMeasurementIsNotRemeasuredAndPasses() {
        List<Claim> claims = ClaimParser.parse("B.fast>=20%");

        Outcome outcome = run(options(claims, true, false, true, null), measurement(avgt(FAST, around(100))), PASSED,
                NEVER);

        assertThat(outcome.wasRemeasured()).isFalse();
        assertThat(outcome.claims()).extracting(ClaimResult::status).containsExactly(ClaimResult.Status.MET);
        assertThat(outcome.decision()).isEqualTo(new Decision(Action.PASS_WITH_WARNING,
                "perfgate: 1 compared benchmark: 0 regressed, 0 inconclusive, 1 improved; 2 in the baseline"
                        + " not run (a.B.fine, a.B.slow); 1 claim met", List.of()));
    }

    @Test
    void aRegressionFailsWithTheFixAndTheRerunCommand() {
        Outcome outcome = run(check(), oneRegression(), PASSED, new FakeMeasurer(1000));

        Decision decision = outcome.decision();
        assertThat(decision.action()).isEqualTo(Action.FAIL);
        assertThat(decision.fails()).isTrue();
        String relative = BASELINE_HINT;
        assertThat(decision.message()).startsWith("perfgate: 1 of 2 benchmarks regressed beyond its tolerance:\n  "
                + Describe.sentence(comparison(outcome, SLOW), 0.99) + "\nNot compared: 1 in the baseline not run"
                + " (a.B.fast).\n")
                .endsWith("\nIf the slowdown is intended, accept it with: mvn verify -Dperfgate.update=true and commit "
                        + relative + ".\nTo rerun only these benchmarks: mvn verify -Dperfgate.include='^\\Qa.B.slow\\E$'");
        assertThat(outcome.warnings()).isEmpty();
    }

    @Test
    void withFailOnRegressionFalseARegressionPassesWithAWarning() {
        Outcome outcome = run(options(List.of(), false, false, true, null), oneRegression(), PASSED,
                new FakeMeasurer(1000));

        assertThat(outcome.decision()).isEqualTo(new Decision(Action.PASS_WITH_WARNING,
                "perfgate: 1 of 2 benchmarks regressed beyond its tolerance (failOnRegression=false: the build passes)",
                List.of()));
        assertThat(outcome.decision().fails()).isFalse();
        assertThat(outcome.notes()).contains(
                "failOnRegression=false: regressions are reported but do not fail the build");
    }

    @Test
    void withFailOnRegressionFalseAnUnmetClaimStillFailsWithoutTheRegressions() {
        List<Claim> claims = ClaimParser.parse("B.fine>=20%");

        Outcome outcome = run(options(claims, false, false, true, null), oneRegression(), PASSED,
                new FakeMeasurer(1000));

        assertThat(outcome.decision().action()).isEqualTo(Action.FAIL);
        assertThat(outcome.decision().message()).startsWith("perfgate: 1 claim was not met:\n  Claim missed: a.B.fine")
                .doesNotContain("regressed beyond");
    }

    @Test
    void updateWithoutClaimsAcceptsTheRunAndWarnsOfEveryRegressionItAccepts() {
        Measurement first = measurement(avgt(SLOW, around(1000)), avgt(FINE, around(200)), avgt(FAST, around(600)));

        Outcome outcome = run(update(List.of()), first, PASSED, NEVER);

        assertThat(outcome.decision()).isEqualTo(new Decision(Action.UPDATE, "", List.of()));
        assertThat(outcome.decision().fails()).isFalse();
        assertThat(outcome.warnings()).containsExactly(
                "perfgate: accepting regression of " + Describe.sentence(comparison(outcome, FAST), 0.99),
                "perfgate: accepting regression of " + Describe.sentence(comparison(outcome, SLOW), 0.99));
        assertThat(outcome.measurement()).isSameAs(first);
    }

    @Test
    void updateWarnsOfASlowdownMeasuredOnAnUnstableMachineToo() {
        // The machine's calibration varied widely; a 5x slowdown is still beyond any drift it saw, and accepting it
        // into the baseline is worth a warning.
        Baseline calibrated = new Baseline("t", "", RegressionGateTest.ENV, List.of(avgt(SLOW, around(200))),
                new Calibration("sort-4096-v1", around(1000)));
        double[][] erratic = {{1000, 1000, 1000, 1000, 1000}, {3000, 3000, 3000, 3000, 3000},
            {1000, 1000, 1000, 1000, 1000}};
        Measurement unstable = new Measurement(oneRegression().run(), new Calibration("sort-4096-v1", erratic));

        Outcome outcome = new CheckProcedure(update(List.of())).run(calibrated, unstable, PASSED, NEVER,
                progress::add);

        BenchmarkComparison slow = comparison(outcome, SLOW);
        assertThat(outcome.report().drift().unstable()).isTrue();
        assertThat(slow.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(outcome.warnings()).containsExactly(
                "perfgate: accepting regression of " + Describe.sentence(slow, 0.99));
        assertThat(outcome.decision().action()).isEqualTo(Action.UPDATE);
    }

    @Test
    void updateWithAnUnmetClaimRefusesAndLeavesBothFiles() {
        List<Claim> claims = ClaimParser.parse("B.fine>=20%");

        Outcome outcome = run(update(claims), measurement(avgt(FINE, around(200))), PASSED, NEVER);

        Decision decision = outcome.decision();
        assertThat(decision.action()).isEqualTo(Action.REFUSE_UPDATE);
        assertThat(decision.fails()).isTrue();
        assertThat(decision.journal()).isEmpty();
        assertThat(decision.message()).startsWith("perfgate: not updating baseline.json or JOURNAL.md: an"
                + " optimisation is accepted only when every claim is met, the tests pass and no other benchmark"
                + " regressed. Both files were left unchanged.\nperfgate: 1 claim was not met:\n  Claim missed:"
                + " a.B.fine is ");
        assertThat(outcome.warnings()).isEmpty();
    }

    @Test
    void updateWithAMetClaimButAnotherRegressionRefuses() {
        List<Claim> claims = ClaimParser.parse("B.fast>=20%");

        Outcome outcome = run(update(claims), measurement(avgt(FAST, around(100)), avgt(SLOW, around(1000))), PASSED,
                NEVER);

        assertThat(outcome.claims()).extracting(ClaimResult::status).containsExactly(ClaimResult.Status.MET);
        Decision decision = outcome.decision();
        assertThat(decision.action()).isEqualTo(Action.REFUSE_UPDATE);
        assertThat(decision.journal()).isEmpty();
        assertThat(decision.message()).startsWith("perfgate: not updating baseline.json or JOURNAL.md: ")
                .contains("Both files were left unchanged.\nperfgate: 1 of 2 benchmarks regressed beyond its"
                        + " tolerance:\n  " + Describe.sentence(comparison(outcome, SLOW), 0.99))
                .doesNotContain("not met");
    }

    @Test
    void updateWithAMetClaimButFailedTestsRefuses() {
        List<Claim> claims = ClaimParser.parse("B.fast>=20%");

        Outcome outcome = run(update(claims), measurement(avgt(FAST, around(100))), FAILED, NEVER);

        assertThat(outcome.decision().action()).isEqualTo(Action.REFUSE_UPDATE);
        assertThat(outcome.decision().message()).contains("perfgate: 1 claim was not met:\n  Claim refused: ");
    }

    @Test
    void updateWithEveryClaimMetTheTestsPassedAndNoRegressionAcceptsAndJournalsTheClaims() {
        List<Claim> claims = ClaimParser.parse("B.fast>=20%");

        Outcome outcome = run(update(claims), measurement(avgt(FAST, around(100)), avgt(FINE, around(200))), PASSED,
                NEVER);

        Decision decision = outcome.decision();
        assertThat(decision.action()).isEqualTo(Action.UPDATE);
        assertThat(decision.message()).isEmpty();
        assertThat(decision.journal()).isEqualTo(outcome.claims()).hasSize(1);
        assertThat(decision.journal().get(0).met()).isTrue();
        assertThat(outcome.warnings()).isEmpty();
    }

    @Test
    void regressionsAreErrorsOnlyWhenTheyFailTheBuild() {
        assertThat(check().regressionsFail()).isTrue();
        assertThat(options(List.of(), false, false, true, null).regressionsFail()).isFalse();
        assertThat(update(List.of()).regressionsFail()).isFalse();
    }

    @Test
    void aFailedSecondMeasurementIsThrownAsItIs() {
        Measurer<IOException> broken = (includes, forks, calibrate) -> {
            throw new IOException("JMH failed");
        };

        assertThatThrownBy(() -> run(check(), oneRegression(), PASSED, broken))
                .isInstanceOf(IOException.class).hasMessage("JMH failed");
    }

    // Allocation traded for speed on a claimed benchmark: a.B.fast 86% faster, 23 -> 20,019 B/op.

    static BenchmarkResult allocating(String name, double center, double bytes) {
        double[][] alloc = {{bytes, bytes}, {bytes, bytes}, {bytes, bytes}};
        return new BenchmarkResult(key(name), new Metric(center, 0, 0, 0, "us/op", around(center)),
                new Metric(bytes, 0, 0, 0, "B/op", alloc));
    }

    /** Baseline: a.B.fast and a.B.fine around 200 us/op, allocating 23 and 48 B/op. */
    static final Baseline ALLOCATING_BASELINE = baseline(allocating(FAST, 200, 23), allocating(FINE, 200, 48));

    private Outcome runAllocating(CheckOptions options, TestSummary tests, BenchmarkResult... current) {
        return new CheckProcedure(options).run(ALLOCATING_BASELINE, measurement(current), tests, NEVER,
                progress::add);
    }

    /** The sieve of the story: 86% less time, a 20 kB array per operation. */
    static BenchmarkResult sieve() {
        return allocating(FAST, 28, 20_019);
    }

    static final String TRADE_OFF_HINT = "The extra allocation is on a claimed benchmark whose claim is met. If the"
            + " trade-off is intended, accept it and record it in the journal with the same claims: mvn verify"
            + " -Dperfgate.update=true -Dperfgate.claims='B.fast>=50%' (leave out -Dperfgate.claims when the claims"
            + " are in the POM), and commit " + BASELINE_HINT + " and "
            + JOURNAL_HINT + ". Or stop gating allocation with"
            + " -Dperfgate.allocationThreshold=off (or a larger percentage); it applies to every benchmark, as"
            + " per-benchmark <thresholds> tolerate time only.";

    @Test
    void extraAllocationOnAMetClaimFailsInWordsThatAgreeAndTheHintNamesTheUpdateWithTheClaims() {
        Outcome outcome = runAllocating(options(ClaimParser.parse("B.fast>=50%"), true, false, false, null), PASSED,
                sieve(), allocating(FINE, 200, 48));

        BenchmarkComparison fast = comparison(outcome, FAST);
        assertThat(fast.verdict()).isEqualTo(Verdict.ALLOCATION_REGRESSED);
        assertThat(outcome.claims()).extracting(ClaimResult::status).containsExactly(ClaimResult.Status.MET);
        String sentence = Describe.sentence(fast, 0.99);
        assertThat(sentence).startsWith("a.B.fast is 86.0% faster but allocates more (baseline 200 us/op, now 28.0"
                + " us/op, 99% CI -").endsWith(", tolerance 10%; allocation 23.0 -> 20,019 B/op (+86939.1%), beyond the"
                + " 10% allocation tolerance)");
        Decision decision = outcome.decision();
        assertThat(decision.action()).isEqualTo(Action.FAIL);
        assertThat(decision.message()).startsWith("perfgate: 1 of 2 benchmarks regressed beyond its tolerance:\n  "
                + sentence + "\n").endsWith("\n" + TRADE_OFF_HINT + "\nTo rerun only these benchmarks: mvn verify"
                + " -Dperfgate.include='^\\Qa.B.fast\\E$'")
                .doesNotContain("more -").doesNotContain("no other benchmark");
    }

    @Test
    void updateWithTheClaimAcceptsExtraAllocationOnTheClaimedBenchmarkWithAWarningAndJournalsIt() {
        Outcome outcome = runAllocating(update(ClaimParser.parse("B.fast>=50%")), PASSED, sieve(),
                allocating(FINE, 200, 48));

        Decision decision = outcome.decision();
        assertThat(decision.action()).isEqualTo(Action.UPDATE);
        assertThat(decision.message()).isEmpty();
        assertThat(decision.journal()).isEqualTo(outcome.claims()).singleElement()
                .satisfies(r -> assertThat(r.comparison().verdict()).isEqualTo(Verdict.ALLOCATION_REGRESSED));
        assertThat(outcome.warnings()).containsExactly("perfgate: accepting extra allocation of 23.0 -> 20,019 B/op"
                + " (+86939.1%) on claimed benchmark a.B.fast, beyond the 10% allocation tolerance, as its claim is"
                + " met; JOURNAL.md records it");
    }

    @Test
    void updateWithTheClaimRefusesExtraAllocationOnAnUnclaimedBenchmark() {
        Outcome outcome = runAllocating(update(ClaimParser.parse("B.fast>=50%")), PASSED, sieve(),
                allocating(FINE, 200, 4_800));

        assertThat(comparison(outcome, FINE).verdict()).isEqualTo(Verdict.ALLOCATION_REGRESSED);
        Decision decision = outcome.decision();
        assertThat(decision.action()).isEqualTo(Action.REFUSE_UPDATE);
        assertThat(decision.journal()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
        assertThat(decision.message()).contains("no other benchmark regressed. Both files were left unchanged.")
                .contains("perfgate: 2 of 2 benchmarks regressed beyond their tolerance:")
                .contains("\nIf the extra allocation is intended, accept it with: mvn verify -Dperfgate.update=true")
                .doesNotContain("trade-off");
    }

    @Test
    void withoutUpdateExtraAllocationOnAnUnclaimedBenchmarkKeepsTheUsualHint() {
        Outcome outcome = runAllocating(options(ClaimParser.parse("B.fast>=50%"), true, false, false, null), PASSED,
                sieve(), allocating(FINE, 200, 4_800));

        assertThat(outcome.decision().action()).isEqualTo(Action.FAIL);
        assertThat(outcome.decision().message()).contains("\nIf the extra allocation is intended, accept it with:"
                + " mvn verify -Dperfgate.update=true and commit ").doesNotContain("trade-off");
    }

    @Test
    void updateRefusesExtraAllocationOnAClaimedBenchmarkWhoseClaimIsNotMet() {
        Outcome outcome = runAllocating(update(ClaimParser.parse("B.fast>=90%")), PASSED, sieve(),
                allocating(FINE, 200, 48));

        assertThat(outcome.claims()).extracting(ClaimResult::status).containsExactly(ClaimResult.Status.MISSED);
        Decision decision = outcome.decision();
        assertThat(decision.action()).isEqualTo(Action.REFUSE_UPDATE);
        assertThat(decision.message()).contains("perfgate: 1 claim was not met:\n  Claim missed: a.B.fast is 86.0%"
                + " faster").doesNotContain("trade-off");
        assertThat(outcome.warnings()).isEmpty();
    }

    @Test
    void updateRefusesExtraAllocationOnAClaimedBenchmarkWhenTheTestsFailed() {
        Outcome outcome = runAllocating(update(ClaimParser.parse("B.fast>=50%")), FAILED, sieve(),
                allocating(FINE, 200, 48));

        assertThat(outcome.decision().action()).isEqualTo(Action.REFUSE_UPDATE);
        assertThat(outcome.warnings()).isEmpty();
    }

    @Test
    void updateRefusesAClaimedBenchmarkThatAllocatesMoreWhenAnotherIsSlower() {
        Outcome outcome = runAllocating(update(ClaimParser.parse("B.fast>=50%")), PASSED, sieve(),
                allocating(FINE, 1000, 48));

        assertThat(comparison(outcome, FINE).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(outcome.decision().action()).isEqualTo(Action.REFUSE_UPDATE);
        assertThat(outcome.decision().message()).contains("If the slowdown or extra allocation is intended");
        assertThat(outcome.warnings()).isEmpty();
    }
}
