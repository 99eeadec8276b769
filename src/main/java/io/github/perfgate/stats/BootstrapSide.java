package io.github.perfgate.stats;

/**
 * One side of a comparison, prepared for the two-level bootstrap.
 *
 * <p>A two-level resample draws {@code k} forks with replacement and, for each drawn fork, a resample of
 * its iterations; the side's statistic is the mean of the drawn forks' medians. The {@code k} drawn
 * medians are independent and identically distributed: pick a fork uniformly, then a median from that
 * fork's {@link ResampledMedian} table. So the statistic is the mean of {@code k} draws from one discrete
 * mixture over all forks' possible medians, and each draw is one random number and one lookup in a Walker
 * alias table built here. This is the same distribution as resampling forks and iterations literally.
 *
 * <p>The forks are those of {@link ForkSet} (NaN and upper outliers dropped), each scaled so that the
 * forks' spread around the location widens by {@code sqrt(k / (k - 1))} ({@link HierarchicalBootstrap}
 * says why).
 *
 * <p>Immutable after construction; {@link #draw(long)} takes the randomness from its caller.
 */
final class BootstrapSide {

    private static final double TWO_POW_32 = 0x1p32;

    /** Fork count after dropping forks without values; 0 if nothing is usable. */
    final int forks;
    /** Number of NaN values dropped. */
    final int droppedNaN;
    /** The point estimate ({@link RobustLocation}), NaN if no values. */
    final double location;
    /** Why this side cannot be used, or null. */
    final String problem;

    /**
     * Per alias column c: its own atom at [2c], its alias at [2c + 1]. Atoms are stored minus {@link
     * #location} and a statistic is {@code location + mean(draws)}, so that equal values give the
     * location back exactly.
     */
    private final double[] values;
    /** Per alias column: keep its own atom if the low 32 random bits are below this. */
    private final long[] threshold;
    private final int columns;
    private final double inverseForks;

    BootstrapSide(String name, Samples samples) {
        ForkSet set = ForkSet.of(samples);
        double[][] rows = set.rows;
        this.forks = rows.length;
        this.droppedNaN = set.droppedNaN;
        this.location = set.location;
        this.inverseForks = 1.0 / Math.max(1, forks);
        boolean negative = false;
        for (double[] row : rows) {
            negative |= row[0] < 0;
        }
        if (forks == 0 || hasNoFiniteValue(rows)) {
            problem = name + " has no finite samples";
        } else if (negative) {
            problem = name + " has negative values; expected time per operation";
        } else if (location == 0) {
            problem = name + " location is 0: a ratio is undefined; use a finer time unit";
        } else if (Double.isInfinite(location)) {
            problem = name + " location is infinite: half or more of a fork's iterations are infinite";
        } else {
            problem = null;
        }
        if (problem != null) {
            values = new double[0];
            threshold = new long[0];
            columns = 0;
            return;
        }

        // The mixture: each fork has weight 1/k, split over its table's rank pairs.
        int atoms = 0;
        for (double[] row : rows) {
            atoms += ResampledMedian.ofSize(row.length).size();
        }
        double[] atomValue = new double[atoms];
        double[] scaled = new double[atoms]; // probability * atoms: mean 1
        double spread = forks > 1 ? Math.sqrt(forks / (forks - 1.0)) : 1;
        int a = 0;
        for (int f = 0; f < forks; f++) {
            double[] row = rows[f];
            // Davison & Hinkley's adjustment: widen the forks' spread around the location by sqrt(k/(k-1)),
            // on a log scale so that it stays positive. Exactly 1 when the fork median equals the location.
            double factor = Math.pow(set.medians[f] / location, spread - 1);
            ResampledMedian table = ResampledMedian.ofSize(row.length);
            for (int t = 0; t < table.size(); t++) {
                double median = ResampledMedian.middle(row[table.low(t)], row[table.high(t)]);
                atomValue[a] = median * factor - location;
                scaled[a] = table.probability(t) * inverseForks * atoms;
                a++;
            }
        }

        // Vose's alias method: column c keeps its own atom with probability threshold[c] / 2^32, else
        // takes its alias.
        this.columns = atoms;
        this.values = new double[2 * atoms];
        this.threshold = new long[atoms];
        for (int c = 0; c < atoms; c++) {
            values[2 * c] = atomValue[c];
        }
        int[] small = new int[atoms];
        int[] large = new int[atoms];
        int smallCount = 0;
        int largeCount = 0;
        for (int c = 0; c < atoms; c++) {
            if (scaled[c] < 1) {
                small[smallCount++] = c;
            } else {
                large[largeCount++] = c;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int s = small[--smallCount];
            int l = large[largeCount - 1];
            threshold[s] = (long) (scaled[s] * TWO_POW_32);
            values[2 * s + 1] = atomValue[l];
            scaled[l] = (scaled[l] + scaled[s]) - 1;
            if (scaled[l] < 1) {
                largeCount--;
                small[smallCount++] = l;
            }
        }
        // Whatever is left has probability 1 up to rounding: it never uses its alias.
        while (largeCount > 0) {
            int c = large[--largeCount];
            threshold[c] = 1L << 32;
            values[2 * c + 1] = atomValue[c];
        }
        while (smallCount > 0) {
            int c = small[--smallCount];
            threshold[c] = 1L << 32;
            values[2 * c + 1] = atomValue[c];
        }
    }

    private static boolean hasNoFiniteValue(double[][] rows) {
        for (double[] row : rows) {
            if (Double.isFinite(row[0])) {
                return false;
            }
        }
        return true;
    }

    /** One fork's resampled median, minus {@link #location}: uses all 64 bits of {@code random}. */
    double draw(long random) {
        int c = (int) (((random >>> 32) * columns) >>> 32);
        // Branch-free: (low bits - threshold) >> 63 is -1 (keep own atom) or 0 (take the alias).
        long keep = ((random & 0xFFFFFFFFL) - threshold[c]) >> 63;
        return values[2 * c + 1 + (int) keep];
    }

    /** The side's statistic from the sum of {@link #forks} draws. */
    double statistic(double sumOfDraws) {
        return Math.max(0, location + sumOfDraws * inverseForks);
    }
}
