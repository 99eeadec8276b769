package io.github.perfgate.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Placeholder two-level bootstrap until the stats engine lands. */
public final class HierarchicalBootstrap implements ChangeEstimator {
    private final int resamples;
    private final long seed;

    public HierarchicalBootstrap() {
        this(1000, 42);
    }

    public HierarchicalBootstrap(int resamples, long seed) {
        this.resamples = resamples;
        this.seed = seed;
    }

    @Override
    public ChangeEstimate estimate(Samples baseline, Samples current, double confidence) {
        double b = location(baseline.forks());
        double c = location(current.forks());
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            ratios[i] = location(resample(current.forks(), random)) / location(resample(baseline.forks(), random));
        }
        Arrays.sort(ratios);
        double alpha = (1 - confidence) / 2;
        int lo = (int) Math.floor(alpha * (resamples - 1));
        int hi = (int) Math.ceil((1 - alpha) * (resamples - 1));
        return new ChangeEstimate(b, c, c / b, ratios[lo], ratios[hi], confidence, true, "");
    }

    private static double[][] resample(double[][] forks, SplittableRandom random) {
        double[][] out = new double[forks.length][];
        for (int f = 0; f < forks.length; f++) {
            double[] fork = forks[forks.length == 1 ? 0 : random.nextInt(forks.length)];
            out[f] = new double[fork.length];
            for (int i = 0; i < fork.length; i++) {
                out[f][i] = fork[random.nextInt(fork.length)];
            }
        }
        return out;
    }

    private static double location(double[][] forks) {
        double sum = 0;
        for (double[] fork : forks) {
            double[] sorted = fork.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            sum += n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
        return sum / forks.length;
    }
}
