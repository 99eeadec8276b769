package io.github.perfgate.report;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.stats.ChangeEstimate;
import java.util.ArrayList;
import java.util.List;

/** The verdict table printed to the build log: one row per benchmark, columns aligned. */
public final class ConsoleTable {

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
                c.verdict().label() + (c.reason().isEmpty() || numbers ? "" : " (" + c.reason() + ")")
            });
        }
        return align(rows);
    }

    static List<String> align(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = rows.get(r)[i];
                boolean numeric = i >= 2 && i <= 5;
                if (i > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[i] - cell.length());
                line.append(numeric && r > 0 ? pad + cell : cell + (i == columns - 1 ? "" : pad));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
