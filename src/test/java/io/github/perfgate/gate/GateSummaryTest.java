package io.github.perfgate.gate;

import static io.github.perfgate.gate.RegressionGateTest.ENV;
import static io.github.perfgate.gate.RegressionGateTest.around;
import static io.github.perfgate.gate.RegressionGateTest.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Mode;
import io.github.perfgate.report.FailureMessage;
import io.github.perfgate.stats.HierarchicalBootstrap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateSummaryTest {

    private final RegressionGate gate = new RegressionGate(new HierarchicalBootstrap(),
            new GateSettings(0.10, List.of(), 0.99));

    static BenchmarkResult avgt(String name, double center) {
        return result(name, Mode.AVERAGE_TIME, "us/op", around(center));
    }

    /** 10,000 baseline benchmarks acme.Bench.m00000 ..., of which the run measured the first 3 (one 5x slower). */
    private GateReport threeOfTenThousand() {
        List<BenchmarkResult> base = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            base.add(avgt(String.format("acme.Bench.m%05d", i), 200));
        }
        List<BenchmarkResult> now = List.of(avgt("acme.Bench.m00000", 200), avgt("acme.Bench.m00001", 200),
                avgt("acme.Bench.m00002", 1000));
        return gate.compare(new Baseline("t", "", ENV, base), now, ENV);
    }

    @Test
    void countsWhatWasComparedNotWhatTheBaselineHolds() {
        GateSummary summary = GateSummary.of(threeOfTenThousand());

        assertThat(summary.compared()).hasSize(3);
        assertThat(summary.count(Verdict.REGRESSED)).isEqualTo(1);
        assertThat(summary.count(Verdict.UNCHANGED)).isEqualTo(2);
        assertThat(summary.missing()).hasSize(9_997);
        assertThat(summary.comparedAllSelected()).isFalse();
        assertThat(summary.sentence()).isEqualTo("3 compared benchmarks (1 regressed, 2 unchanged); 9,997 in the"
                + " baseline not run (first 5: acme.Bench.m00003, acme.Bench.m00004, acme.Bench.m00005,"
                + " acme.Bench.m00006, acme.Bench.m00007)");
    }

    @Test
    void theFailureSummaryCountsTheComparedBenchmarksAndSaysWhatWasNot() {
        String message = FailureMessage.regressions(threeOfTenThousand(), List.of("hint"));

        assertThat(message).startsWith("perfgate: 1 of 3 benchmarks regressed beyond its tolerance:\n  "
                + "acme.Bench.m00002 regressed")
                .contains("\nNot compared: 9,997 in the baseline not run (first 5: acme.Bench.m00003, ")
                .endsWith("\nhint").doesNotContain("10000").doesNotContain("10,000");
    }

    @Test
    void newModeChangedAndNotSelectedAreCountedApart() {
        Baseline baseline = new Baseline("t", "", ENV, List.of(avgt("a.A.kept", 200), avgt("a.A.gone", 200),
                avgt("a.A.mode", 200), avgt("z.Other.left", 200)));
        List<BenchmarkResult> now = List.of(avgt("a.A.kept", 200), avgt("a.A.added", 200),
                result("a.A.mode", Mode.THROUGHPUT, "ops/s", around(5000)));
        GateReport report = gate.compare(baseline, now, ENV);

        GateSummary summary = report.summary(new BenchmarkSelection(List.of("^a\\."), List.of()));

        assertThat(summary.missing()).containsExactly(BenchmarkKey.of("a.A.gone", Mode.AVERAGE_TIME));
        assertThat(summary.notSelected()).containsExactly(BenchmarkKey.of("z.Other.left", Mode.AVERAGE_TIME));
        assertThat(summary.sentence()).isEqualTo("1 compared benchmark (1 unchanged); 1 in the baseline not run"
                + " (a.A.gone); 1 in the baseline not selected by include/exclude; 1 new; 1 mode changed (not"
                + " compared: a.A.mode)");
        assertThat(summary.comparedAllSelected()).isFalse();
    }

    @Test
    void aCompleteRunHasNothingOutsideTheComparedPhrase() {
        Baseline baseline = new Baseline("t", "", ENV, List.of(avgt("a.A.one", 200), avgt("a.A.two", 200)));
        GateSummary summary = GateSummary.of(gate.compare(baseline, List.of(avgt("a.A.one", 200),
                avgt("a.A.two", 200)), ENV));

        assertThat(summary.sentence()).isEqualTo("2 compared benchmarks (2 unchanged)");
        assertThat(summary.notCompared()).isEmpty();
        assertThat(summary.comparedAllSelected()).isTrue();
    }

    @Test
    void nothingComparedSaysSo() {
        Baseline baseline = new Baseline("t", "", ENV, List.of(avgt("a.A.old", 200)));
        GateSummary summary = GateSummary.of(gate.compare(baseline, List.of(avgt("a.A.renamed", 200)), ENV));

        assertThat(summary.sentence()).isEqualTo("0 compared benchmarks; 1 in the baseline not run (a.A.old); 1 new");
    }

    @Test
    void theSelectionDecidesAsJmhDoes() {
        BenchmarkSelection selection = new BenchmarkSelection(List.of("Parser"), List.of("slow$"));
        assertThat(selection.selects(BenchmarkKey.of("acme.ParserBench.parse", Mode.AVERAGE_TIME))).isTrue();
        assertThat(selection.selects(BenchmarkKey.of("acme.ParserBench.slow", Mode.AVERAGE_TIME))).isFalse();
        assertThat(selection.selects(BenchmarkKey.of("acme.JsonBench.write", Mode.AVERAGE_TIME))).isFalse();
        assertThat(BenchmarkSelection.ALL.selects(BenchmarkKey.of("x", Mode.AVERAGE_TIME))).isTrue();
        assertThatThrownBy(() -> new BenchmarkSelection(List.of("(unclosed"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'(unclosed'");
    }
}
