package io.github.perfgate.maven;

import io.github.perfgate.baseline.BaselineException;
import io.github.perfgate.baseline.ResultFiles;
import io.github.perfgate.check.CheckOptions;
import io.github.perfgate.check.CheckProcedure;
import io.github.perfgate.check.Console;
import io.github.perfgate.check.Outcome;
import io.github.perfgate.check.ParameterCheck;
import io.github.perfgate.check.Recorder;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.PerfgateException;
import io.github.perfgate.report.ReportData;
import java.io.File;
import java.time.Instant;
import java.util.List;
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

    /**
     * Per-benchmark tolerances that override {@code regressionThreshold}; the last match wins. Each names a
     * benchmark (a fully qualified name, a suffix at a dot boundary, {@code *} as wildcard) and its tolerated
     * slowdown:
     * <pre>{@code
     * <thresholds>
     *   <threshold>
     *     <benchmark>*.Json*</benchmark>
     *     <tolerance>20%</tolerance>
     *   </threshold>
     *   <threshold>
     *     <benchmark>ParserBench.parse</benchmark>
     *     <tolerance>5%</tolerance>
     *   </threshold>
     * </thresholds>
     * }</pre>
     */
    @Parameter
    private List<ThresholdConfig> thresholds;

    /** The confidence level of the intervals that decide a verdict, between 0.5 and 1. */
    @Parameter(property = "perfgate.confidence", defaultValue = "0.99")
    private double confidence;

    /**
     * Which time per operation decides: {@code wall} (JMH's score), {@code cpu} (the CPU time of the benchmark
     * threads per operation, where both files have it) or {@code auto}, which for files is wall time.
     */
    @Parameter(property = "perfgate.metric", defaultValue = "auto")
    private String metric;

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
        Failures.mapped(this::perform);
    }

    private void perform() throws PerfgateException {
        ParameterCheck check = new ParameterCheck()
                .percent("perfgate.regressionThreshold", regressionThreshold, false)
                .percent("perfgate.allocationThreshold", allocationThreshold, true)
                .confidence("perfgate.confidence", confidence)
                .metric("perfgate.metric", metric);
        if (thresholds != null) {
            thresholds.forEach(t -> check.threshold("<thresholds>", t.getBenchmark(), t.getTolerance()));
        }
        check.verify();
        Baseline reference = load(base, "perfgate.base");
        Baseline candidate = load(current, "perfgate.current");
        CheckOptions options = CheckOptions.comparingFiles(Settings.gate(regressionThreshold, thresholds, confidence,
                allocationThreshold, metric, false), failOnRegression, base.toPath(), current.toPath());
        Outcome outcome = new CheckProcedure(options).compare(reference, candidate, getLog()::info);
        GateConsole.print(getLog(), outcome.report(), options.regressionsFail());
        Reports.write(getLog(), ReportData.check(outcome.report(), List.of(), outcome.environment(),
                reference.environment(), current.getName() + " against " + base.getName(), Instant.now(),
                outcome.notes()), outputDirectory);
        Recorder.nothingToRecord(Console.of(getLog()::info, getLog()::warn)).apply(reference, outcome);
    }

    private static Baseline load(File file, String property) throws PerfgateException {
        try {
            return ResultFiles.load(file.toPath());
        } catch (BaselineException e) {
            throw new PerfgateException(property + ": " + e.getMessage(), e);
        }
    }
}
