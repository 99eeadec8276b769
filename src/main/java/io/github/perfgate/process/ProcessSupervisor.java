package io.github.perfgate.process;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts and supervises every JVM perfgate forks: the JMH host (and its benchmark listing) and the machine
 * calibration; and, under the same deadline, output and stopping rules, the other programs it runs (git and the
 * nested Maven build of the A/B mode, see {@link CommandLaunch}). One policy for all the JVMs:
 * <ul>
 *   <li><b>Environment.</b> The child inherits the build's environment without {@code MAVEN_OPTS},
 *       {@code JAVA_TOOL_OPTIONS}, {@code _JAVA_OPTIONS} and {@code JDK_JAVA_OPTIONS}: options meant for Maven's
 *       JVM (a debugger agent, a large heap) must not change what is measured. Its options are the launch's only.</li>
 *   <li><b>Watchdog.</b> The child runs under {@code watchdog.ParentWatchdog} (see {@link JvmLaunch}) with its standard
 *       input kept open as a pipe, so it ends itself and its descendants when Maven is gone, even after a SIGKILL.</li>
 *   <li><b>Output.</b> stdout and stderr merged, read as lines in the platform's native encoding; the last
 *       {@value OutputTail#LINES} are kept for failure messages.</li>
 *   <li><b>Stopping.</b> On the deadline, interruption of the calling thread, an exception from a line callback, or
 *       the build's JVM shutting down (Ctrl-C; a shutdown hook is registered while the child runs), the whole process
 *       tree is stopped: {@code destroy()}, then {@code destroyForcibly()} after a grace period of 3 seconds. Calls
 *       return only after that. A deadline gives {@code ProcessException.Kind.TIMEOUT}, a shutdown
 *       {@code INTERRUPTED}; an interrupted thread gets its {@code InterruptedException}.</li>
 * </ul>
 *
 * <p><b>Two ways to use it.</b> {@link #run} runs a JVM to completion with a deadline, passing each line to a
 * callback on the calling thread, and returns the exit code with the output's tail. {@link #start} returns the
 * {@link SupervisedProcess} itself, for a child that lives longer than one request. The same-machine A/B mode (a
 * long-lived JMH host per side, told over its standard input to run one fork at a time) would {@code start} each
 * host once, write one command line per fork to {@link SupervisedProcess#input()}, read
 * {@link SupervisedProcess#nextLine} with that fork's deadline until the host's done marker, and close the host at
 * the end; a deadline or Ctrl-C stops the host and its forks exactly as it stops a JMH run today. The watchdog
 * reads (and discards) standard input, so the host's main class takes its place: it reads one command per line and,
 * at the end of input, ends its forks and itself as the watchdog does (the launch would then name that main class
 * instead of wrapping it, the one change {@link JvmLaunch} needs).
 */
public final class ProcessSupervisor {

    /** Removed from every child's environment. */
    static final List<String> STRIPPED_ENVIRONMENT =
            List.of("MAVEN_OPTS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

    /** How a JVM run to completion ended: its exit code and its last output lines. */
    public record Completion(int exitCode, List<String> outputTail) {
        public Completion {
            outputTail = List.copyOf(outputTail);
        }
    }

    private final Duration gracePeriod;

    public ProcessSupervisor() {
        this(Duration.ofSeconds(3));
    }

    /** @param gracePeriod how long to wait after {@code destroy()} before {@code destroyForcibly()} */
    public ProcessSupervisor(Duration gracePeriod) {
        this.gracePeriod = gracePeriod;
    }

    /**
     * Starts the JVM. The caller must {@link SupervisedProcess#close() close} it (try-with-resources).
     *
     * @throws ProcessException {@code START_FAILED} if it cannot be started, {@code INTERRUPTED} if the build's JVM
     *                          is shutting down
     */
    public SupervisedProcess start(JvmLaunch launch) throws ProcessException {
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(launch.workingDirectory().toFile())
                .redirectErrorStream(true);
        applyEnvironmentPolicy(builder.environment());
        return SupervisedProcess.watch(started(builder), gracePeriod, nativeCharset());
    }

    /**
     * Starts a program that is not a JVM (see {@link CommandLaunch}) with exactly the launch's environment and its
     * standard input closed. The caller must {@link SupervisedProcess#close() close} it (try-with-resources).
     *
     * @throws ProcessException {@code START_FAILED} if it cannot be started, {@code INTERRUPTED} if the build's JVM
     *                          is shutting down
     */
    public SupervisedProcess start(CommandLaunch launch) throws ProcessException {
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(launch.workingDirectory().toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(launch.environment());
        Process process = started(builder);
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // The program ended already; its exit code will tell.
        }
        return SupervisedProcess.watch(process, gracePeriod, nativeCharset());
    }

    private static Process started(ProcessBuilder builder) throws ProcessException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new ProcessException(ProcessException.Kind.START_FAILED,
                    "Could not start " + builder.command().get(0) + ": " + e.getMessage(), e, List.of());
        }
    }

    /**
     * Runs the JVM to its end, passing each output line to {@code onLine} on this thread, in order, and returns its
     * exit code. Whatever way this method leaves early, the process tree is stopped first.
     *
     * @throws ProcessException     see {@link ProcessException.Kind}
     * @throws InterruptedException if this thread was interrupted; the process tree has been stopped
     */
    public Completion run(JvmLaunch launch, Deadline deadline, Consumer<String> onLine)
            throws ProcessException, InterruptedException {
        return completed(start(launch), deadline, onLine);
    }

    /**
     * Runs a program that is not a JVM to its end, as {@link #run(JvmLaunch, Deadline, Consumer)} runs a JVM.
     *
     * @throws ProcessException     see {@link ProcessException.Kind}
     * @throws InterruptedException if this thread was interrupted; the process tree has been stopped
     */
    public Completion run(CommandLaunch launch, Deadline deadline, Consumer<String> onLine)
            throws ProcessException, InterruptedException {
        return completed(start(launch), deadline, onLine);
    }

    /** Passes every line to {@code onLine}, waits for the exit; closes the process whatever happens. */
    public static Completion completed(SupervisedProcess started, Deadline deadline, Consumer<String> onLine)
            throws ProcessException, InterruptedException {
        try (SupervisedProcess process = started) {
            for (Optional<String> line = process.nextLine(deadline); line.isPresent();
                    line = process.nextLine(deadline)) {
                onLine.accept(line.get());
            }
            int exitCode = process.awaitExit(deadline);
            return new Completion(exitCode, process.outputTail());
        }
    }

    /** The one environment policy: the variables of {@link #STRIPPED_ENVIRONMENT} are removed. */
    static void applyEnvironmentPolicy(Map<String, String> environment) {
        STRIPPED_ENVIRONMENT.forEach(environment::remove);
    }

    /** The encoding a child JVM prints in, and in which the launcher reads an {@code @argfile}. */
    public static Charset nativeCharset() {
        String name = System.getProperty("native.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }
}
