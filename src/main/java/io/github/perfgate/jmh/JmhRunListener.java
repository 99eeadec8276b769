package io.github.perfgate.jmh;

import java.time.Duration;

/**
 * Receives what a {@link JmhRunner} sees while JMH runs. Both methods are called on the thread that called
 * {@link JmhRunner#run}, never concurrently, in output order. An exception thrown here stops the run (the JMH
 * processes are killed) and propagates from {@code run}.
 */
public interface JmhRunListener {

    /** Does nothing; for callers that only want the result file. */
    JmhRunListener NONE = new JmhRunListener() {
    };

    /** One line of JMH's output (stdout and stderr merged), without the line terminator. */
    default void line(String line) {
    }

    /**
     * A new benchmark started.
     *
     * @param index     1-based position of this benchmark in the run
     * @param total     number of benchmarks in the run, or 0 if it is not known
     * @param benchmark the benchmark, with its parameters if it has any, e.g. {@code a.b.C.m (size = 10)}
     * @param eta       JMH's estimate of the time left for the whole run, or {@code null} if it printed none
     */
    default void progress(int index, int total, String benchmark, Duration eta) {
    }

    /** perfgate is waiting before it can run JMH; {@code why} says what for, in a sentence. */
    default void waiting(String why) {
    }
}
