package io.github.perfgate.maven;

import io.github.perfgate.baseline.Baseline;
import io.github.perfgate.baseline.Environment;
import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.gate.RegressionGate;
import io.github.perfgate.gate.ThresholdRule;
import io.github.perfgate.gate.Remeasure;
import io.github.perfgate.jmh.BenchmarkKey;
import io.github.perfgate.jmh.BenchmarkResult;
import io.github.perfgate.jmh.JmhRun;
import io.github.perfgate.jmh.Measure.Measurement;
import io.github.perfgate.report.ConsoleTable;
import io.github.perfgate.stats.HierarchicalBootstrap;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the benchmarks (or reads {@code resultsFile}), compares every benchmark with the baseline, prints a verdict
 * table, and fails the build when a benchmark regressed beyond its tolerance. With {@code -Dperfgate.update=true}
 * it writes the new measurements as the baseline instead, logging every regression it accepts.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class CheckMojo extends AbstractPerfgateMojo {

    /**
     * The tolerated slowdown, in time per operation, for every benchmark without its own threshold: {@code 10%}
     * lets a benchmark be up to 10% slower. A benchmark fails only when the interval of its slowdown lies wholly
     * above this value.
     */
    @Parameter(property = "perfgate.regressionThreshold", defaultValue = "10%")
    private String regressionThreshold;

    /** Per-benchmark tolerances that override {@code regressionThreshold}; the last match wins. */
    @Parameter
    private List<Threshold> thresholds;

    /** The confidence level of the intervals that decide a verdict, between 0.5 and 1. */
    @Parameter(property = "perfgate.confidence", defaultValue = "0.99")
    private double confidence;

    /** Fail the build on a regression. {@code false} logs the regressions and lets the build pass. */
    @Parameter(property = "perfgate.failOnRegression", defaultValue = "true")
    private boolean failOnRegression;

    /**
     * Write this run's measurements as the new baseline instead of failing (like {@code jest -u}); every
     * regression accepted this way is logged as a warning.
     */
    @Parameter(property = "perfgate.update", defaultValue = "false")
    private boolean update;

    /**
     * Re-measure before failing: benchmarks that look regressed or inconclusive are run again with
     * {@code remeasureForks} forks and their samples pooled with the first run's before the verdict is final.
     */
    @Parameter(property = "perfgate.remeasure", defaultValue = "true")
    private boolean remeasure;

    /** Forks of the second measurement of suspect benchmarks. */
    @Parameter(property = "perfgate.remeasureForks", defaultValue = "5")
    private int remeasureForks;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("perfgate: skipped (perfgate.skip=true)");
            return;
        }
        GateSettings settings = settings();
        Baseline baseline = null;
        if (!update || Files.exists(baselineFile.toPath())) {
            baseline = readBaseline();
        }
        Measurement measurement = measure();
        if (baseline == null) {
            getLog().info("perfgate: no baseline yet at " + baselineFile + "; recording one (perfgate.update=true)");
            writeBaseline(null, measurement);
            return;
        }
        RegressionGate gate = new RegressionGate(new HierarchicalBootstrap(), settings);
        Environment environment = Environment.detect(measurement.run());
        GateReport report = gate.compare(baseline, measurement.run().results(), environment,
                measurement.calibration());
        List<BenchmarkKey> suspects = Remeasure.suspects(report);
        if (remeasure && !update && resultsFile != null && !suspects.isEmpty()) {
            getLog().info("perfgate: not re-measuring " + plural(suspects.size(), "suspect benchmark",
                    "suspect benchmarks") + ": results come from perfgate.resultsFile");
        } else if (remeasure && !update && !suspects.isEmpty()) {
            getLog().info("perfgate: " + plural(suspects.size(), "benchmark looks", "benchmarks look")
                    + " regressed or inconclusive; re-measuring with " + remeasureForks + " more forks before deciding: "
                    + String.join(", ", suspects.stream().map(BenchmarkKey::displayName).toList()));
            Measurement again = run(request(Remeasure.includes(suspects), remeasureForks,
                    outputDirectory.toPath().resolve("jmh-result-remeasure.json"), false));
            List<BenchmarkResult> pooled = Remeasure.pool(measurement.run().results(), again.run().results(),
                    suspects);
            report = gate.compare(baseline, pooled, environment, measurement.calibration());
            measurement = new Measurement(new JmhRun(pooled, measurement.run().jmhVersion(),
                    measurement.run().jdkVersion(), measurement.run().vmName(), measurement.run().vmVersion()),
                    measurement.calibration());
        }
        log(report);
        List<BenchmarkComparison> regressions = report.regressions();
        if (update) {
            for (BenchmarkComparison c : regressions) {
                getLog().warn("perfgate: accepting regression of " + Describe.sentence(c, report.confidence()));
            }
            writeBaseline(baseline, measurement);
            return;
        }
        if (regressions.isEmpty()) {
            getLog().info("perfgate: no regression beyond tolerance in "
                    + plural(report.comparisons().size(), "benchmark", "benchmarks"));
            return;
        }
        String summary = summary(report, regressions);
        if (failOnRegression) {
            throw new MojoFailureException(summary);
        }
        getLog().warn(summary.lines().findFirst().orElse(summary) + " (failOnRegression=false: the build passes)");
    }

    private void log(GateReport report) {
        getLog().info("perfgate: change is time per operation for every mode (positive = slower); "
                + Percent.format(report.confidence()) + " confidence intervals over forks and iterations");
        for (String line : ConsoleTable.render(report)) {
            getLog().info(line);
        }
        report.driftIfAny().ifPresent(drift -> {
            if (drift.significant() || drift.unstable()) {
                getLog().warn("perfgate: " + drift.describe());
            } else {
                getLog().info("perfgate: " + drift.describe());
            }
        });
        for (String difference : report.environmentDifferences()) {
            getLog().warn("perfgate: the baseline was recorded on a different environment: " + difference);
        }
        for (BenchmarkComparison c : report.comparisons()) {
            String sentence = Describe.sentence(c, report.confidence());
            switch (c.verdict()) {
                case REGRESSED -> {
                    if (failOnRegression && !update) {
                        getLog().error(sentence);
                    } else {
                        getLog().warn(sentence);
                    }
                }
                case INCONCLUSIVE, MISSING, MODE_CHANGED -> getLog().warn(sentence);
                default -> getLog().debug(sentence);
            }
        }
    }

    private String summary(GateReport report, List<BenchmarkComparison> regressions) {
        List<String> names = new ArrayList<>();
        StringBuilder message = new StringBuilder("perfgate: ").append(regressions.size()).append(" of ")
                .append(plural(report.comparisons().size(), "benchmark", "benchmarks"))
                .append(" regressed beyond ").append(regressions.size() == 1 ? "its" : "their").append(" tolerance:");
        for (BenchmarkComparison c : regressions) {
            message.append("\n  ").append(Describe.sentence(c, report.confidence()));
            names.add(c.key().name().replace(".", "\\."));
        }
        report.driftIfAny().filter(d -> d.significant()).ifPresent(d -> message.append("\nNote: ")
                .append(d.describe()).append('.'));
        if (!report.environmentDifferences().isEmpty()) {
            message.append("\nNote: the baseline was recorded on a different environment (")
                    .append(String.join("; ", report.environmentDifferences()))
                    .append("); that alone can explain a change. Record the baseline on the machine that checks.");
        }
        message.append("\nIf the slowdown is intended, accept it with: mvn verify -Dperfgate.update=true"
                + " and commit the baseline file.");
        message.append("\nTo rerun only these benchmarks: mvn verify -Dperfgate.include='")
                .append(String.join(",", names.stream().distinct().toList())).append("'");
        return message.toString();
    }

    private GateSettings settings() throws MojoExecutionException {
        try {
            List<ThresholdRule> rules = new ArrayList<>();
            if (thresholds != null) {
                for (Threshold t : thresholds) {
                    if (t.getBenchmark() == null || t.getTolerance() == null) {
                        throw new IllegalArgumentException(
                                "every <threshold> needs a <benchmark> and a <tolerance>, e.g. 25%");
                    }
                    rules.add(ThresholdRule.parse(t.getBenchmark(), t.getTolerance()));
                }
            }
            return new GateSettings(Percent.parse(regressionThreshold, "perfgate.regressionThreshold"), rules,
                    confidence);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perfgate: " + e.getMessage(), e);
        }
    }


    static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
