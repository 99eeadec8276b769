package io.github.perfgate.jmh;

import io.github.perfgate.calibration.CalibrationException;
import io.github.perfgate.calibration.CalibrationRunner;
import io.github.perfgate.cpu.CpuProfilerInstall;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Measurement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One measurement: checks that the classpath holds JMH benchmarks, runs them in a forked JVM with the requested
 * settings, and reads the JSON result. With calibration on, the fixed calibration workload is measured in fresh
 * JVMs just before and just after the benchmarks, so that the machine's speed during the run is known.
 */
public final class Measure {

    /** JMH's profiler whose {@code gc.alloc.rate.norm} is the allocation per operation. */
    public static final String GC_PROFILER = "gc";

    /** perfgate's profiler of CPU time per operation, on every run ({@link CpuProfilerInstall}). */
    public static final String CPU_PROFILER = CpuProfilerInstall.PROFILER;

    /** The heap of the JMH host JVM when the forks get {@link Request#jvmArgs()} and so inherit nothing from it. */
    static final List<String> HOST_JVM_ARGUMENTS = List.of("-Xmx512m");

    /**
     * The JVM options of the forks when {@link Request#jvmArgs()} is unset: given to the JMH host, whose options
     * JMH passes to every fork of a benchmark without {@code @Fork(jvmArgs = ...)}. A fixed heap keeps GC behaviour
     * comparable between runs; the host itself starts with nothing of Maven's (no {@code MAVEN_OPTS}, no JDK option
     * variables), so nothing of Maven's reaches a fork.
     */
    public static final List<String> DEFAULT_FORK_JVM_ARGUMENTS = List.of("-Xms1g", "-Xmx1g");

    /**
     * Names the project a JVM belongs to on its command line ({@code ps} shows which build a JVM is), on the JMH host
     * and the calibration JVMs.
     */
    public static final String OWNER_PROPERTY = "-Dperfgate.owner=";

    /**
     * What to run and how.
     *
     * @param include regular expressions of the benchmarks to run; empty runs all
     * @param jmhArgs raw JMH arguments appended last; they win over the settings above
     * @param allocation true to add JMH's {@code gc} profiler for allocation per operation
     * @param calibrate true to measure the calibration workload before and after the benchmarks
     * @param timeout the configured timeout: it bounds the wait for the measurement lock, the JMH run (its benchmark
     *        listing included) and each calibration, each on its own
     */
    public record Request(Path javaExecutable, List<Path> classpath, Path workingDirectory, Path resultFile,
            List<String> include, List<String> exclude, int forks, int warmupIterations, String warmupTime,
            int iterations, String time, String jvmArgs, String jmhArgs, boolean allocation, boolean calibrate,
            Duration timeout) {

        public Request {
            Objects.requireNonNull(javaExecutable, "javaExecutable");
            classpath = List.copyOf(classpath);
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
            jvmArgs = jvmArgs == null || jvmArgs.isBlank() ? null : jvmArgs;
            jmhArgs = jmhArgs == null ? "" : jmhArgs;
        }

        /**
         * The same request for other benchmarks, forks, result file and calibration: used to re-measure suspects.
         * The given forks win over a {@code -f} in {@link #jmhArgs()}, which is left out, so that the
         * re-measurement runs the forks it announces.
         *
         * @throws IllegalArgumentException if {@link #jmhArgs()} has an unclosed quote
         */
        public Request withSelection(List<String> onlyInclude, int forkCount, Path otherResultFile,
                boolean withCalibration) {
            return new Request(javaExecutable, classpath, workingDirectory, otherResultFile, onlyInclude, exclude,
                    forkCount, warmupIterations, warmupTime, iterations, time, jvmArgs,
                    JmhArguments.withoutOption(jmhArgs, "f"), allocation, withCalibration, timeout);
        }

        /** The same request on another classpath: the other side of a same-machine A/B check. */
        public Request withClasspath(List<Path> otherClasspath) {
            return new Request(javaExecutable, otherClasspath, workingDirectory, resultFile, include, exclude, forks,
                    warmupIterations, warmupTime, iterations, time, jvmArgs, jmhArgs, allocation, calibrate, timeout);
        }

        /**
         * The arguments JMH is given for this request.
         *
         * @throws IllegalArgumentException if {@link #jmhArgs()} has an unclosed quote or sets {@code -rf}/{@code -rff}
         */
        public List<String> arguments() {
            return new JmhArguments()
                    .include(include)
                    .exclude(exclude)
                    .forks(forks)
                    .warmupIterations(warmupIterations)
                    .warmupTime(warmupTime)
                    .iterations(iterations)
                    .time(time)
                    .jvmArgs(jvmArgs)
                    .profilers(allocation ? List.of(CPU_PROFILER, GC_PROFILER) : List.of(CPU_PROFILER))
                    .resultFile(resultFile)
                    .extraArguments(jmhArgs)
                    .toList();
        }

        /**
         * The forks, iterations and times JMH will use, after {@link #jmhArgs()}: {@code 3 forks x 3 warm-up x 1s,
         * 5 x 1s} (see {@link JmhArguments#describeSettings(List, String)}).
         */
        public String settings() {
            return JmhArguments.describeSettings(arguments(), jmhArgs);
        }
    }

