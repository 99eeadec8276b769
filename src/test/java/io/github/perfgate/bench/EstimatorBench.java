package io.github.perfgate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.stats.ChangeEstimator;
import io.github.perfgate.stats.HierarchicalBootstrap;
import io.github.perfgate.stats.Samples;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the statistics engine: one op compares {@link #PAIRS} benchmark pairs of {@code forks x
 * iterations} values, so the time per op times 10 is the cost of a 10,000-benchmark comparison.
 * Run with {@code scripts/bench-stats.sh}.
 *
 * <p>The data mimic a noisy CI machine: a per-fork effect (lognormal, 5%), per-iteration noise
 * (lognormal, 10%) and 5% outlier iterations at 10x; half the pairs carry a real 20% slowdown.
 *
 * <p>{@link #literal1000} is the yardstick: a literal two-level bootstrap with the same resample count
 * that builds and sorts every resampled fork. The ratio of the two scores does not depend on how loaded
 * the machine is.
 *
 * <p>Besides JMH's wall-clock score, the {@link Cpu} counters record the CPU time the benchmark thread
 * used: on a loaded shared machine the wall clock also counts the time other processes held the core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class EstimatorBench {

    /** Benchmark pairs compared per op. */
    public static final int PAIRS = 1000;

    @Param({"5"})
    public int forks;

    @Param({"10"})
    public int iterations;

    private Samples[] baselines;
    private Samples[] currents;
    private ChangeEstimator estimator;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20240601L);
        baselines = new Samples[PAIRS];
        currents = new Samples[PAIRS];
        for (int p = 0; p < PAIRS; p++) {
            baselines[p] = synthetic(random, 1.0);
            currents[p] = synthetic(random, p % 2 == 0 ? 1.0 : 1.2);
        }
        estimator = new HierarchicalBootstrap();
    }

    private Samples synthetic(SplittableRandom random, double scale) {
        double[][] data = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double forkEffect = Math.exp(0.05 * gaussian(random));
            for (int i = 0; i < iterations; i++) {
                double v = 100 * scale * forkEffect * Math.exp(0.10 * gaussian(random));
                data[f][i] = random.nextDouble() < 0.05 ? 10 * v : v;
            }
        }
        return new Samples(data);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** CPU time of the benchmark thread and calls, summed per measurement iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        public long cpuNanos;
        public long calls;
    }

    /** Compares all pairs; returns a sum so that nothing is dead code. */
    @Benchmark
    public double compare1000(Cpu cpu) {
        long start = Cpu.THREADS.getCurrentThreadCpuTime();
        double sum = 0;
        for (int p = 0; p < PAIRS; p++) {
            ChangeEstimate e = estimator.estimate(baselines[p], currents[p], 0.99);
            sum += e.lowerRatio() + e.upperRatio();
        }
        cpu.cpuNanos += Cpu.THREADS.getCurrentThreadCpuTime() - start;
        cpu.calls++;
        return sum;
    }

    /** The same comparisons by a literal two-level bootstrap: draw forks, draw iterations, sort each. */
    @Benchmark
    public double literal1000(Cpu cpu) {
        long start = Cpu.THREADS.getCurrentThreadCpuTime();
        double sum = 0;
        SplittableRandom random = new SplittableRandom(1);
        double[] ratios = new double[HierarchicalBootstrap.DEFAULT_RESAMPLES];
        for (int p = 0; p < PAIRS; p++) {
            double[][] b = baselines[p].forks();
            double[][] c = currents[p].forks();
            for (int r = 0; r < ratios.length; r++) {
                ratios[r] = literalStatistic(c, random) / literalStatistic(b, random);
            }
            Arrays.sort(ratios);
            sum += ratios[5] + ratios[ratios.length - 6];
        }
        cpu.cpuNanos += Cpu.THREADS.getCurrentThreadCpuTime() - start;
        cpu.calls++;
        return sum;
    }

    private static double literalStatistic(double[][] forks, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < forks.length; i++) {
            double[] fork = forks[random.nextInt(forks.length)];
            double[] resample = new double[fork.length];
            for (int j = 0; j < fork.length; j++) {
                resample[j] = fork[random.nextInt(fork.length)];
            }
            Arrays.sort(resample);
            int n = resample.length;
            sum += n % 2 == 1 ? resample[n / 2] : (resample[n / 2 - 1] + resample[n / 2]) / 2;
        }
        return sum / forks.length;
    }
}
