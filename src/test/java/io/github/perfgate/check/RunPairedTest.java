package io.github.perfgate.check;

import static io.github.perfgate.check.CheckProcedureTest.PASSED;
import static io.github.perfgate.check.CheckProcedureTest.avgt;
import static io.github.perfgate.check.CheckProcedureTest.key;
import static io.github.perfgate.check.CheckProcedureTest.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.ClaimParser;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.JmhRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CheckProcedure#runPaired}: the verdicts of a same-machine A/B check, and what its messages say. */
class RunPairedTest {

    static final Against HEAD = new Against("HEAD", "0123456789abcdef0123456789abcdef01234567", false, 6, 1);

    /**
     * Six rounds on a machine whose speed swings by 2x from round to round, the same for both forks of a round;
     * within a fork, iterations vary by 1%.
     */
    static double[][] rounds(double center) {
        double[][] forks = new double[6][5];
        for (int r = 0; r < 6; r++) {
            double machine = r % 2 == 0 ? 1 : 2;
            for (int i = 0; i < 5; i++) {
                forks[r][i] = center * machine * (1 + 0.005 * (i - 2)) * (1 + 0.004 * (r % 3));
            }
        }
        return forks;
    }

    static PairedRun.Result result(List<BenchmarkResult> current, List<BenchmarkResult> against,
            Map<String, String> failures) {
        return new PairedRun.Result(current, against, failures, new JmhRun(current, "1.37", "17.0.15",
                "OpenJDK 64-Bit Server VM", "17"), List.of("round 1: current first"));
    }

    static CheckProcedure procedure(Against against) {
        return new CheckProcedure(options(List.of(), true, false, false, null).against(against));
    }

    @Test
    void aFiveFoldSlowdownFailsAndTheMessageSaysItIsAnAbCheck() {
        Outcome outcome = procedure(HEAD).runPaired(result(
                List.of(avgt("a.B.slow", rounds(1000)), avgt("a.B.fine", rounds(200))),
                List.of(avgt("a.B.slow", rounds(200)), avgt("a.B.fine", rounds(200))), Map.of()), null);

        assertThat(outcome.report().comparisons()).extracting(BenchmarkComparison::verdict)
                .containsExactly(Verdict.UNCHANGED, Verdict.REGRESSED);
        BenchmarkComparison fine = outcome.report().comparisons().get(0);
        // The 2x swing between rounds is shared by both sides and cancels: the interval is narrow.
        assertThat(fine.estimate().upperChange()).isLessThan(0.02);
        assertThat(outcome.decision().fails()).isTrue();
        assertThat(outcome.decision().message())
                .contains("a.B.slow")
                .contains("same-machine A/B against HEAD (0123456789), 6 rounds per benchmark")
                .contains("-Dperfgate.against='HEAD' -Dperfgate.include=")
                .doesNotContain("perfgate.update=true");
        assertThat(outcome.notes().get(0)).startsWith("verdicts from a same-machine A/B against HEAD (0123456789)");
        assertThat(outcome.wasRemeasured()).isFalse();
        assertThat(outcome.report().intervalsOver()).as("the reports say what the intervals are over")
                .isEqualTo("the paired rounds (one fork per side each)");
    }

    @Test
    void unchangedCodePassesNamingTheRevision() {
        Against aa = new Against("HEAD", HEAD.commit(), true, 6, 1);
        Outcome outcome = procedure(aa).runPaired(result(List.of(avgt("a.B.fine", rounds(200))),
                List.of(avgt("a.B.fine", rounds(200))), Map.of()), null);
        assertThat(outcome.decision().fails()).isFalse();
        assertThat(outcome.decision().message()).contains("1 compared benchmark: 0 regressed, 0 inconclusive, 1 unchanged")
                .endsWith("; same-machine A/B against HEAD (0123456789), 6 rounds per benchmark");
        assertThat(outcome.notes()).anyMatch(n -> n.startsWith("A/A run: the working tree is HEAD (0123456789)"));
    }

    @Test
    void aBenchmarkThatFailedOnTheAgainstSideIsReportedNotCompared() {
        Outcome outcome = procedure(HEAD).runPaired(result(
                List.of(avgt("a.B.fine", rounds(200)), avgt("a.B.fixed", new double[][] {{5, 5}})),
                List.of(avgt("a.B.fine", rounds(200))), Map.of("a.B.fixed", "NullPointerException")), null);
        BenchmarkComparison fixed = outcome.report().comparisons().stream()
                .filter(c -> c.key().equals(key("a.B.fixed"))).findFirst().orElseThrow();
        assertThat(fixed.verdict()).isEqualTo(Verdict.NEW);
        assertThat(fixed.reason()).isEqualTo("failed on the against side (HEAD (0123456789)); not compared");
        assertThat(outcome.notes()).contains("a.B.fixed failed on the against side (HEAD (0123456789)):"
                + " NullPointerException");
        assertThat(outcome.decision().fails()).isFalse();
    }

    @Test
    void aClaimIsJudgedAgainstTheRevision() {
        CheckProcedure withClaim = new CheckProcedure(options(ClaimParser.parse("a.B.fast>=20%"), true, false, false,
                null).against(HEAD));
        Outcome met = withClaim.runPaired(result(List.of(avgt("a.B.fast", rounds(100))),
                List.of(avgt("a.B.fast", rounds(200))), Map.of()), PASSED);
        assertThat(met.claims()).singleElement().matches(c -> c.met());
        Outcome missed = withClaim.runPaired(result(List.of(avgt("a.B.fast", rounds(190))),
                List.of(avgt("a.B.fast", rounds(200))), Map.of()), PASSED);
        assertThat(missed.decision().fails()).isTrue();
        assertThat(missed.decision().message()).contains("claim was not met");
    }

    @Test
    void aBaselineCheckCannotBeRunPairedNorTheOtherWayRound() {
        assertThatThrownBy(() -> new CheckProcedure(options(List.of(), true, false, false, null))
                .runPaired(result(List.of(), List.of(), Map.of()), null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> options(List.of(), true, true, false, null).against(HEAD))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
