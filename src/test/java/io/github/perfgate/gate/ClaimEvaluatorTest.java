package io.github.perfgate.gate;

import static io.github.perfgate.gate.RegressionGateTest.around;
import static io.github.perfgate.gate.RegressionGateTest.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.perfgate.gate.ClaimResult.Status;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.surefire.TestSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClaimEvaluatorTest {

    static final TestSummary PASSED = new TestSummary(12, 0, 0, 1, List.of(), 3, List.of());

    private final ClaimEvaluator evaluator = new ClaimEvaluator();

    /** A comparison of an avgt benchmark with the given ratio of time per operation and its interval. */
    static BenchmarkComparison compared(String name, double ratio, double lowerRatio, double upperRatio) {
        return compared(BenchmarkKey.of(name, Mode.AVERAGE_TIME), ratio, lowerRatio, upperRatio);
    }

    static BenchmarkComparison compared(BenchmarkKey key, double ratio, double lowerRatio, double upperRatio) {
        BenchmarkResult base = new BenchmarkResult(key, new Metric(212, 1, 211, 213, "us/op", around(212)), null);
        BenchmarkResult now = new BenchmarkResult(key, new Metric(212 * ratio, 1, 0, 0, "us/op",
                around(212 * ratio)), null);
        ChangeEstimate e = new ChangeEstimate(212e-6, 212e-6 * ratio, ratio, lowerRatio, upperRatio, 0.99, true, "");
        return new BenchmarkComparison(key, RegressionGate.decide(e, 0.10), base, now, e, 0.10, "");
    }

    static GateReport report(BenchmarkComparison... comparisons) {
        return new GateReport(List.of(comparisons), List.of(), 0.99);
    }

    private List<ClaimResult> evaluate(String claims, GateReport report, TestSummary tests, boolean strict) {
        return evaluator.evaluate(ClaimParser.parse(claims), report, tests, strict);
    }

    private ClaimResult only(String claims, GateReport report, TestSummary tests, boolean strict) {
        List<ClaimResult> results = evaluate(claims, report, tests, strict);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void aClaimThatReachesItsTargetWithARealImprovementIsMetAndPrintsItsFigure() {
        ClaimResult r = only("ParserBench.parse>=20%", report(compared("acme.ParserBench.parse", 0.727, 0.698,
                0.759)), PASSED, false);

        assertThat(r.status()).isEqualTo(Status.MET);
        assertThat(r.met()).isTrue();
        assertThat(r.improvement()).isCloseTo(0.273, within(1e-12));
        assertThat(r.lowerImprovement()).isCloseTo(0.241, within(1e-12));
        assertThat(r.upperImprovement()).isCloseTo(0.302, within(1e-12));
        assertThat(r.comparison().key().name()).isEqualTo("acme.ParserBench.parse");
        assertThat(r.message()).isEqualTo(
                "Claim met: acme.ParserBench.parse is 27.3% faster (99% CI 24.1%..30.2%, target 20%)");
    }

    @Test
    void aClaimBelowItsTargetIsMissedAndSaysWhatToDoNext() {
        ClaimResult r = only("ParserBench.parse>=20%", report(compared("acme.ParserBench.parse", 0.959, 0.910,
                1.012)), PASSED, false);

        assertThat(r.status()).isEqualTo(Status.MISSED);
        assertThat(r.message()).isEqualTo("Claim missed: acme.ParserBench.parse is 4.1% faster (99% CI -1.2%..9.0%,"
                + " target 20%). Revert the change or try another approach; rerun only this benchmark with:"
                + " mvn verify -Dperfgate.include='^\\Qacme.ParserBench.parse\\E$'"
                + " -Dperfgate.claims='ParserBench.parse>=20%'");
    }

    @Test
    void anImprovementAboveTheTargetThatIsNotStatisticallyRealIsMissed() {
        ClaimResult r = only("ParserBench.parse>=20%", report(compared("acme.ParserBench.parse", 0.75, 0.50,
                1.03)), PASSED, false);

        assertThat(r.status()).isEqualTo(Status.MISSED);
        assertThat(r.improvement()).isCloseTo(0.25, within(1e-12));
        assertThat(r.message()).startsWith("Claim missed: acme.ParserBench.parse is 25.0% faster, but that is not"
                + " statistically certain (99% CI -3.0%..50.0%, target 20%): the interval reaches 0%, so the change"
                + " may not be faster at all.").endsWith("rerun only this benchmark with more forks: mvn verify"
                + " -Dperfgate.include='^\\Qacme.ParserBench.parse\\E$' -Dperfgate.forks=10"
                + " -Dperfgate.claims='ParserBench.parse>=20%'");
    }

    @Test
    void strictClaimsNeedTheWholeIntervalAtTheTarget() {
        GateReport straddles = report(compared("acme.ParserBench.parse", 0.75, 0.70, 0.82));

        ClaimResult lenient = only("ParserBench.parse>=20%", straddles, PASSED, false);
        ClaimResult strict = only("ParserBench.parse>=20%", straddles, PASSED, true);

        assertThat(lenient.status()).isEqualTo(Status.MET);
        assertThat(strict.status()).isEqualTo(Status.MISSED);
        assertThat(strict.message()).startsWith("Claim missed: acme.ParserBench.parse is 25.0% faster, but strict"
                + " claims need the whole interval to reach the target (99% CI 18.0%..30.0%, target 20% for the whole"
                + " interval). Measure with more forks to narrow the interval, or lower the target;");

        ClaimResult clears = only("ParserBench.parse>=20%", report(compared("acme.ParserBench.parse", 0.75, 0.72,
                0.80)), PASSED, true);
        assertThat(clears.status()).isEqualTo(Status.MET);
        assertThat(clears.message()).isEqualTo("Claim met: acme.ParserBench.parse is 25.0% faster (99% CI"
                + " 20.0%..28.0%, target 20% for the whole interval)");
    }

    @Test
    void aSlowerBenchmarkIsReportedAsSlower() {
        ClaimResult r = only("ParserBench.parse>=20%", report(compared("acme.ParserBench.parse", 1.12, 1.09,
                1.15)), PASSED, false);

        assertThat(r.status()).isEqualTo(Status.MISSED);
        assertThat(r.improvement()).isCloseTo(-0.12, within(1e-12));
        assertThat(r.message()).startsWith("Claim missed: acme.ParserBench.parse is 12.0% slower (improvement"
                + " -12.0%, 99% CI -15.0%..-9.0%, target 20%). Revert the change");
    }

    @Test
    void aMissJustBelowTheTargetNeverPrintsAsTheTarget() {
        ClaimResult r = only("ParserBench.parse>=20%", report(compared("acme.ParserBench.parse", 0.8004, 0.79,
                0.81)), PASSED, false);

        assertThat(r.status()).isEqualTo(Status.MISSED);
        assertThat(r.message()).startsWith("Claim missed: acme.ParserBench.parse is 19.96% faster (99% CI"
                + " 19.0%..21.0%, target 20%)");
        assertThat(ClaimEvaluator.figure(0.19999, 0.20)).isEqualTo("19.999%");
        assertThat(ClaimEvaluator.figure(0.2049, 0.20)).isEqualTo("20.5%");
        assertThat(ClaimEvaluator.figure(-0.0001, Double.NaN)).isEqualTo("0.0%");
    }

    @Test
    void exactlyTheTargetIsMetDespiteRounding() {
        double ratio = 1 / 1.25;
        assertThat(1 - ratio).isLessThan(0.20);

        ClaimResult r = only("B.m>=20%", report(compared("a.B.m", ratio, 0.78, 0.82)), PASSED, false);

        assertThat(r.status()).isEqualTo(Status.MET);
        assertThat(r.message()).isEqualTo("Claim met: a.B.m is 20.0% faster (99% CI 18.0%..22.0%, target 20%)");
    }

    @Test
    void aTypoListsTheNearNames() {
        GateReport report = report(compared("acme.ParserBench.parse", 0.7, 0.6, 0.8),
                compared("acme.ParserBench.parseAll", 0.7, 0.6, 0.8),
                compared("acme.JsonBench.write", 0.7, 0.6, 0.8));

        ClaimResult r = only("ParserBench.prase>=20%", report, PASSED, false);

        assertThat(r.status()).isEqualTo(Status.NO_MATCH);
        assertThat(r.comparison()).isNull();
        assertThat(r.improvement()).isNaN();
        assertThat(r.message()).isEqualTo("Claim refused: no benchmark matches 'ParserBench.prase'. Did you mean one"
                + " of acme.ParserBench.parse, acme.ParserBench.parseAll? Name a benchmark by its fully qualified name"
                + " or by a suffix at a dot boundary (e.g. ParserBench.parse>=20%), with * as a wildcard.");
    }

    @Test
    void nearNamesIgnoreCaseAndAreClosestFirstAndAtMostFive() {
        List<BenchmarkComparison> many = new ArrayList<>();
        IntStream.range(0, 8).forEach(i -> many.add(compared("acme.ParserBench.parse" + i, 0.7, 0.6, 0.8)));
        many.add(compared("acme.ParserBench.parse", 0.7, 0.6, 0.8));

        assertThat(ClaimMessages.nearNames("parserbench.PARSE", List.of("acme.ParserBench.parse")))
                .containsExactly("acme.ParserBench.parse");
        ClaimResult r = only("ParserBench.pars>=20%", report(many.toArray(BenchmarkComparison[]::new)), PASSED,
                false);
        assertThat(r.message()).contains("Did you mean one of acme.ParserBench.parse, acme.ParserBench.parse0,"
                + " acme.ParserBench.parse1, acme.ParserBench.parse2, acme.ParserBench.parse3?");
        assertThat(ClaimMessages.distance("prase", "parse")).isEqualTo(1);
        assertThat(ClaimMessages.distance("", "abc")).isEqualTo(3);
        assertThat(ClaimMessages.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void withNothingSimilarTheClaimListsSomeBenchmarks() {
        GateReport report = report(compared("acme.JsonBench.write", 0.7, 0.6, 0.8),
                compared("acme.JsonBench.read", 0.7, 0.6, 0.8));

        assertThat(only("CompletelyDifferent.thing", report, PASSED, false).message())
                .contains("No benchmark has a similar name; the benchmarks include acme.JsonBench.read,"
                        + " acme.JsonBench.write.");
        assertThat(only("A.b", report(), PASSED, false).message()).startsWith("Claim refused: no benchmark matches"
                + " 'A.b'. No benchmark ran and the baseline is empty;");
    }

    @Test
    void newMissingModeChangedAndInestimableBenchmarksAreNotMeasured() {
        BenchmarkKey fresh = BenchmarkKey.of("acme.New.fresh", Mode.AVERAGE_TIME);
        BenchmarkKey gone = BenchmarkKey.of("acme.Old.gone", Mode.AVERAGE_TIME);
        BenchmarkKey switched = BenchmarkKey.of("acme.B.switched", Mode.AVERAGE_TIME);
        BenchmarkResult sample = result("acme.B.switched", Mode.THROUGHPUT, "ops/s", around(10));
        BenchmarkComparison noisy = compared("acme.B.noisy", 0.7, 0.6, 0.8);
        GateReport report = report(
                new BenchmarkComparison(fresh, Verdict.NEW, null, result("acme.New.fresh", Mode.AVERAGE_TIME,
                        "ns/op", around(1)), null, 0.1, "not in the baseline"),
                new BenchmarkComparison(gone, Verdict.MISSING, result("acme.Old.gone", Mode.AVERAGE_TIME, "ns/op",
                        around(1)), null, null, 0.1, "in the baseline but not run"),
                new BenchmarkComparison(switched, Verdict.MODE_CHANGED, sample, result("acme.B.switched",
                        Mode.AVERAGE_TIME, "ns/op", around(1)), null, 0.1, "baseline mode thrpt, now avgt"),
                new BenchmarkComparison(noisy.key(), Verdict.INCONCLUSIVE, noisy.baseline(), noisy.current(),
                        new ChangeEstimate(1, 1, Double.NaN, Double.NaN, Double.NaN, 0.99, false,
                                "only one sample per fork"), 0.1, "only one sample per fork"));

        List<ClaimResult> results = evaluate("New.fresh,Old.gone,B.switched,B.noisy", report,
                new TestSummary(0, 0, 0, 0, List.of(), 0, List.of()), false);

        assertThat(results).extracting(ClaimResult::status).containsOnly(Status.NOT_MEASURED);
        assertThat(results).allSatisfy(r -> assertThat(r.improvement()).isNaN());
        assertThat(results).extracting(ClaimResult::message).containsExactly(
                "Claim not measured: acme.New.fresh is not in the baseline, so there is nothing to compare it with."
                        + " Record the baseline from the code before the change (mvn test-compile perfgate:baseline on"
                        + " that commit), then rerun: mvn verify -Dperfgate.claims='New.fresh>=20%'",
                "Claim not measured: acme.Old.gone is in the baseline but did not run in this build. Check that"
                        + " -Dperfgate.include and -Dperfgate.exclude select it, then rerun: mvn verify"
                        + " -Dperfgate.include='^\\Qacme.Old.gone\\E$' -Dperfgate.claims='Old.gone>=20%'",
                "Claim not measured: acme.B.switched ran in mode avgt, but the baseline measured it in mode thrpt,"
                        + " and different modes are not compared. Record the baseline in the new mode from the code"
                        + " before the change (mvn test-compile perfgate:baseline on that commit), then rerun:"
                        + " mvn verify -Dperfgate.claims='B.switched>=20%'",
                "Claim not measured: the change of acme.B.noisy could not be estimated (only one sample per fork)."
                        + " Rerun only this benchmark with more forks: mvn verify"
                        + " -Dperfgate.include='^\\Qacme.B.noisy\\E$' -Dperfgate.forks=10"
                        + " -Dperfgate.claims='B.noisy>=20%'");
    }

    @Test
    void failingTestsRefuseEveryMeasuredClaimAndNameTheTests() {
        List<String> failing = IntStream.rangeClosed(1, 12).mapToObj(i -> "acme.ParserTest.case" + i).toList();
        TestSummary failed = new TestSummary(40, 11, 1, 0, failing, 4, List.of());
        GateReport report = report(compared("acme.ParserBench.parse", 0.727, 0.698, 0.759),
                compared("acme.JsonBench.write", 0.959, 0.910, 1.012));

        List<ClaimResult> results = evaluate("ParserBench.parse>=20%,JsonBench.write>=35%,Nope.nothing", report,
                failed, false);

        assertThat(results).extracting(ClaimResult::status)
                .containsExactly(Status.TESTS_FAILED, Status.TESTS_FAILED, Status.NO_MATCH);
        assertThat(results.get(0).improvement()).isCloseTo(0.273, within(1e-12));
        assertThat(results.get(2).message()).startsWith("Claim refused: no benchmark matches 'Nope.nothing'.");
        assertThat(results.get(0).message()).isEqualTo("Claim refused: tests failed in this build (11 failures,"
                + " 1 error), and a claimed optimisation is accepted only when functionality is intact. Failing tests:"
                + " acme.ParserTest.case1, acme.ParserTest.case2, acme.ParserTest.case3, acme.ParserTest.case4,"
                + " acme.ParserTest.case5, acme.ParserTest.case6, acme.ParserTest.case7, acme.ParserTest.case8,"
                + " acme.ParserTest.case9, acme.ParserTest.case10 (and 2 more). Measured: acme.ParserBench.parse is"
                + " 27.3% faster (99% CI 24.1%..30.2%, target 20%), which would meet the claim. Fix the tests, then"
                + " rerun: mvn verify -Dperfgate.claims='ParserBench.parse>=20%'");
        assertThat(results.get(1).message())
                .startsWith("Claim refused: tests failed in this build (11 failures, 1 error)")
                .contains("Measured: acme.JsonBench.write is 4.1% faster (99% CI -1.2%..9.0%, target 35%), which"
                        + " misses the claim anyway.");
    }

    @Test
    void failuresWithoutNamedTestsStillRefuse() {
        TestSummary failed = new TestSummary(3, 0, 1, 0, List.of(), 1, List.of());

        ClaimResult r = only("B.m", report(compared("a.B.m", 0.5, 0.45, 0.55)), failed, false);

        assertThat(r.status()).isEqualTo(Status.TESTS_FAILED);
        assertThat(r.message()).startsWith("Claim refused: tests failed in this build (1 error), and a claimed"
                + " optimisation is accepted only when functionality is intact. The failing tests are listed in the"
                + " Surefire and Failsafe reports. Measured: a.B.m is 50.0% faster");
    }

    @Test
    void testsThatDidNotRunRefuseEveryMeasuredClaim() {
        TestSummary none = TestSummary.none(List.of("Ignored 2 test reports older than this build (left from an"
                + " earlier build)."));
        GateReport report = report(compared("acme.ParserBench.parse", 0.727, 0.698, 0.759));

        ClaimResult r = only("ParserBench.parse>=20%", report, none, false);

        assertThat(r.status()).isEqualTo(Status.TESTS_NOT_RUN);
        assertThat(r.message()).isEqualTo("Claim refused: no test ran in this build (it wrote no Surefire or Failsafe"
                + " report), and a claimed optimisation is accepted only when the tests show functionality intact."
                + " Ignored 2 test reports older than this build (left from an earlier build). Measured:"
                + " acme.ParserBench.parse is 27.3% faster (99% CI 24.1%..30.2%, target 20%), which would meet the"
                + " claim. Run the build with its tests (without -DskipTests or -Dmaven.test.skip=true): mvn verify"
                + " -Dperfgate.claims='ParserBench.parse>=20%'");

        TestSummary allSkipped = new TestSummary(4, 0, 0, 4, List.of(), 1, List.of());
        assertThat(only("ParserBench.parse>=20%", report, allSkipped, false).message())
                .startsWith("Claim refused: no test ran in this build (all 4 tests in its reports were skipped)");
    }

    @Test
    void aWildcardClaimGivesOneResultPerMatchedBenchmark() {
        BenchmarkKey small = new BenchmarkKey("acme.ParserBench.parse", new TreeMap<>(Map.of("size", "10")),
                Mode.AVERAGE_TIME);
        BenchmarkKey large = new BenchmarkKey("acme.ParserBench.parse", new TreeMap<>(Map.of("size", "1000")),
                Mode.AVERAGE_TIME);
        GateReport report = report(compared(large, 0.6, 0.55, 0.65), compared(small, 0.9, 0.85, 0.95),
                compared("acme.JsonBench.write", 0.5, 0.4, 0.6));

        List<ClaimResult> results = evaluate("ParserBench.*>=30%", report, PASSED, false);

        assertThat(results).extracting(r -> r.comparison().key().displayName() + "=" + r.status()).containsExactly(
                "acme.ParserBench.parse[size=1000]=MET", "acme.ParserBench.parse[size=10]=MISSED");
        assertThat(results.get(1).message()).startsWith("Claim missed: acme.ParserBench.parse[size=10] is 10.0%"
                + " faster").contains("-Dperfgate.include='^\\Qacme.ParserBench.parse\\E$'"
                        + " -Dperfgate.claims='ParserBench.*>=30%'");
    }

    @Test
    void theModeIsNamedWhenTheSameBenchmarkRanInTwoModes() {
        GateReport report = report(
                compared(BenchmarkKey.of("a.B.m", Mode.THROUGHPUT), 0.7, 0.65, 0.75),
                compared(BenchmarkKey.of("a.B.m", Mode.AVERAGE_TIME), 0.7, 0.65, 0.75));

        assertThat(evaluate("B.m", report, PASSED, false)).extracting(ClaimResult::message).containsExactly(
                "Claim met: a.B.m (thrpt) is 30.0% faster (99% CI 25.0%..35.0%, target 20%)",
                "Claim met: a.B.m (avgt) is 30.0% faster (99% CI 25.0%..35.0%, target 20%)");
    }

    @Test
    void theIncludeExpressionSelectsExactlyTheBenchmark() {
        assertThat(BenchmarkSelection.exactly(BenchmarkKey.of("acme.Outer$Inner.run", Mode.AVERAGE_TIME)))
                .isEqualTo("^\\Qacme.Outer$Inner.run\\E$");
        String regex = BenchmarkSelection.exactly(BenchmarkKey.of("acme.ParserBench.parse", Mode.AVERAGE_TIME));
        assertThat(java.util.regex.Pattern.compile(regex).matcher("acme.ParserBench.parse").find()).isTrue();
        assertThat(java.util.regex.Pattern.compile(regex).matcher("acme.ParserBench.parseAll").find()).isFalse();
        assertThat(java.util.regex.Pattern.compile(regex).matcher("acmexParserBench.parse").find()).isFalse();
    }

    @Test
    void theMeasurementIsJudgedWithoutTestsAndTheTestsOnceAfterwards() {
        GateReport report = report(compared("acme.ParserBench.parse", 0.727, 0.698, 0.759),
                compared("acme.ParserBench.lex", 0.959, 0.910, 1.012));
        TestSummary failed = new TestSummary(12, 1, 0, 0, List.of("acme.ParserTest.parses"), 3, List.of());

        List<ClaimMeasurement> measured = evaluator.measure(ClaimParser.parse("ParserBench.parse>=20%,"
                + "ParserBench.lex>=20%,NoSuchBench.x>=20%"), report, false);

        assertThat(measured).extracting(ClaimMeasurement::status).containsExactly(Status.MET, Status.MISSED,
                Status.NO_MATCH);
        assertThat(measured.get(0).figures()).isEqualTo("acme.ParserBench.parse is 27.3% faster"
                + " (99% CI 24.1%..30.2%, target 20%)");
        List<ClaimResult> judged = evaluator.judge(measured, failed);
        // The tests refuse what was measured, met or not; a claim that matched nothing stays as it was.
        assertThat(judged).extracting(ClaimResult::status).containsExactly(Status.TESTS_FAILED, Status.TESTS_FAILED,
                Status.NO_MATCH);
        assertThat(judged.get(0).message()).contains("Measured: " + measured.get(0).figures()
                + ", which would meet the claim.");
        assertThat(judged.get(2).message()).isEqualTo(measured.get(2).message());
        assertThat(evaluator.judge(measured, PASSED)).extracting(ClaimResult::message)
                .containsExactlyElementsOf(measured.stream().map(ClaimMeasurement::message).toList());
    }

    @Test
    void aMeasurementCannotClaimToHaveJudgedTheTests() {
        assertThatThrownBy(() -> new ClaimMeasurement(ClaimParser.parse("B.m").get(0), null, Status.TESTS_NOT_RUN,
                Double.NaN, Double.NaN, Double.NaN, "", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
