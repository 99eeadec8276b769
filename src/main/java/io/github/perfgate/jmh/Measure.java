package io.github.perfgate.jmh;

import io.github.perfgate.calibration.Calibration;
import io.github.perfgate.calibration.CalibrationException;
import io.github.perfgate.calibration.CalibrationRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /** Options of the JMH host JVM (not of the benchmark forks, which get {@link Request#jvmArgs()}). */
    static final List<String> HOST_JVM_ARGUMENTS = List.of("-Xmx512m");

    /** How often to retry while another JMH run holds JMH's lock. */
    static final Duration LOCK_RETRY = Duration.ofSeconds(10);

    /**
     * What to run and how.
     *
     * @param include regular expressions of the benchmarks to run; empty runs all
     * @param jmhArgs raw JMH arguments appended last; they win over the settings above
     * @param allocation true to add JMH's {@code gc} profiler for allocation per operation
     * @param calibrate true to measure the calibration workload before and after the benchmarks
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
            jvmArgs = jvmArgs == null ? "" : jvmArgs;
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
                    .profilers(allocation ? List.of(GC_PROFILER) : List.of())
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
    private final Duration lockRetry;

    public Measure() {
        this(new JmhRunner(), LOCK_RETRY);
    }

    Measure(JmhRunner runner, Duration lockRetry) {
        this.runner = runner;
        this.lockRetry = lockRetry;
    }

    /**
     * The benchmarks' results and, when requested, the calibration measured around them.
     *
     * @param calibration null when calibration was off
     */
    public record Measurement(JmhRun run, Calibration calibration) {
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
        Calibration before = null;
        CalibrationRunner calibrationRunner = new CalibrationRunner(request.javaExecutable());
        if (request.calibrate()) {
            before = calibrationRunner.run();
        }
        JmhRun run = runJmh(request, listener);
        Calibration calibration = before == null ? null : before.pooledWith(calibrationRunner.run());
        return new Measurement(run, calibration);
    }

    private JmhRun runJmh(Request request, JmhRunListener listener)
            throws JmhRunException, JmhResultException, InterruptedException {
        try {
            Files.createDirectories(request.resultFile().toAbsolutePath().getParent());
            Files.deleteIfExists(request.resultFile());
        } catch (IOException e) {
            throw new JmhResultException("Cannot prepare the JMH result file " + request.resultFile() + ": " + e, e);
        }
        List<String> arguments = request.arguments();
        long deadline = System.nanoTime() + request.timeout().toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new JmhRunException(JmhRunException.Kind.TIMEOUT, "Another JMH run on this machine held JMH's"
                        + " lock for the whole timeout of " + DurationParser.format(request.timeout())
                        + "; nothing was measured. Run benchmarks one at a time on a machine, or allow more time"
                        + " with -Dperfgate.timeout=...");
            }
            try {
                runner.run(new JmhRunRequest(request.javaExecutable(), request.classpath(), arguments,
                        request.workingDirectory(), left, HOST_JVM_ARGUMENTS), listener);
                break;
            } catch (JmhRunException e) {
                if (e.kind() != JmhRunException.Kind.LOCKED) {
                    throw e;
                }
                listener.waiting("another JMH run on this machine holds JMH's lock; waiting for it to finish,"
                        + " since benchmarks running side by side disturb each other");
                Thread.sleep(Math.min(lockRetry.toMillis(), Math.max(1, left.toMillis())));
            }
        }
        if (!Files.exists(request.resultFile())) {
            throw new JmhResultException("JMH finished but wrote no result file at " + request.resultFile()
                    + ". If perfgate.jmhArgs sets -rf or -rff, remove them: perfgate reads JMH's JSON from there.");
        }
        return new JmhResultParser().parse(request.resultFile());
    }
}
