package io.github.perfgate.maven;

import io.github.perfgate.baseline.BaselineException;
import io.github.perfgate.baseline.ResultFiles;
import io.github.perfgate.check.ParameterCheck;
import io.github.perfgate.gate.CommonBenchmarks;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.GateSummary;
import io.github.perfgate.gate.RegressionGate;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.report.FailureMessage;
import io.github.perfgate.report.ReportData;
import io.github.perfgate.stats.HierarchicalBootstrap;
import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares two result files without running anything and without a project: each may be a perfgate baseline or
 * a JMH JSON result ({@code -rf json}). Same verdicts, reports and exit behaviour as {@code check}:
 * {@code mvn io.github.perfgate:perfgate-maven-plugin:compare -Dperfgate.base=old.json -Dperfgate.current=new.json}.
 * Machine drift is corrected when both files are baselines with a calibration.
 */
@Mojo(name = "compare", requiresProject = false, threadSafe = true)
public class CompareMojo extends AbstractMojo {

    /** The reference: a perfgate baseline or a JMH JSON result file. */
    @Parameter(property = "perfgate.base", required = true)
    private File base;

    /** The results to check against {@code base}: a perfgate baseline or a JMH JSON result file. */
    @Parameter(property = "perfgate.current", required = true)
    private File current;

    /** The tolerated slowdown in time per operation, as for {@code check}. */
    @Parameter(property = "perfgate.regressionThreshold", defaultValue = "10%")
    private String regressionThreshold;

    /** Per-benchmark tolerances that override {@code regressionThreshold}; the last match wins. */
    @Parameter
    private List<ThresholdConfig> thresholds;

    /** The confidence level of the intervals that decide a verdict, between 0.5 and 1. */
    @Parameter(property = "perfgate.confidence", defaultValue = "0.99")
    private double confidence;

    /** The tolerated growth of allocation per operation, or {@code off}. */
    @Parameter(property = "perfgate.allocationThreshold", defaultValue = "10%")
    private String allocationThreshold;

    /** Fail the build on a regression. {@code false} logs the regressions and passes. */
    @Parameter(property = "perfgate.failOnRegression", defaultValue = "true")
    private boolean failOnRegression;

    /** Where the reports are written; without a project, {@code target/perfgate} in the current directory. */
    @Parameter(property = "perfgate.outputDirectory", defaultValue = "${session.executionRootDirectory}/target/perfgate")
    private File outputDirectory;

    /** Skips the comparison. */
    @Parameter(property = "perfgate.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("perfgate: skipped (perfgate.skip=true)");
            return;
        }
        ParameterCheck check = new ParameterCheck()
                .percent("perfgate.regressionThreshold", regressionThreshold, false)
                .percent("perfgate.allocationThreshold", allocationThreshold, true)
                .confidence("perfgate.confidence", confidence);
        if (thresholds != null) {
            thresholds.forEach(t -> check.threshold("<thresholds>", t.getBenchmark(), t.getTolerance()));
        }
        Optional<String> problems = check.message();
        if (problems.isPresent()) {
            throw new MojoExecutionException(problems.get());
        }
        Baseline reference = load(base, "perfgate.base");
        Baseline candidate = load(current, "perfgate.current");
        Optional<String> disjoint = CommonBenchmarks.problem(keys(reference), keys(candidate), "perfgate.base",
                "perfgate.current");
        if (disjoint.isPresent()) {
            throw new MojoExecutionException("perfgate: " + current + " against " + base + ": " + disjoint.get());
        }
        getLog().info("perfgate: comparing " + current + " against " + base);
        GateReport report = new RegressionGate(new HierarchicalBootstrap(),
                Settings.gate(regressionThreshold, thresholds, confidence, allocationThreshold))
                .compare(reference, candidate.benchmarks(), candidate.environment(), candidate.calibration());
        GateConsole.print(getLog(), report, failOnRegression);
        Reports.write(getLog(), ReportData.check(report, List.of(), candidate.environment(), reference.environment(),
                current.getName() + " against " + base.getName(), Instant.now(),
                List.of("compared files; nothing was run")), outputDirectory);
        if (report.regressions().isEmpty()) {
            GateSummary checked = GateSummary.of(report);
            String line = "perfgate: no regression beyond tolerance in " + checked.sentence();
            if (checked.comparedAllSelected()) {
                getLog().info(line);
            } else {
                getLog().warn(line);
            }
            return;
        }
        String summary = FailureMessage.regressions(report, List.of(
                "The files were only read; nothing was run."));
        if (failOnRegression) {
            throw new MojoFailureException(summary);
        }
        getLog().warn(summary.lines().findFirst().orElse(summary).replaceAll(":$", "")
                + " (failOnRegression=false: the build passes)");
    }

    private static List<BenchmarkKey> keys(Baseline baseline) {
        return baseline.benchmarks().stream().map(BenchmarkResult::key).toList();
    }

    private static Baseline load(File file, String property) throws MojoExecutionException {
        try {
            return ResultFiles.load(file.toPath());
        } catch (BaselineException e) {
            throw new MojoExecutionException("perfgate: " + property + ": " + e.getMessage(), e);
        }
    }
}
