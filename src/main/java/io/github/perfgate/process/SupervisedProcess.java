package io.github.perfgate.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JVM started by {@link ProcessSupervisor#start}: its output (stdout and stderr merged, in the order written) as
 * lines, its standard input, and its exit. Closing it stops the whole process tree unless the process has already
 * been seen to exit, and removes the shutdown hook that stops the tree when the build's JVM shuts down (Ctrl-C).
 * Use it from one thread.
 */
public final class SupervisedProcess implements AutoCloseable {

    /** Marks the end of the output in the line queue; compared by identity. */
    private static final String END_OF_OUTPUT = new String("<end of output>");

    private final Process process;
    private final Duration gracePeriod;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final OutputTail tail = new OutputTail(OutputTail.LINES);
    private final AtomicBoolean stoppedByShutdown = new AtomicBoolean();
    private final Thread shutdownHook;
    private final Writer input;
    private boolean endOfOutput;
    private boolean exited;

    private SupervisedProcess(Process process, Duration gracePeriod, Charset charset) {
        this.process = process;
        this.gracePeriod = gracePeriod;
        this.input = new OutputStreamWriter(process.getOutputStream(), charset);
        this.shutdownHook = new Thread(() -> {
            stoppedByShutdown.set(true);
            ProcessTree.destroy(process.toHandle(), gracePeriod);
        }, "perfgate-child-shutdown");
        Thread pump = new Thread(() -> pump(charset), "perfgate-child-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Watches a started process; stops it at once if the build's JVM is already shutting down. */
    static SupervisedProcess watch(Process process, Duration gracePeriod, Charset charset) throws ProcessException {
        SupervisedProcess supervised = new SupervisedProcess(process, gracePeriod, charset);
        try {
            Runtime.getRuntime().addShutdownHook(supervised.shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            ProcessTree.destroy(process.toHandle(), gracePeriod);
            throw supervised.stopped();
        }
        return supervised;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * The child's standard input, in the platform's native encoding. It is also how the child knows that perfgate is
     * alive: it stays open until {@link #close()}. The watchdog reads and discards what arrives, so only a main
     * class that takes the watchdog's place (reads its own commands, ends itself and its descendants at the end of
     * input) gets what is written here.
     */
    public Writer input() {
        return input;
    }

    /**
     * The next line of output, waiting for it until the deadline; empty at the end of the output.
     *
     * @throws ProcessException {@code TIMEOUT} once the deadline has passed (even if the process keeps printing)
     */
    public Optional<String> nextLine(Deadline deadline) throws ProcessException, InterruptedException {
        if (endOfOutput) {
            return Optional.empty();
        }
        long left = deadline.remainingNanos();
        String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
        if (line == null) {
            throw new ProcessException(ProcessException.Kind.TIMEOUT, "The process did not finish within the timeout"
                    + " of " + Deadline.format(deadline.timeout()) + " and was stopped.", null, tail.lines());
        }
        if (line == END_OF_OUTPUT) {
            endOfOutput = true;
            return Optional.empty();
        }
        return Optional.of(line);
    }

    /**
     * Waits for the process to exit and returns its exit code.
     *
     * @throws ProcessException {@code TIMEOUT} if it is still running at the deadline, {@code INTERRUPTED} if the
     *                          shutdown hook stopped it
     */
    public int awaitExit(Deadline deadline) throws ProcessException, InterruptedException {
        if (!process.waitFor(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS)) {
            throw new ProcessException(ProcessException.Kind.TIMEOUT, "The process did not finish within the timeout"
                    + " of " + Deadline.format(deadline.timeout()) + " and was stopped.", null, tail.lines());
        }
        exited = true;
        if (stoppedByShutdown.get()) {
            throw stopped();
        }
        return process.exitValue();
    }

    /** The last lines of output so far, including lines not yet taken with {@link #nextLine}. */
    public List<String> outputTail() {
        return tail.lines();
    }

    /** Stops the process and all its descendants now. */
    public void stop() {
        ProcessTree.destroy(process.toHandle(), gracePeriod);
    }

    /** Stops the process tree unless the process has exited, then removes the shutdown hook. */
    @Override
    public void close() {
        try {
            if (!exited) {
                stop();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run; nothing to remove.
            }
            // The child's standard input stays open until here: its watchdog ends it when the pipe closes.
            java.lang.ref.Reference.reachabilityFence(process);
        }
    }

    private ProcessException stopped() {
        return new ProcessException(ProcessException.Kind.INTERRUPTED, "The build was stopped (Ctrl-C or shutdown);"
                + " perfgate stopped the process and the processes it started.", null, tail.lines());
    }

    private void pump(Charset charset) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), charset))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                tail.add(line);
                lines.add(line);
            }
        } catch (IOException closed) {
            // The process was destroyed while we read; treat as end of output.
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }
}
