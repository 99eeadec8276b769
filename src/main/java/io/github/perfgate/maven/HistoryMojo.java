package io.github.perfgate.maven;

import io.github.perfgate.baseline.GitInfo;
import io.github.perfgate.history.HistoryEntries;
import io.github.perfgate.history.HistoryEntry;
import io.github.perfgate.history.HistoryException;
import io.github.perfgate.history.HistoryStore;
import io.github.perfgate.report.HtmlReport;
import io.github.perfgate.report.HtmlTrend;
import io.github.perfgate.report.JsonReport;
import io.github.perfgate.files.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Appends the last check's result (its {@code report.json} in {@code outputDirectory}) to the history, one entry per
 * benchmark: commit, date, estimate and its interval, change, CPU-time change, allocation, verdict. Then draws each
 * benchmark's trend over the last {@code historyLength} entries into {@code report.html}. Run it after the check:
 * {@code mvn verify perfgate:history -Dperfgate.history=perf/history.jsonl}, or bind it to {@code verify} after
 * {@code check}.
 *
 * @since 0.2
 */
@Mojo(name = "history", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class HistoryMojo extends AbstractMojo {

    /**
     * Where the history is kept: a JSON-lines file relative to the project (e.g. {@code perf/history.jsonl}, one
     * line per benchmark and check; commit it), or {@code git-notes} for git notes under
     * {@code refs/notes/perfgate} on HEAD, which never conflict with the code.
     *
     * @since 0.2
     */
    @Parameter(property = "perfgate.history")
    private String history;

    /**
     * How many of each benchmark's last entries (this check included) the trend in {@code report.html} shows.
     *
     * @since 0.2
     */
    @Parameter(property = "perfgate.historyLength", defaultValue = "20")
    private int historyLength;

    /** Where the check wrote its reports; the history reads {@code report.json} there. */
    @Parameter(property = "perfgate.outputDirectory", defaultValue = "${project.build.directory}/perfgate")
    private File outputDirectory;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** Skips the history. */
    @Parameter(property = "perfgate.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("perfgate: skipped (perfgate.skip=true)");
            return;
        }
        if (history == null || history.isBlank()) {
            throw new MojoExecutionException("perfgate.history is not set; name the store, e.g."
                    + " -Dperfgate.history=perf/history.jsonl or -Dperfgate.history=git-notes");
        }
        if (historyLength < 2) {
            throw new MojoExecutionException("perfgate.historyLength must be at least 2, not " + historyLength);
        }
        Path base = basedir.toPath();
        HistoryStore store = HistoryEntries.store(history, base, Duration.ofMinutes(1));
        try {
            List<HistoryEntry> run = HistoryEntries.fromReport(outputDirectory.toPath().resolve(JsonReport.FILE_NAME),
                    GitInfo.headCommit(base), Instant.now());
            List<HistoryEntry> all = new ArrayList<>(store.readAll());
            store.append(run);
            all.addAll(run);
            getLog().info("perfgate: history: " + run.size() + " benchmarks appended to " + store.describe() + " ("
                    + all.size() + " entries)");
            Path html = outputDirectory.toPath().resolve(HtmlReport.FILE_NAME);
            if (Files.isRegularFile(html)) {
                AtomicFiles.write(html, HtmlTrend.insert(Files.readString(html),
                        HistoryEntries.trends(all, historyLength)), AtomicFiles.Permissions.DEFAULT);
                getLog().info("perfgate: history: trend of the last " + historyLength + " checks drawn in " + html);
            }
        } catch (HistoryException e) {
            throw new MojoExecutionException("perfgate: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("perfgate: cannot draw the trend into the report: " + e, e);
        }
    }
}
