package io.github.perfgate.profile;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;

/** Real JFR recordings made in the test JVM. */
final class JfrFixtures {

    /** Set by {@link #spinForOneSecond()} so the JIT cannot drop its loop. */
    static volatile long sink;

    private JfrFixtures() {
    }

    /**
     * Records {@code jdk.ExecutionSample} every 10 ms while this thread runs {@link #spinForOneSecond()} and a
     * thread named like the profiler's own ({@code Attach Listener}) runs {@link #profilerWork()}, and dumps the
     * recording to {@code file}.
     */
    static Path recordSpinning(Path file) throws IOException, InterruptedException {
        try (Recording recording = new Recording()) {
            recording.enable(HotMethods.EXECUTION_SAMPLE).withPeriod(Duration.ofMillis(10));
            recording.start();
            Thread profiler = new Thread(JfrFixtures::profilerWork, "Attach Listener");
            profiler.start();
            spinForOneSecond();
            profiler.join();
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    /** Work on a thread that the ranking must leave out: about 300 ms of computing. */
    static void profilerWork() {
        long deadline = System.nanoTime() + 300_000_000L;
        long x = 7;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 31 + i;
            }
        }
        sink += x;
    }

    /** A recording in which nothing was sampled: no event is enabled. */
    static Path recordNothing(Path file) throws IOException {
        try (Recording recording = new Recording()) {
            recording.start();
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    /**
     * The known hot method: one call that computes until this thread has used a second of CPU time (so that a busy
     * machine does not cut its samples short), or five seconds have passed.
     */
    static void spinForOneSecond() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        long cpuDeadline = cpuTime ? threads.getCurrentThreadCpuTime() + 1_000_000_000L : 0;
        long wallDeadline = System.nanoTime() + (cpuTime ? 5_000_000_000L : 1_000_000_000L);
        long x = 0x9E3779B97F4A7C15L;
        while (System.nanoTime() < wallDeadline && (!cpuTime || threads.getCurrentThreadCpuTime() < cpuDeadline)) {
            for (int i = 0; i < 100_000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
        }
        sink = x;
    }
}
