package io.github.perfgate.stats;

import java.util.SplittableRandom;

/**
 * A synthetic machine for A/B tests whose speed changes over time, shared by whatever runs at that moment. Time is
 * counted in fork slots: an A/B run of {@code n} rounds fills slots {@code 0 .. 2n - 1}, the two forks of round
 * {@code r} taking slots {@code 2r} and {@code 2r + 1} in the order {@link RoundOrder} gives.
 *
 * <p>The machine's log slowdown at slot {@code s} of {@code S}: {@code trend * s} (a steady drift), plus a random walk
 * with steps of {@code walkSigma}, plus {@code ln(step)} from slot {@code S / 2} on (the machine gets that much
 * slower halfway, as when a neighbour starts). A fork measured at a slot is {@link Synthetic} data (fork effect,
 * iteration noise, outliers) times that slowdown.
 */
record DriftingMachine(Synthetic noise, int iterations, double trend, double walkSigma, double step) {

    /** Drift of slots {@code 0 .. slots - 1}, as factors. */
    double[] speeds(SplittableRandom random, int slots) {
        double[] speed = new double[slots];
        double walk = 0;
        for (int s = 0; s < slots; s++) {
            walk += walkSigma * Synthetic.gaussian(random);
            speed[s] = Math.exp(trend * s + walk + (s >= slots / 2 ? Math.log(step) : 0));
        }
        return speed;
    }

    /** One fork's iterations at a slot of the given slowdown, for code {@code ratio} times as slow. */
    double[] fork(SplittableRandom random, double slowdown, double ratio) {
        return noise.draw(random, 1, iterations, slowdown * ratio).rows()[0];
    }

    /**
     * One A/B run: {@code rounds} rounds in the order of {@code order}, the current side {@code ratio} times as slow
     * as the against side.
     */
    Run interleaved(SplittableRandom random, RoundOrder order, int rounds, double ratio) {
        double[] speed = speeds(random, 2 * rounds);
        double[][] current = new double[rounds][];
        double[][] against = new double[rounds][];
        for (int r = 0; r < rounds; r++) {
            boolean currentFirst = order.firstSide(r) == RoundOrder.Side.CURRENT;
            double currentSpeed = speed[2 * r + (currentFirst ? 0 : 1)];
            double againstSpeed = speed[2 * r + (currentFirst ? 1 : 0)];
            current[r] = fork(random, currentSpeed, ratio);
            against[r] = fork(random, againstSpeed, 1);
        }
        return new Run(current, against);
    }

    /**
     * Today's mode on the same machine: the against side's forks measured first (the baseline), then the current
     * side's, the same number of forks each.
     */
    Run sequential(SplittableRandom random, int forks, double ratio) {
        double[] speed = speeds(random, 2 * forks);
        double[][] current = new double[forks][];
        double[][] against = new double[forks][];
        for (int f = 0; f < forks; f++) {
            against[f] = fork(random, speed[f], 1);
        }
        for (int f = 0; f < forks; f++) {
            current[f] = fork(random, speed[forks + f], ratio);
        }
        return new Run(current, against);
    }

    /** The forks of a run, one row per fork; row {@code r} of both sides is round {@code r} when interleaved. */
    record Run(double[][] current, double[][] against) {

        PairedRounds paired(int rounds) {
            PairedRounds paired = new PairedRounds();
            for (int r = 0; r < rounds; r++) {
                paired.add(current[r], against[r]);
            }
            return paired;
        }

        PairedRounds paired() {
            return paired(current.length);
        }

        ChangeEstimate unpaired(HierarchicalBootstrap bootstrap, double confidence) {
            return bootstrap.estimate(new Samples(against), new Samples(current), confidence);
        }
    }
}
