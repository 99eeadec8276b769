package io.github.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.gate.RegressionGate;
import io.github.perfgate.gate.RegressionGateTest;
import io.github.perfgate.model.Mode;
import io.github.perfgate.stats.HierarchicalBootstrap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {

    @Test
    void oneAlignedRowPerBenchmarkWithItsVerdict() {
        GateReport report = new RegressionGate(new HierarchicalBootstrap(), new GateSettings(0.1, List.of(), 0.99))
                .compare(RegressionGateTest.baseline(
                        RegressionGateTest.result("acme.ParserBench.parse", Mode.AVERAGE_TIME, "us/op",
                                RegressionGateTest.around(200)),
                        RegressionGateTest.result("acme.Gone.run", Mode.AVERAGE_TIME, "us/op",
                                RegressionGateTest.around(1))),
                        List.of(RegressionGateTest.result("acme.ParserBench.parse", Mode.AVERAGE_TIME, "us/op",
                                RegressionGateTest.around(1000))), RegressionGateTest.ENV);

        List<String> lines = ConsoleTable.render(report);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("Benchmark").contains("Baseline", "Current", "Change", "99% CI",
                "Verdict");
        assertThat(lines.get(1)).startsWith("acme.Gone.run").contains("avgt").endsWith("missing (in the baseline but "
                + "not run)");
        assertThat(lines.get(2)).startsWith("acme.ParserBench.parse").contains("200 us/op", "1000 us/op", "+400.0%")
                .endsWith("regressed");
        assertThat(lines.get(1).indexOf("avgt")).isEqualTo(lines.get(2).indexOf("avgt"));
    }
}
