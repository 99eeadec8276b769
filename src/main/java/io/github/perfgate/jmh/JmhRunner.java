package io.github.perfgate.jmh;

import io.github.perfgate.process.Deadline;
import io.github.perfgate.process.JvmLaunch;
import io.github.perfgate.process.ProcessException;
import io.github.perfgate.process.ProcessSupervisor;
import io.github.perfgate.process.ProcessSupervisor.Completion;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs JMH in its own JVM under the {@link ProcessSupervisor}: first the benchmark listing
 * ({@link BenchmarkListing}, for the progress total), then the run, both on the command line of
 * {@link JmhCommandLine} and both within the request's one timeout. {@link JmhOutputTracker} follows the run's output
 * for progress and explains a failure.
 *
 * <p><b>Stopping.</b> On timeout, interruption of the calling thread, an exception from the listener, or JVM
 * shutdown (Ctrl-C), the whole process tree is stopped (see {@link ProcessSupervisor}); {@code run} returns only
 * after that.
 */
public final class JmhRunner {

    private final ProcessSupervisor supervisor;

    public JmhRunner() {
        this(new ProcessSupervisor());
    }

    JmhRunner(ProcessSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    /**
     * Runs JMH and returns when it has finished successfully; results are wherever the JMH arguments told JMH to
     * write them ({@code -rff}).
     *
     * @throws JmhRunException      if JMH or a benchmark failed, the run timed out, or it was stopped from outside;
     *                              no JMH process is left running
     * @throws InterruptedException if the calling thread was interrupted; the JMH processes have been stopped
     */
    public void run(JmhRunRequest request, JmhRunListener listener) throws JmhRunException, InterruptedException {
        run(request, listener, true);
    }

    /**
     * Runs JMH without listing the benchmarks first: for a run whose benchmarks are known to exist (one fork of a
     * same-machine A/B round), which saves the listing's JVM start. Progress then has no total.
     */
    public void runListed(JmhRunRequest request, JmhRunListener listener) throws JmhRunException,
            InterruptedException {
        run(request, listener, false);
    }

    private void run(JmhRunRequest request, JmhRunListener listener, boolean listFirst) throws JmhRunException,
            InterruptedException {
        Deadline deadline = Deadline.after(request.timeout());
        try (JmhCommandLine commandLine = JmhCommandLine.prepare(request)) {
            int total = !listFirst ? 0 : BenchmarkListing.count(commandLine, request.jmhArguments(),
                    (launch, onLine) -> execute(launch, deadline, onLine, () -> null));
            JmhOutputTracker tracker = new JmhOutputTracker(listener, total);
            Completion run = execute(commandLine.launch(request.jmhArguments()), deadline, tracker::accept,
                    tracker::running);
            if (run.exitCode() != 0) {
                throw tracker.failure(run.exitCode(), run.outputTail(), request.jmhArguments());
            }
        }
    }

    /** Runs one JMH launch to its end; says what the supervisor's failures mean for JMH. */
    private Completion execute(JvmLaunch launch, Deadline deadline, Consumer<String> onLine, Supplier<String> running)
            throws JmhRunException, InterruptedException {
        try {
            return supervisor.run(launch, deadline, onLine);
        } catch (ProcessException e) {
            throw switch (e.kind()) {
                case START_FAILED -> new JmhRunException(JmhRunException.Kind.JMH_FAILED, e.getMessage(), e);
                case TIMEOUT -> new JmhRunException(JmhRunException.Kind.TIMEOUT,
                        JmhHints.runTimedOut(deadline.timeout(), running.get()), e, e.outputTail());
                case INTERRUPTED -> new JmhRunException(JmhRunException.Kind.INTERRUPTED, stoppedByShutdown(
                        running.get()), e, e.outputTail());
            };
        }
    }

    private static String stoppedByShutdown(String running) {
        return "The build was stopped (Ctrl-C or shutdown)"
                + (running == null ? "" : " while JMH was running " + running)
                + "; perfgate stopped JMH and its forked JVMs.";
    }
}
