package io.github.perfgate.maven;

import io.github.perfgate.check.PairedCheck;
import io.github.perfgate.check.PairedRun;
import io.github.perfgate.files.ProjectPaths;
import io.github.perfgate.jmh.DurationParser;
import io.github.perfgate.jmh.JmhRunException;
import io.github.perfgate.jmh.JmhRunListener;
import io.github.perfgate.jmh.Measure;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Mode;
import io.github.perfgate.revision.NestedMaven;
import io.github.perfgate.stats.RoundOrder;
import java.util.Locale;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import io.github.perfgate.baseline.BaselineException;
import io.github.perfgate.baseline.BaselineValidator;
import io.github.perfgate.baseline.InvalidBaselineException;
import io.github.perfgate.check.CheckOptions;
import io.github.perfgate.check.CheckProcedure;
import io.github.perfgate.check.Decision;
import io.github.perfgate.check.Outcome;
import io.github.perfgate.check.ParameterCheck;
import io.github.perfgate.check.Recorder;
import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.gate.Claim;
import io.github.perfgate.gate.ClaimParser;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.jmh.MeasurementLock;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.Measurement;
import io.github.perfgate.model.PerfgateException;
import io.github.perfgate.report.FailureMessage;
import io.github.perfgate.report.ReportData;
import io.github.perfgate.surefire.SurefireReports;
import io.github.perfgate.surefire.TestSummary;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
     * above this value. Default {@code 10%}; in a same-machine A/B check ({@code against}) {@code 5%}, which its
     * paired CPU time resolves beside busy neighbours (chosen on the verdict-quality corpus, README "Measured").
     */
    @Parameter(property = "perfgate.regressionThreshold")
    private String regressionThreshold;

    /**
     * The tolerated growth of allocation per operation (JMH's {@code gc.alloc.rate.norm}, recorded when
     * {@code allocation} is on), e.g. {@code 10%}; {@code off} disables the allocation gate. Allocation is nearly
     * deterministic, so this gate catches allocation regressions that timing noise hides. Growth under 8 bytes per
     * operation never fails.
     */
    @Parameter(property = "perfgate.allocationThreshold", defaultValue = "10%")
    private String allocationThreshold;

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
     * Re-measure before failing: benchmarks that look regressed or inconclusive (or fall short of a claim) are run
     * again with {@code remeasureForks} forks, with a second machine calibration when {@code calibrate} is on, and
     * forks and calibrations are pooled with the first run's before the verdict is final.
     */
    @Parameter(property = "perfgate.remeasure", defaultValue = "true")
    private boolean remeasure;

    /**
     * Forks of the second measurement of suspect benchmarks, at least 1. They win over a {@code -f} in
     * {@code jmhArgs}.
     */
    @Parameter(property = "perfgate.remeasureForks", defaultValue = "5")
    private int remeasureForks;

    /**
     * Claimed optimisations, each a benchmark pattern, a target (default 20%, time saved per operation) and a
     * reason for the journal. Every claim must be met, with this build's tests green, or the build fails:
     * <pre>{@code
     * <claims>
     *   <claim>
     *     <benchmark>ParserBench.parse</benchmark>
     *     <target>20%</target>
     *     <reason>Parse with a precomputed lookup table instead of a regex</reason>
     *   </claim>
     * </claims>
     * }</pre>
     * {@code benchmark} is a fully qualified name, a suffix at a dot boundary or a pattern with {@code *};
     * {@code target} is the time saved per operation (default {@code 20%}); {@code reason} goes to the journal.
     */
    @Parameter
    private List<ClaimConfig> claims;

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

    /**
     * Fail the build when benchmarks of the baseline did not run, naming them, so that every benchmark stays gated
     * (a rename, a changed {@code @Param} or a deleted benchmark then needs a new baseline). Benchmarks that
     * {@code include}/{@code exclude} leave out are not missing. Default {@code false}: they are counted and named
     * in the summary, and the build passes with a warning.
     */
    @Parameter(property = "perfgate.failOnMissing", defaultValue = "false")
    private boolean failOnMissing;

    /**
     * Measure the working tree against a git revision on this machine, in this build: a same-machine A/B check.
     * A revision ({@code HEAD}, {@code HEAD~1}, {@code origin/main}, a tag, a commit id), or {@code baseline}
     * for the commit recorded in the baseline file. The revision is built in a temporary git worktree under the
     * build directory, and every benchmark runs in {@code rounds} rounds of one fork per side, back to back, in a
     * seeded order; verdicts come from the paired rounds, and no baseline file is compared with. Empty (the
     * default): compare with the baseline file.
     */
    @Parameter(property = "perfgate.against")
    private String against;

    /**
     * Rounds every benchmark runs in a same-machine A/B check ({@code against}) before its verdict may be settled:
     * each round runs one fork of each side back to back, and costs about {@code 2 x (warm-up + measurement + JVM
     * start)}. At least 2. Equal to {@code maxRounds}: fixed rounds.
     */
    @Parameter(property = "perfgate.rounds", defaultValue = "4")
    private int rounds;

    /**
     * The most rounds a benchmark runs in a same-machine A/B check. From {@code rounds} on, every two rounds, a
     * benchmark whose verdict is settled (regressed, or certainly within the tolerance, and every claim on it
     * certainly met or missed) stops, and the time goes to those still undecided; undecided at {@code maxRounds},
     * a benchmark is inconclusive. The error rate is spent over these looks, so that all of them together keep the
     * configured {@code confidence}.
     */
    @Parameter(property = "perfgate.maxRounds", defaultValue = "12")
    private int maxRounds;

    /**
     * The most time the rounds of a same-machine A/B check may take for the whole suite, e.g. {@code 10m}: at the
     * look where two more rounds would overrun it, every benchmark still undecided stops (inconclusive unless
     * settled). Empty (the default): no budget; {@code maxRounds} and {@code timeout} bound the run.
     */
    @Parameter(property = "perfgate.budget")
    private String budget;

    /**
     * Which time per operation decides a verdict: {@code wall} (JMH's score, wall-clock time), {@code cpu} (the CPU
     * time of the benchmark's threads per operation, recorded by perfgate's own JMH profiler on every run; a busy
     * machine barely moves it, but it cannot see time spent waiting on locks, sleeps or I/O), or {@code auto}: in a
     * same-machine A/B check both, each at half the error rate, regressed when either is certainly beyond the
     * tolerance and otherwise decided by CPU time; in a baseline check wall time. Benchmarks without CPU time on
     * both sides are decided by wall time.
     */
    @Parameter(property = "perfgate.metric", defaultValue = "auto")
    private String metric;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor pluginDescriptor;

    @Override
    protected String compileAndRun() {
        return "verify";
    }

    @Override
    protected boolean pairedMode() {
        return against != null && !against.isBlank();
    }

    @Override
    protected void checkGoalParameters(ParameterCheck check) {
        if (pairedMode()) {
            check.atLeast("perfgate.rounds", rounds, 2, 4)
                    .problemIf(maxRounds < rounds, "perfgate.maxRounds is " + maxRounds + "; it must be at least"
                            + " perfgate.rounds (" + rounds + "), e.g. -Dperfgate.maxRounds=12, or equal to it for"
                            + " fixed rounds")
                    .duration("perfgate.budget", hasBudget() ? budget : "1m")
                    .problemIf(update, "perfgate.update=true cannot be combined with perfgate.against: a same-machine"
                            + " A/B check measures the working tree against a revision and records nothing. To record"
                            + " a baseline, run without perfgate.against")
                    .problemIf(resultsFile != null, "perfgate.resultsFile cannot be combined with perfgate.against:"
                            + " a same-machine A/B check measures both sides itself");
        }
        check.atLeast("perfgate.remeasureForks", remeasureForks, 1, 5)
                .percent("perfgate.regressionThreshold", regressionThreshold(), false)
                .percent("perfgate.allocationThreshold", allocationThreshold, true)
                .confidence("perfgate.confidence", confidence)
                .metric("perfgate.metric", metric)
                .claims("perfgate.claims", claimsProperty);
        if (thresholds != null) {
            thresholds.forEach(t -> check.threshold("<thresholds>", t.getBenchmark(), t.getTolerance()));
        }
        if (claims != null) {
            claims.forEach(c -> check.claim("<claims>", c.getBenchmark(), c.getTarget(), c.getReason()));
        }
        if (update || !Files.isRegularFile(baselineFile.toPath())) {
            check.writableFile("perfgate.baselineFile", baselineFile.toPath());
        }
    }

    @Override
    protected void perform() throws PerfgateException {
        if (pairedMode()) {
            performPaired();
            return;
        }
        CheckOptions options = new CheckOptions(settings(), claimList(), strictClaims, failOnRegression, update,
                remeasure, remeasureForks, resultsFile == null ? null : resultsFile.toPath(), baselineFile.toPath(),
                journalFile.toPath(), failOnMissing, selection(), baseDirectory());
        // The baseline is read, and validated, before anything is measured.
        Baseline baseline = null;
        boolean replacing = false;
        if (!update || Files.exists(baselineFile.toPath())) {
            if (update && !selective()) {
                baseline = readBaselineToReplace();
                replacing = baseline == null;
            } else {
                baseline = readBaseline();
            }
        }
        TestSummary tests = SurefireReports.read(paths(testReportsDirectories),
                session.getRequest().getStartTime().toInstant());
        Recorder recorder = recorder(journalFile);
        Outcome outcome;
        // One hold of the machine-wide lock from the first calibration to the last fork of the re-measure, so that
        // no other build measures between them.
        try (MeasurementLock.Held machine = holdMachine()) {
            Measurement measurement = usable(measure(), resultsFile != null ? "The JMH results in " + resultsFile
                    : "The JMH results of this run");
            if (baseline == null) {
                recorder.apply(null, measurement, Decision.firstBaseline(baselineFile.toPath(), replacing));
                return;
            }
            Path remeasureResult = outputDirectory.toPath().resolve("jmh-result-remeasure.json");
            outcome = new CheckProcedure(options).run(baseline, measurement, tests,
                    // withSelection drops a -f of jmhArgs, so the second look runs the forks it announces.
                    (includes, forkCount, calibrateAgain) -> usable(run(request(list(include), forks,
                            remeasureResult, calibrate).withSelection(includes, forkCount, remeasureResult,
                            calibrateAgain)), "The JMH results of the re-measurement"),
                    getLog()::info);
        }

        report(outcome, options, tests, baseline.environment());
        recorder.apply(baseline, outcome);
    }

    /** Logs the notes, the table, the tests and the claims, and writes every report. */
    private void report(Outcome outcome, CheckOptions options, TestSummary tests, Environment reference)
            throws PerfgateException {
        outcome.notes().forEach(note -> getLog().info("perfgate: " + note));
        GateConsole.print(getLog(), outcome.report(), options.regressionsFail());
        logTests(tests, !options.claims().isEmpty());
        for (ClaimResult r : outcome.claims()) {
            if (r.met()) {
                getLog().info("perfgate: " + r.message());
            } else {
                getLog().error("perfgate: " + r.message());
            }
        }
        Reports.write(getLog(), ReportData.check(outcome.report(), outcome.claims(), outcome.environment(),
                reference, project.getArtifactId(), Instant.now(), outcome.notes()), outputDirectory);
    }

    /**
     * A same-machine A/B check: build the revision in a worktree, run the rounds under one hold of the measurement
     * lock, decide from the pairs, report, and pass or fail. Nothing is written but the reports.
     */
    private void performPaired() throws PerfgateException {
        CheckOptions base = new CheckOptions(settings(), claimList(), strictClaims, failOnRegression, false, false,
                1, null, baselineFile.toPath(), journalFile.toPath(), failOnMissing, selection(), baseDirectory());
        Baseline baseline = Files.isRegularFile(baselineFile.toPath()) ? readBaseline() : null;
        if (baseline != null) {
            getLog().info("perfgate: " + ProjectPaths.forUser(baseDirectory(), baselineFile.toPath())
                    + " is not compared with: a same-machine A/B check compares with the revision");
        }
        TestSummary tests = SurefireReports.read(paths(testReportsDirectories),
                session.getRequest().getStartTime().toInstant());
        Path abDirectory = outputDirectory.toPath().resolve("ab");
        Measure.Request template = request(List.of(), 1, abDirectory.resolve("fork.json"), false);
        BenchmarkSelection selection = base.selection();
        PairedCheck.Prepared prepared;
        NestedMaven nested = AgainstSideBuild.nestedMaven(session);
        Path buildDirectory = Path.of(project.getBuild().getDirectory());
        PairedCheck.Request request = new PairedCheck.Request(against, baseline == null ? null : baseline.commit(),
                baseDirectory(), buildDirectory, AgainstSideBuild.reactorRoot(session),
                project.getGroupId() + ":" + project.getArtifactId(), pluginGoal(), nested,
                buildDirectory.resolve("perfgate-ab"), String.join(" ", nested.forwardedArguments()), rounds,
                maxRounds, RoundOrder.DEFAULT_SEED, template.timeout());
        try {
            prepared = PairedCheck.prepare(request, template.classpath(),
                    method -> selection.selects(BenchmarkKey.of(method, Mode.THROUGHPUT)), getLog()::info);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PerfgateException("interrupted while building the revision to compare with", e);
        }
        CheckOptions options = base.against(prepared.against());
        getLog().info("perfgate: " + prepared.both().size() + " benchmark methods on both sides, "
                + (maxRounds > rounds ? rounds + " to " + maxRounds : String.valueOf(rounds))
                + " rounds of one fork per side (" + template.settings().replaceFirst("^\\d+ forks? x ", "")
                + " per fork), decided by " + options.gate().metric().label()
                + (hasBudget() ? ", budget " + budget.strip() : ""));
        PairedRun.ForkRunner forks = (side, include, round) -> {
            String name = (round < 0 ? "single" : "round-" + (round + 1)) + "-"
                    + side.name().toLowerCase(Locale.ROOT);
            Measure.Request one = template.withSelection(List.of(include), 1, abDirectory.resolve(name + ".json"),
                    false);
            return forkOf(side == RoundOrder.Side.CURRENT ? one : one.withClasspath(prepared.againstClasspath()),
                    side, prepared);
        };
        Outcome outcome;
        try (MeasurementLock.Held machine = holdMachine()) {
            CheckProcedure procedure = new CheckProcedure(options);
            Duration limit = hasBudget() ? DurationParser.parse(budget, "perfgate.budget") : null;
            PairedRun.Result result = new PairedRun(rounds, maxRounds, limit, new RoundOrder(RoundOrder.DEFAULT_SEED),
                    forks, maxRounds > rounds ? procedure.looker() : PairedRun.FIXED, getLog()::info, System::nanoTime)
                    .run(prepared.both(), prepared.currentOnly(), prepared.againstOnly());
            outcome = procedure.runPaired(result, tests);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PerfgateException("interrupted; the benchmark JVMs were stopped", e);
        }
        // Both sides ran here, on this machine and JVM: the reference environment is this run's.
        report(outcome, options, tests, outcome.environment());
        recorder(journalFile).apply(null, outcome);
    }

    /** One fork of one side; a failure of the current side is logged with JMH's last lines, as in a check. */
    private JmhRun forkOf(Measure.Request request, RoundOrder.Side side, PairedCheck.Prepared prepared)
            throws PerfgateException, InterruptedException {
        try {
            JmhRun run = new Measure().runFork(request, new JmhRunListener() {
                @Override
                public void waiting(String why) {
                    getLog().warn("perfgate: " + why);
                }
            });
            return usable(new Measurement(run, null), "The JMH results of the "
                    + side.name().toLowerCase(Locale.ROOT) + " side").run();
        } catch (JmhRunException e) {
            if (side == RoundOrder.Side.CURRENT && (e.kind() == JmhRunException.Kind.BENCHMARK_FAILED
                    || e.kind() == JmhRunException.Kind.JMH_FAILED)) {
                getLog().error("perfgate: the last lines JMH printed:");
                e.outputTail().forEach(line -> getLog().error("[jmh] " + line));
            }
            if (side == RoundOrder.Side.AGAINST && e.kind() == JmhRunException.Kind.JMH_FAILED) {
                throw new PerfgateException("JMH failed on the against side (" + prepared.against().revisionName()
                        + "): " + e.getMessage() + " Its build log: " + prepared.buildLog(), e);
            }
            throw e;
        }
    }

    /** This plugin's {@code test-classpath} goal, by full coordinates, for the nested build of the revision. */
    private String pluginGoal() {
        return pluginDescriptor.getGroupId() + ":" + pluginDescriptor.getArtifactId() + ":"
                + pluginDescriptor.getVersion() + ":test-classpath";
    }

    /**
     * The baseline that {@code perfgate.update=true} (with every benchmark selected) is about to replace, or null
     * when it holds values that cannot be compared: the update then records a clean one in its place, which is the
     * fix the error of such a file suggests. Any other problem (not JSON, another format) is still an error.
     */
    private Baseline readBaselineToReplace() throws BaselineException {
        try {
            return store.read(baselineFile.toPath());
        } catch (InvalidBaselineException e) {
            getLog().warn("perfgate: the baseline " + baselineFile + " is invalid (" + e.problems().get(0)
                    + (e.problems().size() > 1 ? ", and " + FailureMessage.count(e.problems().size() - 1,
                            "more problem", "more problems") : "")
                    + "); perfgate.update=true replaces it with this run's measurements");
            return null;
        }
    }

    /** The measurement, refused with a build error when it holds values that cannot be compared. */
    private static Measurement usable(Measurement measurement, String source) throws PerfgateException {
        String problem = BaselineValidator.measurementProblem(measurement.run().results(),
                measurement.calibration(), source);
        if (problem != null) {
            throw new PerfgateException(problem);
        }
        return measurement;
    }

    private BenchmarkSelection selection() throws PerfgateException {
        try {
            return new BenchmarkSelection(list(include), list(exclude));
        } catch (IllegalArgumentException e) {
            throw new PerfgateException("perfgate.include/perfgate.exclude: " + e.getMessage(), e);
        }
    }

    private void logTests(TestSummary tests, boolean claimsDeclared) {
        if (tests.failed()) {
            getLog().warn("perfgate: this build's tests failed: " + tests.describe());
        } else if (claimsDeclared) {
            getLog().info("perfgate: tests of this build: " + tests.describe());
        }
    }

    private List<Claim> claimList() throws PerfgateException {
        try {
            List<Claim> result = new ArrayList<>();
            if (claims != null) {
                for (ClaimConfig c : claims) {
                    result.add(ClaimParser.of(c.getBenchmark(), c.getTarget(), c.getReason()));
                }
            }
            result.addAll(ClaimParser.parse(claimsProperty));
            return result;
        } catch (IllegalArgumentException e) {
            throw new PerfgateException(e.getMessage(), e);
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

    private GateSettings settings() throws PerfgateException {
        return Settings.gate(regressionThreshold(), thresholds, confidence, allocationThreshold, metric,
                pairedMode());
    }

    private boolean hasBudget() {
        return budget != null && !budget.isBlank();
    }

    /** The tolerance as set, else the mode's default: {@code 5%} in a same-machine A/B check, {@code 10%} else. */
    String regressionThreshold() {
        return regressionThreshold != null && !regressionThreshold.isBlank() ? regressionThreshold
                : pairedMode() ? GateSettings.PAIRED_DEFAULT_TOLERANCE : GateSettings.DEFAULT_TOLERANCE;
    }
}
