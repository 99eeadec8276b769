package io.github.perfgate.report;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.GateSummary;
import io.github.perfgate.gate.MachineDrift;
import java.util.List;

/** The one message a failing gate ends the build with: every violation, the notes that explain them, the fixes. */
public final class FailureMessage {

    private FailureMessage() {
    }

    /**
     * The summary of a report's regressions.
     *
     * @param hints sentences that say how to fix or accept the failure, one per line
     */
    public static String regressions(GateReport report, List<String> hints) {
        return regressions(report, GateSummary.of(report), hints);
    }

    /**
     * The summary of a report's regressions, counting only the benchmarks that were compared, with a line that
     * says what was not compared (missing, new, mode changed) when anything was not.
     *
     * @param checked what the comparison checked, as the run's selection counts it
     * @param hints sentences that say how to fix or accept the failure, one per line
     */
    public static String regressions(GateReport report, GateSummary checked, List<String> hints) {
        List<BenchmarkComparison> regressions = report.regressions();
        StringBuilder message = new StringBuilder("perfgate: ").append(regressions.size()).append(" of ")
                .append(count(checked.compared().size(), "benchmark", "benchmarks"))
                .append(" regressed beyond ").append(regressions.size() == 1 ? "its" : "their").append(" tolerance:");
        for (BenchmarkComparison c : regressions) {
            message.append("\n  ").append(Describe.sentence(c, report.confidence()));
        }
        if (!checked.notCompared().isEmpty()) {
            message.append("\nNot compared: ").append(checked.notCompared()).append('.');
        }
        report.driftIfAny().filter(MachineDrift::noteworthy)
                .ifPresent(d -> message.append("\nNote: ").append(d.describe()).append('.'));
        if (!report.environmentDifferences().isEmpty()) {
            message.append("\nNote: the baseline was recorded on a different environment (")
                    .append(String.join("; ", report.environmentDifferences()))
                    .append("); that alone can explain a change. Record the baseline on the kind of machine that"
                            + " checks.");
        }
        for (String hint : hints) {
            message.append('\n').append(hint);
        }
        return message.toString();
    }

    /** {@code 1 benchmark}, {@code 2 benchmarks}. */
    public static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
