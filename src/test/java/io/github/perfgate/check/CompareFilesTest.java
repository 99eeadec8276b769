package io.github.perfgate.check;

import static io.github.perfgate.check.CheckProcedureTest.BASELINE;
import static io.github.perfgate.check.CheckProcedureTest.FAST;
import static io.github.perfgate.check.CheckProcedureTest.FINE;
import static io.github.perfgate.check.CheckProcedureTest.NEVER;
import static io.github.perfgate.check.CheckProcedureTest.PASSED;
import static io.github.perfgate.check.CheckProcedureTest.SLOW;
import static io.github.perfgate.check.CheckProcedureTest.avgt;
import static io.github.perfgate.check.CheckProcedureTest.oneRegression;
import static io.github.perfgate.gate.RegressionGateTest.around;
import static io.github.perfgate.gate.RegressionGateTest.baseline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.check.Decision.Action;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.PerfgateException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code perfgate:compare}: the check's comparison and decision on two files, with no re-measure and no claims. */
class CompareFilesTest {

    static final Path BASE = Path.of("old.json");
    static final Path CURRENT = Path.of("new.json");

    private final List<String> progress = new ArrayList<>();

    private static CheckProcedure procedure(boolean failOnRegression) {
        return new CheckProcedure(CheckOptions.comparingFiles(new GateSettings(0.10, List.of(), 0.99),
                failOnRegression, BASE, CURRENT));
    }

    @Test
    void aRegressionFailsWithTheCheckSummaryAndSaysNothingWasRun() throws Exception {
        Baseline current = baseline(avgt(SLOW, around(1000)), avgt(FINE, around(200)), avgt(FAST, around(200)));

        Outcome outcome = procedure(true).compare(BASELINE, current, progress::add);

        assertThat(progress).containsExactly("perfgate: comparing new.json against old.json");
        assertThat(outcome.notes()).containsExactly("compared files; nothing was run");
        assertThat(outcome.wasRemeasured()).isFalse();
        assertThat(outcome.claims()).isEmpty();
        assertThat(outcome.environment()).isEqualTo(current.environment());
        assertThat(outcome.decision().action()).isEqualTo(Action.FAIL);
        assertThat(outcome.decision().message()).startsWith("perfgate: 1 of 3 benchmarks regressed beyond its"
                + " tolerance:\n  a.B.slow regressed").endsWith("\nThe files were only read; nothing was run.")
                .doesNotContain("perfgate.update").doesNotContain("perfgate.include");
    }

    @Test
    void withFailOnRegressionFalseARegressionPassesWithTheSameWarningAsCheck() throws Exception {
        Baseline current = baseline(avgt(SLOW, around(1000)), avgt(FINE, around(200)), avgt(FAST, around(200)));

        Outcome outcome = procedure(false).compare(BASELINE, current, progress::add);

        assertThat(outcome.decision().action()).isEqualTo(Action.PASS_WITH_WARNING);
        assertThat(outcome.decision().message()).isEqualTo("perfgate: 1 of 3 benchmarks regressed beyond its"
                + " tolerance (failOnRegression=false: the build passes)");
        assertThat(outcome.notes()).containsExactly("compared files; nothing was run");
    }

    @Test
    void filesWithNothingInCommonAreAnErrorBeforeAnythingIsCompared() {
        Baseline other = baseline(avgt("x.Other.bench", around(200)));

        assertThatThrownBy(() -> procedure(true).compare(BASELINE, other, progress::add))
                .isInstanceOfSatisfying(PerfgateException.class, e -> {
                    assertThat(e.consequence()).isEqualTo(PerfgateException.Consequence.ERROR);
                    assertThat(e.getMessage()).startsWith("new.json against old.json: perfgate.base and"
                            + " perfgate.current have no benchmark in common");
                });
        assertThat(progress).isEmpty();
    }

    @Test
    void comparingOptionsCannotRunACheckNorCheckOptionsCompare() {
        assertThatThrownBy(() -> procedure(true).run(BASELINE, oneRegression(), PASSED, NEVER, progress::add))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new CheckProcedure(CheckProcedureTest.check()).compare(BASELINE, BASELINE,
                progress::add)).isInstanceOf(IllegalStateException.class);
    }
}
