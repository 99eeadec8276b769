package io.github.perfgate.maven;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.report.ConsoleTable;
import org.apache.maven.plugin.logging.Log;

/** Prints a gate report to the Maven log: the table, the machine and environment notes, one line per verdict. */
final class GateConsole {

    private GateConsole() {
    }

    /**
     * @param failing true when regressions fail the build (logged as errors), false when they are only reported
     */
    static void print(Log log, GateReport report, boolean failing) {
        log.info("perfgate: change is time per operation for every mode (positive = slower); "
                + Percent.format(report.confidence()) + " confidence intervals over " + report.intervalsOver());
        for (String line : ConsoleTable.render(report)) {
            log.info(line);
        }
        report.driftIfAny().ifPresent(drift -> {
            if (drift.noteworthy()) {
                log.warn("perfgate: " + drift.describe());
            } else {
                log.info("perfgate: " + drift.describe());
            }
        });
        for (String difference : report.environmentDifferences()) {
            log.warn("perfgate: the baseline was recorded on a different environment: " + difference);
        }
        for (BenchmarkComparison c : report.comparisons()) {
            String sentence = Describe.sentence(c, report.confidence());
            switch (c.verdict()) {
                case REGRESSED, ALLOCATION_REGRESSED -> {
                    if (failing) {
                        log.error(sentence);
                    } else {
                        log.warn(sentence);
                    }
                }
                case INCONCLUSIVE, MISSING, MODE_CHANGED -> log.warn(sentence);
                default -> log.debug(sentence);
            }
        }
    }
}
