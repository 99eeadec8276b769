package io.github.perfgate.calibration;

import io.github.perfgate.model.Calibration;
import io.github.perfgate.process.Deadline;
import io.github.perfgate.process.JvmLaunch;
import io.github.perfgate.process.ProcessException;
import io.github.perfgate.process.ProcessSupervisor;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@link CalibrationWorkload} in fresh JVMs, one per fork, and collects its figures.
 *
 * <p>Each JVM measures 5 iterations of 1 s, as long as a benchmark's default iterations: on a 2-core machine shared
 * with CPU-bound neighbours the share of CPU a thread gets changes as the scheduler moves it between cores, and only
 * iterations of about a second average that out. With 200 ms iterations the calibration's iterations varied 2.5
 * times as much as the benchmarks' (coefficient of variation 17% against 7% beside two CPU hogs), and its noise,
 * not the benchmarks', limited what the drift-corrected verdicts could detect. A calibration costs about 12 s; a
 * check runs two (before and after the benchmarks) and two more when it re-measures suspects.
 */
public final class CalibrationRunner {

    /** Forks per calibration; run once before and once after the benchmarks. */
    public static final int FORKS = 2;

    private static final long WARMUP_OPERATIONS = 30_000;
    private static final int ITERATIONS = 5;
    private static final long ITERATION_MILLIS = 1000;
    private static final String DISABLE = "disable calibration with -Dperfgate.calibrate=false";

    private final Path javaExecutable;
    private final Path owner;
    private final Duration timeout;
    private final ProcessSupervisor supervisor;

    /**
     * @param owner   the project the calibration is measured for: the JVMs' working directory, and named on their
     *                command line ({@code -Dperfgate.owner=...}) so that {@code ps} tells which build a JVM belongs to
     * @param timeout the configured timeout ({@code perfgate.timeout}); one calibration (all its JVMs) is stopped after
     *                this long
     */
    public CalibrationRunner(Path javaExecutable, Path owner, Duration timeout) {
        this(javaExecutable, owner, timeout, new ProcessSupervisor());
    }

    CalibrationRunner(Path javaExecutable, Path owner, Duration timeout, ProcessSupervisor supervisor) {
        this.javaExecutable = javaExecutable;
        this.owner = owner;
        this.timeout = timeout;
        this.supervisor = supervisor;
    }

    /**
     * Measures the workload in {@link #FORKS} JVMs.
     *
     * @throws CalibrationException when a calibration JVM fails, prints nothing usable, takes longer than the
     *                              timeout, or the build is stopped (Ctrl-C) while it runs
     * @throws InterruptedException if the calling thread was interrupted; the calibration JVM has been stopped
     */
    public Calibration run() throws CalibrationException, InterruptedException {
        Deadline deadline = Deadline.after(timeout);
        double[][] forks = new double[FORKS][];
        for (int f = 0; f < FORKS; f++) {
            forks[f] = runFork(deadline);
        }
        return new Calibration(CalibrationWorkload.ID, forks);
    }

    private double[] runFork(Deadline deadline) throws CalibrationException, InterruptedException {
        JvmLaunch launch = new JvmLaunch(javaExecutable, List.of("-Xms64m", "-Xmx64m", "-XX:+UseSerialGC", "-Xbatch",
                "-Dperfgate.owner=" + owner, "-cp", ownClasspath()), CalibrationWorkload.class.getName(),
                List.of(Long.toString(WARMUP_OPERATIONS), Integer.toString(ITERATIONS),
                        Long.toString(ITERATION_MILLIS)), owner);
        List<String> figures = new ArrayList<>();
        ProcessSupervisor.Completion completion;
        try {
            completion = supervisor.run(launch, deadline, line -> {
                if (line.startsWith(CalibrationWorkload.MARKER + " ")) {
                    figures.add(line);
                }
            });
        } catch (ProcessException e) {
            throw new CalibrationException(switch (e.kind()) {
                case START_FAILED -> "Cannot start the calibration JVM (" + javaExecutable + "): " + e.getCause()
                        + "; " + DISABLE + ".";
                case TIMEOUT -> "The calibration JVM did not finish within the timeout of "
                        + Deadline.format(deadline.timeout()) + " and was stopped; the machine is overloaded. Allow"
                        + " more time with -Dperfgate.timeout=" + Deadline.format(deadline.timeout().multipliedBy(2))
                        + " or " + DISABLE + ".";
                case INTERRUPTED -> "The build was stopped (Ctrl-C or shutdown) while the machine calibration ran;"
                        + " perfgate stopped the calibration JVM.";
            }, e);
        }
        // The figures' line is the workload's last, so the tail has it too; a failure quotes the tail.
        return parse(figures.isEmpty() ? completion.outputTail() : figures, completion.exitCode());
    }

    static double[] parse(List<String> lines, int exitCode) throws CalibrationException {
        for (String line : lines) {
            if (line.startsWith(CalibrationWorkload.MARKER + " ")) {
                String[] parts = line.substring(CalibrationWorkload.MARKER.length()).trim().split("\\s+");
                double[] values = new double[parts.length];
                try {
                    for (int i = 0; i < parts.length; i++) {
                        values[i] = Double.parseDouble(parts[i]);
                    }
                } catch (NumberFormatException e) {
                    break;
                }
                return values;
            }
        }
        throw new CalibrationException("The calibration JVM exited with code " + exitCode
                + " without printing its figures; its output was: " + String.join(" | ", lines)
                + ". Disable calibration with -Dperfgate.calibrate=false.");
    }

    /** The jar or classes directory that holds this class. */
    static String ownClasspath() throws CalibrationException {
        try {
            return Path.of(CalibrationWorkload.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new CalibrationException("Cannot locate perfgate's own classes for the calibration JVM: " + e, e);
        }
    }
}