    private final JmhRunner runner;

    public Measure() {
        this(new JmhRunner());
    }

    Measure(JmhRunner runner) {
        this.runner = runner;
    }

    /**
     * Runs the benchmarks (between two calibrations when requested) and returns their results.
     *
     * @throws JmhRunException when there are no benchmarks, JMH fails, a benchmark throws, or the run times out
     * @throws JmhResultException when JMH's result file cannot be read
     * @throws CalibrationException when the calibration workload cannot be measured
     */
    public Measurement run(Request request, JmhRunListener listener)
            throws JmhRunException, JmhResultException, CalibrationException, InterruptedException {
        BenchmarkDiscovery.discover(request.classpath());
        // Held from the first calibration to the last fork, so that nothing measures beside any of them. A caller
        // that holds it already (a check with a re-measure) keeps it.
        try (MeasurementLock.Held held = MeasurementLock.acquire(MeasurementLock.defaultDirectory(),
                request.workingDirectory().toAbsolutePath().toString(), request.timeout(), listener::waiting)) {
            Calibration before = null;
            CalibrationRunner calibrationRunner = new CalibrationRunner(request.javaExecutable(),
                    request.workingDirectory().toAbsolutePath(), request.timeout());
            if (request.calibrate()) {
                before = calibrationRunner.run();
            }
            JmhRun run = runJmh(request, listener, true);
            Calibration calibration = before == null ? null : before.pooledWith(calibrationRunner.run());
            return new Measurement(run, calibration);
        }
    }

    /**
     * Runs one fork of benchmarks known to be on the classpath (a round of a same-machine A/B check): no discovery,
     * no listing, no calibration, so that a round costs the JMH host and the fork and nothing more.
     */
    public JmhRun runFork(Request request, JmhRunListener listener)
            throws JmhRunException, JmhResultException, InterruptedException {
        try (MeasurementLock.Held held = MeasurementLock.acquire(MeasurementLock.defaultDirectory(),
                request.workingDirectory().toAbsolutePath().toString(), request.timeout(), listener::waiting)) {
            return runJmh(request, listener, false);
        }
    }

    /** The JMH host's own options: perfgate holds JMH's lock, and the host's temporary files stay in the build. */
    static List<String> hostJvmArguments(Request request, Path temporaryDirectory) {
        List<String> arguments = new ArrayList<>(
                request.jvmArgs() == null ? DEFAULT_FORK_JVM_ARGUMENTS : HOST_JVM_ARGUMENTS);
        arguments.add(MeasurementLock.IGNORE_JMH_LOCK);
        arguments.add("-Djava.io.tmpdir=" + temporaryDirectory.toAbsolutePath());
        arguments.add(OWNER_PROPERTY + request.workingDirectory().toAbsolutePath());
        return arguments;
    }

    /** The temporary directory of a measurement: {@code tmp} beside its result file, in the build directory. */
    static Path temporaryDirectory(Request request) {
        return request.resultFile().toAbsolutePath().getParent().resolve("tmp");
    }

    private JmhRun runJmh(Request request, JmhRunListener listener, boolean listFirst)
            throws JmhRunException, JmhResultException, InterruptedException {
        Path temporaryDirectory = temporaryDirectory(request);
        try {
            Files.createDirectories(request.resultFile().toAbsolutePath().getParent());
            Files.deleteIfExists(request.resultFile());
            Files.createDirectories(temporaryDirectory);
        } catch (IOException e) {
            throw new JmhResultException("Cannot prepare the JMH result file " + request.resultFile() + ": " + e, e);
        }
        JmhRunRequest run = new JmhRunRequest(request.javaExecutable(), request.classpath(), request.arguments(),
                request.workingDirectory(), request.timeout(), hostJvmArguments(request, temporaryDirectory),
                temporaryDirectory);
        if (listFirst) {
            runner.run(run, listener);
        } else {
            runner.runListed(run, listener);
        }
        if (!Files.exists(request.resultFile())) {
            throw new JmhResultException(JmhHints.noResultFile(request.resultFile()));
        }
        return new JmhResultParser().parse(request.resultFile());
    }
}
