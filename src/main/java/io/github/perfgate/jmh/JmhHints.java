package io.github.perfgate.jmh;

import io.github.perfgate.process.Deadline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The messages of a JMH run that tell the user which {@code perfgate.*} property to change: kept together so that a
 * renamed property is renamed in every message at once.
 */
final class JmhHints {

    private JmhHints() {
    }

    /** No benchmark matched the includes and excludes. */
    static String noMatch(List<String> jmhArguments) {
        return "No benchmark matches the selection passed to JMH (arguments: " + String.join(" ", jmhArguments)
                + "). Includes (-Dperfgate.include) and excludes are regular expressions that JMH looks for"
                + " anywhere in package.Class.method; check them against the benchmarks in your test sources.";
    }

    /**
     * JMH ran past the configured timeout. The request carries the configured timeout itself: waiting for the
     * measurement lock is bounded separately and does not shorten it.
     *
     * @param running the benchmark that was running, or {@code null} before the first
     */
    static String runTimedOut(Duration timeout, String running) {
        return "JMH did not finish within the timeout of " + Deadline.format(timeout) + " and was stopped "
                + (running == null ? "before any benchmark had started" : "while running " + running) + ". "
                + "Allow more time with " + doubledTimeout(timeout)
                + ", use fewer or shorter iterations or forks, or select fewer benchmarks with"
                + " -Dperfgate.include=<regex>.";
    }

    /** The measurement lock stayed taken by {@code holder} for the whole timeout. */
    static String lockWaitTimedOut(Duration timeout, String holder) {
        return "Waited the whole timeout of " + Deadline.format(timeout) + " for another measurement on this machine"
                + " to finish (held by " + holder + ") and gave up; nothing was measured. Benchmarks measured side"
                + " by side disturb each other's timings: run benchmark builds one at a time on a machine, or allow"
                + " more time with " + doubledTimeout(timeout) + ".";
    }

    /** JMH exited normally without writing its JSON. */
    static String noResultFile(Path resultFile) {
        return "JMH finished but wrote no result file at " + resultFile
                + ". If perfgate.jmhArgs sets -rf or -rff, remove them: perfgate reads JMH's JSON from there.";
    }

    private static String doubledTimeout(Duration timeout) {
        return "-Dperfgate.timeout=" + Deadline.format(timeout.multipliedBy(2));
    }
}
