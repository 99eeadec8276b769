package io.github.perfgate.maven;

import io.github.perfgate.baseline.BaselineException;
import io.github.perfgate.baseline.BaselineStore;
import io.github.perfgate.check.Console;
import io.github.perfgate.check.ParameterCheck;
import io.github.perfgate.check.Recorder;
import io.github.perfgate.jmh.BenchmarkDiscovery;
import io.github.perfgate.jmh.DurationParser;
import io.github.perfgate.jmh.JmhResultParser;
import io.github.perfgate.jmh.JmhRunException;
import io.github.perfgate.jmh.Measure;
import io.github.perfgate.jmh.MeasurementLock;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.Measurement;
import io.github.perfgate.model.PerfgateException;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Parameters and steps shared by the goals that run benchmarks. {@link #execute()} skips, checks every parameter,
 * runs the goal's {@link #perform()} and maps what the core throws to Maven's exceptions, in one place
 * ({@link Failures}).
 */
abstract class AbstractPerfgateMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** Skips perfgate entirely. */
    @Parameter(property = "perfgate.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Regular expressions of the benchmarks to run (JMH's {@code -include}), comma-separated on the command line.
     * Empty runs every benchmark on the test classpath. When set, the baseline keeps the entries of benchmarks
     * that did not run. Each must be a valid Java regular expression; JMH runs every benchmark whose full name
     * ({@code package.Class.method}) contains a match, so {@code ^\Qacme.ParserBench.parse\E$} selects exactly one.
     */
    @Parameter(property = "perfgate.include")
    protected List<String> include;

    /** Regular expressions of benchmarks not to run (JMH's {@code -exclude}), comma-separated. */
    @Parameter(property = "perfgate.exclude")
    protected List<String> exclude;

    /**
     * Forked JVMs per benchmark (JMH's {@code -f}). Forks are the independent units of the statistics: three is
     * the least that lets the gate see variation between JVM runs.
     */
    @Parameter(property = "perfgate.forks", defaultValue = "3")
    protected int forks;

    /**
     * Warm-up iterations per fork (JMH's {@code -wi}). Default {@code 3}; in a same-machine A/B check
     * ({@code perfgate.against}) {@code 2}, as every round repeats the fork.
     */
    @Parameter(property = "perfgate.warmupIterations")
    protected Integer warmupIterations;

    /**
     * Duration of each warm-up iteration (JMH's {@code -w}), e.g. {@code 1s} or {@code 500ms}; {@code 1.5s},
     * {@code 200us} and {@code PT1S} are converted to JMH's whole-number form ({@code 1500ms}). Default {@code 1s};
     * in a same-machine A/B check {@code 500ms}.
     */
    @Parameter(property = "perfgate.warmupTime")
    protected String warmupTime;

    /**
     * Measurement iterations per fork (JMH's {@code -i}). Default {@code 5}; in a same-machine A/B check
     * {@code 2}, as every round repeats the fork and the rounds, not the iterations, are the statistic's units
     * (chosen on the verdict-quality corpus: the same detection as 4, and 22% less machine time).
     */
    @Parameter(property = "perfgate.iterations")
    protected Integer iterations;

    /**
     * Duration of each measurement iteration (JMH's {@code -r}), e.g. {@code 1s}; {@code 1.5s}, {@code 200us} and
     * {@code PT1S} are converted to JMH's whole-number form ({@code 1500ms}). Default {@code 1s}; in a same-machine
     * A/B check {@code 500ms}.
     */
    @Parameter(property = "perfgate.time")
    protected String time;

    /**
     * JVM options of the benchmark forks (JMH's {@code -jvmArgs}); set, they replace every benchmark's
     * {@code @Fork(jvmArgs = ...)}. Unset (the default), a benchmark's {@code @Fork(jvmArgs = ...)} applies and the
     * forks of the others get {@code -Xms1g -Xmx1g} (a fixed heap keeps GC behaviour comparable between runs);
     * {@code MAVEN_OPTS} and the options of Maven's own JVM never reach a fork either way, and
     * {@code @Fork(jvmArgsAppend/jvmArgsPrepend)} always apply. An empty value ({@code -Dperfgate.jvmArgs=})
     * counts as unset.
     */
    @Parameter(property = "perfgate.jvmArgs")
    protected String jvmArgs;

    /**
     * Extra JMH command-line arguments, appended after perfgate's own so that they win, e.g.
     * {@code -jvmArgsAppend -Dfoo=bar} or {@code -p size=10}; the log states the forks, iterations and times JMH
     * gets after them. A {@code -f} here does not apply to the re-measurement of {@code check}, which runs
     * {@code remeasureForks} forks. Quotes must close, and {@code -rf}/{@code -rff} are refused (perfgate reads
     * JMH's JSON from its own file).
     */
    @Parameter(property = "perfgate.jmhArgs")
    protected String jmhArgs;

    /**
     * Limit for the whole JMH run, e.g. {@code 30m}, {@code 90s} or {@code PT1H}. When it passes, every forked JVM
     * is stopped and the build fails.
     */
    @Parameter(property = "perfgate.timeout", defaultValue = "60m")
    protected String timeout;

    /**
     * The Java executable that runs JMH; defaults to the one running Maven.
     */
    @Parameter(property = "perfgate.jvm")
    protected File jvm;

    /**
     * Record allocation per operation with JMH's {@code gc} profiler ({@code gc.alloc.rate.norm}), stored in the
     * baseline next to the timings.
     */
    @Parameter(property = "perfgate.allocation", defaultValue = "true")
    protected boolean allocation;

    /**
     * Measure the machine's speed with a fixed calibration workload just before and after the benchmarks (about
     * 12 s each), store it with the baseline, and correct the comparison for a machine that runs slower or faster
     * than when the baseline was recorded.
     */
    @Parameter(property = "perfgate.calibrate", defaultValue = "true")
    protected boolean calibrate;

    /** The committed baseline file. */
    @Parameter(property = "perfgate.baselineFile", defaultValue = "${project.basedir}/perf/baseline.json")
    protected File baselineFile;

    /**
     * An existing JMH JSON result file ({@code -rf json}) to use instead of running the benchmarks.
     */
    @Parameter(property = "perfgate.resultsFile")
    protected File resultsFile;

    /** Where perfgate writes its working files and reports. */
    @Parameter(property = "perfgate.outputDirectory", defaultValue = "${project.build.directory}/perfgate")
    protected File outputDirectory;

    protected final BaselineStore store = new BaselineStore();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        Failures.mapped(() -> {
            checkParameters();
            requireBenchmarks();
            perform();
        });
    }

    /** What the goal does once its parameters are checked. */
    protected abstract void perform() throws PerfgateException;

    /**
     * The arguments of {@code mvn} that compile the benchmarks and run this goal, for the message that says to
     * compile first: {@code test-compile perfgate:baseline}.
     */
    protected abstract String compileAndRun();

    /**
     * Fails before anything is measured when the test classpath holds no benchmarks, saying why from the POM's
     * compiler settings (not compiled, annotation processing off or not run on javac 23+, no processor); nothing to
     * check when the results come from {@link #resultsFile}.
     */
    private void requireBenchmarks() throws PerfgateException {
        if (resultsFile == null) {
            BenchmarkDiscovery.discover(classpath(),
                    CompilerSettings.read(project, session.getUserProperties(), compileAndRun()));
        }
    }

    /**
     * True, after saying why, when this goal does nothing here: {@code perfgate.skip}, or a module of {@code pom}
     * packaging (a reactor's parent, which has no benchmarks of its own), so that a plugin declared in a parent's
     * {@code <build><plugins>} runs in the modules and not in the parent.
     */
    private boolean skipped() {
        if (skip) {
            getLog().info("perfgate: skipped (perfgate.skip=true)");
            return true;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("perfgate: skipped (pom packaging: a module of packaging pom has no benchmarks)");
            return true;
        }
        return false;
    }

    /**
     * Checks every parameter before anything is read or run, and fails the build naming each wrong one. The
     * parameters of one goal are added by {@link #checkGoalParameters(ParameterCheck)}.
     */
    private void checkParameters() throws PerfgateException {
        ParameterCheck check = new ParameterCheck()
                .atLeast("perfgate.forks", forks, 1, 3)
                .atLeast("perfgate.warmupIterations", warmupIterations(), 0, pairedMode() ? 2 : 3)
                .jmhTime("perfgate.warmupTime", warmupTime())
                .atLeast("perfgate.iterations", iterations(), 1, pairedMode() ? 2 : 5)
                .jmhTime("perfgate.time", time())
                .duration("perfgate.timeout", timeout)
                .regexes("perfgate.include", list(include))
                .regexes("perfgate.exclude", list(exclude))
                .jmhArgs("perfgate.jmhArgs", jmhArgs, true);
        checkGoalParameters(check);
        check.verify();
    }

    /**
     * True in a same-machine A/B check, whose forks are shorter by default: every round repeats them, and the
     * rounds, not long forks, carry the statistics.
     */
    protected boolean pairedMode() {
        return false;
    }

    /** {@link #warmupIterations}, or its default for this mode. */
    protected int warmupIterations() {
        return warmupIterations != null ? warmupIterations : pairedMode() ? 2 : 3;
    }

    /** {@link #warmupTime}, or its default for this mode, in JMH's form ({@code 1.5s} becomes {@code 1500ms}). */
    protected String warmupTime() {
        return jmhTime("perfgate.warmupTime", warmupTime);
    }

    /** {@link #iterations}, or its default for this mode. */
    protected int iterations() {
        return iterations != null ? iterations : pairedMode() ? 2 : 5;
    }

    /** {@link #time}, or its default for this mode, in JMH's form ({@code 1.5s} becomes {@code 1500ms}). */
    protected String time() {
        return jmhTime("perfgate.time", time);
    }

    /**
     * A time per iteration as JMH reads it, or this mode's default when unset. A value the up-front check rejected
     * is returned as written, so that the check's message shows it.
     */
    private String jmhTime(String property, String value) {
        if (value == null || value.isBlank()) {
            return pairedMode() ? "500ms" : "1s";
        }
        try {
            return DurationParser.toJmhTime(value, property);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** Adds the checks of the parameters only this goal has. */
    protected void checkGoalParameters(ParameterCheck check) {
    }

    /** The project's base directory: what the paths in hints are relative to. */
    protected Path baseDirectory() {
        return project.getBasedir().toPath();
    }

    /** The build log, as the core writes to it. */
    protected Console console() {
        return Console.of(getLog()::info, getLog()::warn);
    }

    /** Records runs in {@link #baselineFile} (and, when given, the journal), as the core decides. */
    protected Recorder recorder(File journal) {
        return new Recorder(store, new Recorder.Files(baselineFile.toPath(), journal == null ? null : journal.toPath(),
                baseDirectory(), selective()), console());
    }

    /** Runs the benchmarks, or reads {@link #resultsFile} when it is set. */
    protected Measurement measure() throws PerfgateException {
        if (resultsFile != null) {
            getLog().info("perfgate: reading JMH results from " + resultsFile + " (no benchmarks are run)");
            return new Measurement(new JmhResultParser().parse(resultsFile.toPath()), null);
        }
        return run(request(list(include), forks, outputDirectory.toPath().resolve("jmh-result.json"), calibrate));
    }

    /** Builds a measurement request from the parameters, for the given selection and forks. */
    protected Measure.Request request(List<String> selection, int forkCount, Path resultFile, boolean withCalibration)
            throws PerfgateException {
        return new Measure.Request(javaExecutable(), classpath(), baseDirectory(), resultFile, selection,
                list(exclude), forkCount, warmupIterations(), warmupTime(), iterations(), time(), jvmArgs,
                jmhArgs == null ? "" : jmhArgs, allocation, withCalibration, timeoutDuration());
    }

    /** Runs one measurement; when JMH or a benchmark failed, JMH's last lines are logged first. */
    protected Measurement run(Measure.Request request) throws PerfgateException {
        String settings;
        try {
            settings = request.settings();
        } catch (IllegalArgumentException e) {
            throw new PerfgateException("perfgate.jmhArgs: " + e.getMessage(), e);
        }
        getLog().info("perfgate: running JMH benchmarks (" + settings + "; timeout " + timeout
                + (request.calibrate() ? "; with machine calibration" : "") + ")");
        JmhLog listener = new JmhLog(getLog());
        try (MeasurementLock.Held machine = holdMachine()) {
            return new Measure().run(request, listener);
        } catch (JmhRunException e) {
            if (e.kind() == JmhRunException.Kind.BENCHMARK_FAILED || e.kind() == JmhRunException.Kind.JMH_FAILED) {
                getLog().error("perfgate: the last lines JMH printed:");
                e.outputTail().forEach(line -> getLog().error("[jmh] " + line));
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PerfgateException("interrupted; the benchmark JVMs were stopped", e);
        }
    }

    /**
     * Takes the machine-wide measurement lock for this module, waiting (logged, bounded by {@code timeout}) while
     * another build or JMH run on this machine measures; a no-op when the results come from {@code resultsFile}.
     * Measurements take it themselves too; a caller holds it to keep several measurements together.
     */
    protected MeasurementLock.Held holdMachine() throws PerfgateException {
        if (resultsFile != null) {
            return () -> { };
        }
        try {
            return MeasurementLock.acquire(MeasurementLock.defaultDirectory(), project.getGroupId() + ":"
                    + project.getArtifactId() + " (" + project.getBasedir() + ")", timeoutDuration(),
                    why -> getLog().warn("perfgate: " + why));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PerfgateException("interrupted while waiting for the measurement lock", e);
        }
    }

    private Duration timeoutDuration() throws PerfgateException {
        try {
            return DurationParser.parse(timeout, "perfgate.timeout");
        } catch (IllegalArgumentException e) {
            throw new PerfgateException(e.getMessage(), e);
        }
    }

    /** True when only a selection of the benchmarks runs, so a baseline update must keep the others. */
    protected boolean selective() {
        return !list(include).isEmpty() || !list(exclude).isEmpty();
    }

    protected Baseline readBaseline() throws BaselineException {
        return store.read(baselineFile.toPath());
    }

    private Path javaExecutable() {
        if (jvm != null) {
            return jvm.toPath();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    private List<Path> classpath() throws PerfgateException {
        try {
            List<Path> paths = new ArrayList<>();
            for (String element : project.getTestClasspathElements()) {
                paths.add(Path.of(element));
            }
            return paths;
        } catch (DependencyResolutionRequiredException e) {
            throw new PerfgateException("the test classpath is not resolved: " + e.getMessage(), e);
        }
    }

    /** The non-blank values of a list parameter such as {@link #include}, trimmed; empty when it is not set. */
    protected static List<String> list(List<String> values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    result.add(v.trim());
                }
            }
        }
        return result;
    }
}
