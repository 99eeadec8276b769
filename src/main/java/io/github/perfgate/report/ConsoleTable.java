package io.github.perfgate.report;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.report.TextTable.Align;
import io.github.perfgate.stats.ChangeEstimate;
import java.util.ArrayList;
import java.util.List;

/** The verdict table printed to the build log: one row per benchmark, columns aligned. */
public final class ConsoleTable {

    /** The header row is aligned left throughout. */
    private static final Align[] HEADER = {Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT,
        Align.LEFT};

    /** Below the header, the scores, the change and its interval are aligned right. */
    private static final Align[] BODY = {Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT,
        Align.LEFT};

    private ConsoleTable() {
    }

    public static List<String> render(GateReport report) {
        String ci = Percent.format(report.confidence()) + " CI";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Benchmark", "Mode", "Baseline", "Current", "Change", ci, "Verdict"});
        for (BenchmarkComparison c : report.comparisons()) {
            ChangeEstimate e = c.estimate();
            boolean numbers = e != null && e.estimable();
            rows.add(new String[] {
                c.key().displayName(),
                c.key().mode().shortName(),
                c.baseline() == null ? "-" : Describe.baselineScore(c),
                c.current() == null ? "-" : Describe.currentScore(c),
                numbers ? Percent.signed(e.change()) : "-",
                numbers ? Describe.interval(e) : "-",
                Describe.verdictLabel(c) + (c.reason().isEmpty() || numbers ? "" : " (" + c.reason() + ")")
            });
        }
        return TextTable.lines(rows, HEADER, BODY);
    }
}
