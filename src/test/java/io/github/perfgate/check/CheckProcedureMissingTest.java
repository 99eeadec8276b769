package io.github.perfgate.check;

import static io.github.perfgate.check.CheckProcedureTest.BASELINE;
import static io.github.perfgate.check.CheckProcedureTest.BASELINE_FILE;
import static io.github.perfgate.check.CheckProcedureTest.BASELINE_HINT;
import static io.github.perfgate.check.CheckProcedureTest.FAST;
import static io.github.perfgate.check.CheckProcedureTest.FINE;
import static io.github.perfgate.check.CheckProcedureTest.JOURNAL_FILE;
import static io.github.perfgate.check.CheckProcedureTest.NEVER;
import static io.github.perfgate.check.CheckProcedureTest.PASSED;
import static io.github.perfgate.check.CheckProcedureTest.PROJECT;
import static io.github.perfgate.check.CheckProcedureTest.SLOW;
import static io.github.perfgate.check.CheckProcedureTest.avgt;
import static io.github.perfgate.check.CheckProcedureTest.measurement;
import static io.github.perfgate.gate.RegressionGateTest.around;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.check.Decision.Action;
import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.model.Measurement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Benchmarks of the baseline that did not run: counted in the pass line, and failing with failOnMissing. */
class CheckProcedureMissingTest {

    static CheckOptions options(boolean failOnMissing, boolean failOnRegression, BenchmarkSelection selection) {
        return new CheckOptions(new GateSettings(0.10, List.of(), 0.99), List.of(), false, failOnRegression, false, false,
                5, null, BASELINE_FILE, JOURNAL_FILE, failOnMissing, selection, PROJECT);
    }

    /** Only a.B.fine ran, unchanged; a.B.fast and a.B.slow are in the baseline. */
    static Measurement fineOnly() {
        return measurement(avgt(FINE, around(200)));
    }

    private static Decision decide(CheckOptions options, Measurement measurement) {
        return new CheckProcedure(options).run(BASELINE, measurement, PASSED, NEVER, line -> { }).decision();
    }

    @Test
    void withoutFailOnMissingTheBuildPassesWithAWarningThatCountsHonestly() {
        Decision decision = decide(options(false, true, BenchmarkSelection.ALL), fineOnly());

        assertThat(decision).isEqualTo(new Decision(Action.PASS_WITH_WARNING, "perfgate: 1 compared"
                + " benchmark: 0 regressed, 0 inconclusive, 1 unchanged; 2 in the baseline not run (a.B.fast, a.B.slow)",
                List.of()));
    }

    @Test
    void failOnMissingFailsNamingEveryMissingBenchmarkAndTheFix() {
        Decision decision = decide(options(true, true, BenchmarkSelection.ALL), fineOnly());

        assertThat(decision.action()).isEqualTo(Action.FAIL);
        assertThat(decision.message()).startsWith("perfgate: 2 benchmarks of the baseline did not run"
                + " (perfgate.failOnMissing=true):\n  a.B.fast (avgt)\n  a.B.slow (avgt)\nIf they were removed or"
                + " renamed on purpose, record the baseline again: mvn verify -Dperfgate.update=true and commit "
                + BASELINE_HINT + ". To gate only some benchmarks,")
                .contains("select them with perfgate.include/perfgate.exclude");
    }

    @Test
    void failOnMissingFailsEvenWhenRegressionsDoNot() {
        Measurement slowRegressed = measurement(avgt(SLOW, around(1000)), avgt(FINE, around(200)));

        Decision decision = decide(options(true, false, BenchmarkSelection.ALL), slowRegressed);

        // As with an unmet claim, a regression that does not fail the build (failOnRegression=false) is not
        // given as a reason of the failure: the verdict table has already reported it.
        assertThat(decision.action()).isEqualTo(Action.FAIL);
        assertThat(decision.message()).startsWith("perfgate: 1 benchmark of the baseline did not run"
                + " (perfgate.failOnMissing=true):\n  a.B.fast (avgt)\n").doesNotContain("regressed beyond");
    }

    @Test
    void withRegressionsFailingBothAreListed() {
        Measurement slowRegressed = measurement(avgt(SLOW, around(1000)), avgt(FINE, around(200)));

        Decision decision = decide(options(true, true, BenchmarkSelection.ALL), slowRegressed);

        assertThat(decision.action()).isEqualTo(Action.FAIL);
        assertThat(decision.message()).startsWith("perfgate: 1 of 2 benchmarks regressed beyond its tolerance:")
                .contains("\nperfgate: 1 benchmark of the baseline did not run (perfgate.failOnMissing=true):\n"
                        + "  a.B.fast (avgt)\n");
    }

    @Test
    void benchmarksLeftOutByTheSelectionAreNotMissing() {
        BenchmarkSelection fineSelected = new BenchmarkSelection(List.of("fine"), List.of());

        Decision decision = decide(options(true, true, fineSelected), fineOnly());

        assertThat(decision).isEqualTo(new Decision(Action.PASS, "perfgate: 1 compared benchmark:"
                + " 0 regressed, 0 inconclusive, 1 unchanged; 2 in the baseline not selected by include/exclude", List.of()));
    }

    @Test
    void aCompleteRunPassesWithoutWarning() {
        Measurement all = measurement(avgt(SLOW, around(200)), avgt(FINE, around(200)), avgt(FAST, around(200)));

        Decision decision = decide(options(true, true, BenchmarkSelection.ALL), all);

        assertThat(decision.action()).isEqualTo(Action.PASS);
        assertThat(decision.message()).startsWith("perfgate: 3 compared benchmarks: 0 regressed, ")
                .doesNotContain("not run");
    }
}
