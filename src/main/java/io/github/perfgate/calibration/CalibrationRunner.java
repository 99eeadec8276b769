package io.github.perfgate.calibration;

import io.github.perfgate.model.Calibration;
import io.github.perfgate.watchdog.WatchdogInstall;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
    private static final long TIMEOUT_SECONDS = 120;

    private final Path javaExecutable;
    private final Path owner;

    /**
     * @param owner the project the calibration is measured for, named on the JVM's command line
     *        ({@code -Dperfgate.owner=...}) so that {@code ps} tells which build a JVM belongs to
     */
    public CalibrationRunner(Path javaExecutable, Path owner) {
        this.javaExecutable = javaExecutable;
        this.owner = owner;
    }

    /**
     * Measures the workload in {@link #FORKS} JVMs.
     *
     * @throws CalibrationException when a calibration JVM fails, prints nothing usable, or takes over two minutes
     */
    public Calibration run() throws CalibrationException, InterruptedException {
        double[][] forks = new double[FORKS][];
        for (int f = 0; f < FORKS; f++) {
            forks[f] = runFork();
        }
        return new Calibration(CalibrationWorkload.ID, forks);
    }

    private double[] runFork() throws CalibrationException, InterruptedException {
        List<String> command = List.of(javaExecutable.toString(), "-Xms64m", "-Xmx64m", "-XX:+UseSerialGC",
                "-Xbatch", "-Dperfgate.owner=" + owner, "-cp", ownClasspath(),
                // The watchdog ends the calibration JVM when Maven is gone, even after a SIGKILL.
                WatchdogInstall.MAIN_CLASS, CalibrationWorkload.class.getName(), Long.toString(WARMUP_OPERATIONS),
                Integer.toString(ITERATIONS), Long.toString(ITERATION_MILLIS));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CalibrationException("Cannot start the calibration JVM (" + javaExecutable + "): " + e, e);
        }
        Thread hook = new Thread(process::destroyForcibly, "perfgate-calibration-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            List<String> lines = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "perfgate-calibration-output");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CalibrationException("The calibration JVM did not finish within " + TIMEOUT_SECONDS
                        + " s; the machine is overloaded. Disable calibration with -Dperfgate.calibrate=false.");
            }
            reader.join(5_000);
            synchronized (lines) {
                return parse(lines, process.exitValue());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is shutting down; the hook runs
            }
        }
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
