package io.github.perfgate.cpu;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * The arithmetic of {@link ThreadCpuProfiler}, apart from JMH so that it can be tested on known thread times: which
 * threads are the benchmark's, and their CPU time per operation over one iteration.
 *
 * <p>Depends on the JDK only: it is copied into the benchmark forks next to the profiler.
 */
public final class WorkerCpu {

    /** JMH names its benchmark threads {@code <benchmark>-jmh-worker-<n>} ({@code WorkerThreadFactories}). */
    public static final String WORKER_MARK = "-jmh-worker-";

    private WorkerCpu() {
    }

    /** True for JMH's benchmark threads; the control thread, GC, JIT and the rest are not the benchmark's. */
    public static boolean isWorker(String threadName) {
        return threadName != null && threadName.contains(WORKER_MARK);
    }

    /**
     * The CPU time of every live benchmark thread now, in nanoseconds, by thread id. Threads whose CPU time the JVM
     * cannot tell (ended meanwhile, or measurement off) are left out.
     */
    public static Map<Long, Long> snapshot(ThreadMXBean threads) {
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids, 0);
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : infos) {
            if (info != null && isWorker(info.getThreadName())) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    /**
     * The benchmark threads' CPU time per operation over an iteration, in nanoseconds: the sum over the threads alive
     * at its end of their CPU time then minus their CPU time at its start (0 for a thread started during the
     * iteration, whose whole CPU time is the iteration's), divided by the iteration's operations.
     *
     * @param before {@link #snapshot} at the start of the iteration
     * @param after {@link #snapshot} at its end
     * @param operations the operations of all threads in the iteration
     * @return the nanoseconds per operation, or NaN when there were no operations or no benchmark thread, or a
     *     thread's CPU time went backwards (not a CPU clock then)
     */
    public static double nanosPerOp(Map<Long, Long> before, Map<Long, Long> after, long operations) {
        if (operations <= 0 || after.isEmpty()) {
            return Double.NaN;
        }
        long total = 0;
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            long spent = thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
            if (spent < 0) {
                return Double.NaN;
            }
            total += spent;
        }
        return (double) total / operations;
    }
}
