package io.github.perfgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Mode;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RemeasureTest {

    @Test
    void poolsTheSecondRunsForksIntoTheSuspectsOnly() {
        BenchmarkResult suspect = RegressionGateTest.result("a.B.slow", Mode.AVERAGE_TIME, "ns/op",
                RegressionGateTest.around(10));
        BenchmarkResult fine = RegressionGateTest.result("a.B.fine", Mode.AVERAGE_TIME, "ns/op",
                RegressionGateTest.around(10));
        BenchmarkResult suspectAgain = RegressionGateTest.result("a.B.slow", Mode.AVERAGE_TIME, "ns/op",
                new double[][] {{11, 11}, {12, 12}});
        BenchmarkResult fineAgain = RegressionGateTest.result("a.B.fine", Mode.AVERAGE_TIME, "ns/op",
                new double[][] {{99}});

        List<BenchmarkResult> pooled = Remeasure.pool(List.of(suspect, fine), List.of(suspectAgain, fineAgain),
                List.of(suspect.key()));

        assertThat(pooled.get(0).primary().samples()).hasNumberOfRows(5);
        assertThat(pooled.get(0).primary().samples()[4]).containsExactly(12, 12);
        assertThat(pooled.get(1)).isSameAs(fine);
    }

    @Test
    void suspectsAreTheRegressedAndInconclusiveAndIncludesSelectExactlyTheirMethods() {
        BenchmarkKey a = BenchmarkKey.of("a.B.m", Mode.AVERAGE_TIME);
        BenchmarkKey b = BenchmarkKey.of("a.B.n", Mode.AVERAGE_TIME);
        BenchmarkKey c = BenchmarkKey.of("a.B.o", Mode.AVERAGE_TIME);
        GateReport report = new GateReport(List.of(
                new BenchmarkComparison(a, Verdict.REGRESSED, null, null, null, 0.1, ""),
                new BenchmarkComparison(b, Verdict.INCONCLUSIVE, null, null, null, 0.1, ""),
                new BenchmarkComparison(c, Verdict.UNCHANGED, null, null, null, 0.1, "")), List.of(), 0.99);

        List<BenchmarkKey> suspects = Remeasure.suspects(report);
        List<String> includes = BenchmarkSelection.exactly(suspects);

        assertThat(suspects).containsExactly(a, b);
        assertThat(includes).hasSize(2);
        assertThat(Pattern.compile(includes.get(0)).matcher("a.B.m").find()).isTrue();
        assertThat(Pattern.compile(includes.get(0)).matcher("a.B.mm").find()).isFalse();
        assertThat(Pattern.compile(includes.get(0)).matcher("aXB.m").find()).isFalse();
    }
}
