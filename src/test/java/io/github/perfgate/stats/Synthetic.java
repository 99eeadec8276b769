package io.github.perfgate.stats;

import java.util.SplittableRandom;

/**
 * Synthetic JMH data for tests: {@code 100 * scale * forkEffect * iterationNoise}, both lognormal, with
 * occasional outlier iterations multiplied by {@code outlierFactor}, as on a noisy CI machine.
 */
record Synthetic(double forkSigma, double iterationSigma, double outlierRate, double outlierFactor) {

    Samples draw(SplittableRandom random, int forks, int iterations, double scale) {
        double[][] data = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double forkEffect = Math.exp(forkSigma * gaussian(random));
            for (int i = 0; i < iterations; i++) {
                double v = 100 * scale * forkEffect * Math.exp(iterationSigma * gaussian(random));
                data[f][i] = random.nextDouble() < outlierRate ? v * outlierFactor : v;
            }
        }
        return new Samples(data);
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
