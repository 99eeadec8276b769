package io.github.perfgate.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.stats.ChangeEstimator;
import io.github.perfgate.stats.HierarchicalBootstrap;
import io.github.perfgate.stats.Samples;

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

    /** Compares all pairs; returns a sum so that nothing is dead code. */
    @Benchmark
    public double compare1000() {
        double sum = 0;
        for (int p = 0; p < PAIRS; p++) {
            ChangeEstimate e = estimator.estimate(baselines[p], currents[p], 0.99);
            sum += e.lowerRatio() + e.upperRatio();
        }
        return sum;
    }
}
