package io.github.perfgate.stats;

/** Raw JMH data on a lower-is-better scale, one row per fork. (Placeholder until the stats engine lands.) */
public final class Samples {
    private final double[][] forks;

    public Samples(double[][] forks) {
        this.forks = new double[forks.length][];
        for (int i = 0; i < forks.length; i++) {
            this.forks[i] = forks[i].clone();
        }
    }

    public static Samples of(double[]... forks) {
        return new Samples(forks);
    }

    public int forkCount() {
        return forks.length;
    }

    public double[][] forks() {
        return new Samples(forks).forks;
    }

    public int totalCount() {
        int n = 0;
        for (double[] f : forks) {
            n += f.length;
        }
        return n;
    }
}
