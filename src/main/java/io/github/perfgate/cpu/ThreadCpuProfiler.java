package io.github.perfgate.cpu;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that records the CPU time of the benchmark's own threads per operation, every iteration: the
 * secondary metric {@value #METRIC}, in {@value #UNIT}.
 *
 * <p>Per iteration it reads {@link ThreadMXBean#getThreadCpuTime(long)} (nanoseconds) of every thread JMH named
 * {@code *-jmh-worker-*} before and after the iteration, sums the workers' growth ({@code @Threads} and groups sum
 * their workers) and divides by the iteration's operations ({@link
 * org.openjdk.jmh.results.IterationResultMetaData#getAllOps()}, the operations over the whole iteration, as JMH's
 * own {@code gc.alloc.rate.norm} divides by). The control thread, GC, JIT and every other thread are left out: time
 * they spend is not the benchmark's code. Each iteration gets its own {@link ScalarResult}, so JMH's JSON holds one
 * value per fork and iteration in {@code secondaryMetrics["perfgate.cpu"].rawData}, like the primary metric's.
 *
 * <p>CPU time cannot see time a thread spends not running: waiting on a lock or a condition, sleeping, blocking on
 * I/O. A JVM that cannot measure thread CPU time gives no result, and the metric is absent.
 *
 * <p>perfgate adds it to every JMH run ({@code -prof io.github.perfgate.cpu.ThreadCpuProfiler}); users add nothing.
 */
public final class ThreadCpuProfiler implements InternalProfiler {

    /** The secondary metric's name in JMH's results. */
    public static final String METRIC = "perfgate.cpu";
    /** Its unit. */
    public static final String UNIT = "ns/op";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean supported;
    private Map<Long, Long> before = Map.of();

    public ThreadCpuProfiler() {
        boolean on = threads.isThreadCpuTimeSupported();
        if (on && !threads.isThreadCpuTimeEnabled()) {
            try {
                threads.setThreadCpuTimeEnabled(true);
            } catch (UnsupportedOperationException | SecurityException e) {
                on = false;
            }
        }
        this.supported = on;
    }

    @Override
    public String getDescription() {
        return "perfgate: CPU time of the benchmark threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = supported ? WorkerCpu.snapshot(threads) : Map.of();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        if (!supported) {
            return List.of();
        }
        double perOp = WorkerCpu.nanosPerOp(before, WorkerCpu.snapshot(threads), result.getMetadata().getAllOps());
        if (Double.isNaN(perOp)) {
            return List.of();
        }
        return List.of(new ScalarResult(METRIC, perOp, UNIT, AggregationPolicy.AVG));
    }
}
