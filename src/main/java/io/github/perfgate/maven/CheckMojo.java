package io.github.perfgate.maven;

import io.github.perfgate.baseline.Baseline;
import io.github.perfgate.baseline.Environment;
import io.github.perfgate.baseline.GitInfo;
import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.ClaimEvaluator;
import io.github.perfgate.gate.ClaimParser;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.journal.Journal;
import io.github.perfgate.journal.JournalEntry;
import io.github.perfgate.journal.JournalException;
import io.github.perfgate.tests.SurefireReports;
import io.github.perfgate.tests.TestSummary;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import io.github.perfgate.report.ReportData;
import java.util.ArrayList;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.gate.RegressionGate;
import io.github.perfgate.gate.Remeasure;
import io.github.perfgate.jmh.BenchmarkKey;
import io.github.perfgate.jmh.BenchmarkResult;
import io.github.perfgate.jmh.JmhRun;
import io.github.perfgate.jmh.Measure.Measurement;
import io.github.perfgate.report.FailureMessage;
import io.github.perfgate.stats.HierarchicalBootstrap;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.execution.MavenSession;
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

    /**
     * The tolerated growth of allocation per operation (JMH's {@code gc.alloc.rate.norm}, recorded when
     * {@code allocation} is on), e.g. {@code 10%}; {@code off} disables the allocation gate. Allocation is nearly
     * deterministic, so this gate catches allocation regressions that timing noise hides. Growth under 8 bytes per
     * operation never fails.
     */
    @Parameter(property = "perfgate.allocationThreshold", defaultValue = "10%")
    private String allocationThreshold;

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

    /**
     * Claimed optimisations, each a benchmark pattern, a target (default 20%, time saved per operation) and a
     * reason for the journal. Every claim must be met, with this build's tests green, or the build fails.
     */
    @Parameter
    private List<Claim> claims;

    /**
     * Claims on the command line, comma-separated: {@code ParserBench.parse>=20%,JsonBench.write>=35%}; a name
     * without a target claims 20%. Added to the POM's claims.
     */
    @Parameter(property = "perfgate.claims")
    private String claimsProperty;

    /**
     * Require the whole interval of a claimed improvement to reach the target, not just the measured figure.
     */
    @Parameter(property = "perfgate.strictClaims", defaultValue = "false")
    private boolean strictClaims;

    /** The committed journal that accepted claims are appended to (with {@code perfgate.update=true}). */
    @Parameter(property = "perfgate.journalFile", defaultValue = "${project.basedir}/perf/JOURNAL.md")
    private File journalFile;

    /**
     * Where this build's Surefire and Failsafe XML reports are. A claim is refused when they show failed tests,
     * or when no report was written during this build (tests skipped).
     */
    @Parameter(property = "perfgate.testReportsDirectories",
            defaultValue = "${project.build.directory}/surefire-reports,${project.build.directory}/failsafe-reports")
    private List<File> testReportsDirectories;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("perfgate: skipped (perfgate.skip=true)");
            return;
        }
        GateSettings settings = settings();
        List<io.github.perfgate.gate.Claim> claimList = claimList();
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
        List<String> notes = new ArrayList<>();
        if (resultsFile != null) {
            notes.add("results read from " + resultsFile + "; no benchmark was run");
        }
        List<BenchmarkKey> suspects = new ArrayList<>(Remeasure.suspects(report));
        if (!claimList.isEmpty()) {
            // Which claims fall short on the measurement alone: the tests are judged after the re-measurement.
            TestSummary assumePassed = new TestSummary(1, 0, 0, 0, List.of(), 1, List.of());
            for (ClaimResult r : new ClaimEvaluator().evaluate(claimList, report, assumePassed, strictClaims)) {
                if (r.status() == ClaimResult.Status.MISSED && !suspects.contains(r.comparison().key())) {
                    suspects.add(r.comparison().key());
                }
            }
        }
        if (remeasure && !update && resultsFile != null && !suspects.isEmpty()) {
            getLog().info("perfgate: not re-measuring " + plural(suspects.size(), "suspect benchmark",
                    "suspect benchmarks") + ": results come from perfgate.resultsFile");
        } else if (remeasure && !update && !suspects.isEmpty()) {
            getLog().info("perfgate: " + plural(suspects.size(), "benchmark needs", "benchmarks need")
                    + " a second look (regressed, inconclusive or short of a claim); re-measuring with "
                    + remeasureForks + " more forks before deciding: "
                    + String.join(", ", suspects.stream().map(BenchmarkKey::displayName).toList()));
            Measurement again = run(request(Remeasure.includes(suspects), remeasureForks,
                    outputDirectory.toPath().resolve("jmh-result-remeasure.json"), false));
            List<BenchmarkResult> pooled = Remeasure.pool(measurement.run().results(), again.run().results(),
                    suspects);
            report = gate.compare(baseline, pooled, environment, measurement.calibration());
            notes.add("re-measured " + plural(suspects.size(), "benchmark", "benchmarks") + " with "
                    + remeasureForks + " more forks before deciding");
            measurement = new Measurement(new JmhRun(pooled, measurement.run().jmhVersion(),
                    measurement.run().jdkVersion(), measurement.run().vmName(), measurement.run().vmVersion()),
                    measurement.calibration());
        }
        GateConsole.print(getLog(), report, failOnRegression && !update);
        TestSummary tests = SurefireReports.read(paths(testReportsDirectories),
                session.getRequest().getStartTime().toInstant());
        logTests(tests, !claimList.isEmpty());
        List<ClaimResult> claimResults = claimList.isEmpty() ? List.of()
                : new ClaimEvaluator().evaluate(claimList, report, tests, strictClaims);
        for (ClaimResult r : claimResults) {
            if (r.met()) {
                getLog().info("perfgate: " + r.message());
            } else {
                getLog().error("perfgate: " + r.message());
            }
        }
        List<ClaimResult> unmet = claimResults.stream().filter(r -> !r.met()).toList();
        if (!failOnRegression) {
            notes.add("failOnRegression=false: regressions are reported but do not fail the build");
        }
        if (update) {
            notes.add("perfgate.update=true: this run is recorded as the new baseline when it is accepted");
        }
        Reports.write(getLog(), ReportData.check(report, claimResults, environment, baseline.environment(),
                project.getArtifactId(), Instant.now(), notes), outputDirectory);
        List<BenchmarkComparison> regressions = report.regressions();
        if (update) {
            update(baseline, measurement, report, claimResults, unmet);
            return;
        }
        if (regressions.isEmpty() && unmet.isEmpty()) {
            getLog().info("perfgate: no regression beyond tolerance in "
                    + plural(report.comparisons().size(), "benchmark", "benchmarks")
                    + (claimResults.isEmpty() ? "" : "; " + plural(claimResults.size(), "claim", "claims") + " met"));
            return;
        }
        if (!unmet.isEmpty()) {
            throw new MojoFailureException(summary(report, unmet, failOnRegression));
        }
        String summary = summary(report, unmet, true);
        if (failOnRegression) {
            throw new MojoFailureException(summary);
        }
        getLog().warn(summary.lines().findFirst().orElse(summary).replaceAll(":$", "")
                + " (failOnRegression=false: the build passes)");
    }

    /**
     * {@code -Dperfgate.update=true}: without claims, accept the run as the new baseline, logging every regression
     * it accepts. With claims, accept it only when every claim is met, the tests passed and nothing else
     * regressed; then append the met claims to the journal. Otherwise both files stay untouched.
     */
    private void update(Baseline baseline, Measurement measurement, GateReport report, List<ClaimResult> claimResults,
            List<ClaimResult> unmet) throws MojoExecutionException, MojoFailureException {
        List<BenchmarkComparison> regressions = report.regressions();
        if (claimResults.isEmpty()) {
            for (BenchmarkComparison c : report.comparisons()) {
                boolean slower = c.estimate() != null && c.estimate().estimable()
                        && c.estimate().lowerChange() > c.tolerance();
                if (c.verdict().failing() || slower) {
                    getLog().warn("perfgate: accepting regression of " + Describe.sentence(c, report.confidence()));
                }
            }
            writeBaseline(baseline, measurement);
            return;
        }
        if (!unmet.isEmpty() || !regressions.isEmpty()) {
            throw new MojoFailureException("perfgate: not updating " + baselineFile.getName() + " or "
                    + journalFile.getName() + ": an optimisation is accepted only when every claim is met, the tests"
                    + " pass and no other benchmark regressed. Both files were left unchanged.\n"
                    + summary(report, unmet, true));
        }
        writeBaseline(baseline, measurement);
        String commit = GitInfo.headCommit(project.getBasedir().toPath());
        List<JournalEntry> entries = new ArrayList<>();
        for (ClaimResult r : claimResults) {
            entries.add(JournalEntry.of(r, LocalDate.now(), commit));
        }
        try {
            Journal.append(journalFile.toPath(), entries);
        } catch (JournalException e) {
            throw new MojoExecutionException("perfgate: the baseline was updated, but " + e.getMessage(), e);
        }
        getLog().info("perfgate: appended " + plural(entries.size(), "accepted claim", "accepted claims") + " to "
                + journalFile + ". Commit it with the baseline.");
    }

    private void logTests(TestSummary tests, boolean claimsDeclared) {
        if (tests.failed()) {
            getLog().warn("perfgate: this build's tests failed: " + tests.describe());
        } else if (claimsDeclared) {
            getLog().info("perfgate: tests of this build: " + tests.describe());
        }
    }

    private List<io.github.perfgate.gate.Claim> claimList() throws MojoExecutionException {
        try {
            List<io.github.perfgate.gate.Claim> result = new ArrayList<>();
            if (claims != null) {
                for (Claim c : claims) {
                    result.add(ClaimParser.of(c.getBenchmark(), c.getTarget(), c.getReason()));
                }
            }
            result.addAll(ClaimParser.parse(claimsProperty));
            return result;
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("perfgate: " + e.getMessage(), e);
        }
    }

    private static List<Path> paths(List<File> files) {
        List<Path> paths = new ArrayList<>();
        if (files != null) {
            for (File f : files) {
                paths.add(f.toPath());
            }
        }
        return paths;
    }

    private String summary(GateReport report, List<ClaimResult> unmet, boolean withRegressions) {
        StringBuilder message = new StringBuilder();
        if (!unmet.isEmpty()) {
            message.append("perfgate: ").append(plural(unmet.size(), "claim was", "claims were"))
                    .append(" not met:");
            for (ClaimResult r : unmet) {
                message.append("\n  ").append(r.message());
            }
        }
        if (withRegressions && !report.regressions().isEmpty()) {
            if (message.length() > 0) {
                message.append('\n');
            }
            message.append(regressionSummary(report));
        }
        return message.toString();
    }

    private String regressionSummary(GateReport report) {
        return FailureMessage.regressions(report, List.of(
                "If the slowdown is intended, accept it with: mvn verify -Dperfgate.update=true and commit "
                        + Path.of("").toAbsolutePath().relativize(baselineFile.toPath().toAbsolutePath()) + ".",
                "To rerun only these benchmarks: mvn verify -Dperfgate.include='"
                        + FailureMessage.includeOf(report.regressions()) + "'"));
    }

    private GateSettings settings() throws MojoExecutionException {
        return Settings.gate(regressionThreshold, thresholds, confidence, allocationThreshold);
    }

    static String plural(int count, String one, String many) {
        return FailureMessage.count(count, one, many);
    }
}
