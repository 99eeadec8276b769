package io.github.perfgate.maven;

import io.github.perfgate.model.PerfgateException;
import io.github.perfgate.report.MarkdownReport;
import io.github.perfgate.report.ReportData;
import io.github.perfgate.report.ReportWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** Writes the reports of a goal and appends the Markdown one to the GitHub Actions job summary when there is one. */
final class Reports {

    private Reports() {
    }

    static void write(Log log, ReportData data, File directory) throws PerfgateException {
        try {
            List<Path> files = ReportWriter.writeAll(data, directory.toPath());
            log.info("perfgate: reports written: " + String.join(", ", files.stream().map(Path::toString).toList()));
            if (MarkdownReport.appendToGitHubStepSummary(System.getenv(), MarkdownReport.render(data))) {
                log.info("perfgate: report appended to the GitHub Actions job summary ($"
                        + MarkdownReport.STEP_SUMMARY_VARIABLE + ")");
            }
        } catch (IOException e) {
            throw new PerfgateException("cannot write the reports to " + directory + ": " + e, e);
        }
    }
}
