package io.github.perfgate.stats;

import java.util.Arrays;

/**
 * One side's iterations, cleaned as {@link RobustLocation} describes: NaN dropped, upper outliers
 * trimmed, each fork sorted, plus the per-fork medians and their mean.
 */
final class ForkSet {

    /**
     * An iteration is an upper outlier when its log residual is more than this many robust standard
     * deviations above the median: the modified z-score rule of Iglewicz and Hoaglin.
     */
    static final double OUTLIER_Z = 3.5;
    /** MAD of a normal distribution times this is its standard deviation. */
    static final double MAD_TO_SD = 1.4826;
    /**
     * Smallest robust standard deviation of log residuals used (0.5%): with coarse timer units most
     * iterations can be equal, the MAD 0, and every value above the median would look like an outlier.
     */
    static final double MIN_SCALE = 0.005;

    /** Non-empty forks, each sorted ascending, without NaN and without upper outliers. */
    final double[][] rows;
    /** Median of each row. */
    final double[] medians;
    /** Mean of {@link #medians}; NaN if there are no rows. */
    final double location;
    final int droppedNaN;
    final int droppedOutliers;

    private ForkSet(double[][] rows, double[] medians, double location, int droppedNaN, int droppedOutliers) {
        this.rows = rows;
        this.medians = medians;
        this.location = location;
        this.droppedNaN = droppedNaN;
        this.droppedOutliers = droppedOutliers;
    }

    static ForkSet of(Samples samples) {
        double[][] forks = samples.rows();
        double[][] rows = new double[forks.length][];
        int count = 0;
        int kept = 0;
        for (double[] fork : forks) {
            double[] row = new double[fork.length];
            int n = 0;
            for (double v : fork) {
                if (!Double.isNaN(v)) {
                    row[n++] = v;
                }
            }
            if (n > 0) {
                row = n == row.length ? row : Arrays.copyOf(row, n);
                Arrays.sort(row);
                rows[count++] = row;
                kept += n;
            }
        }
        rows = count == rows.length ? rows : Arrays.copyOf(rows, count);
        int droppedNaN = samples.totalCount() - kept;

        int droppedOutliers = trimUpperOutliers(rows);
        double[] medians = new double[rows.length];
        for (int f = 0; f < rows.length; f++) {
            medians[f] = ResampledMedian.median(rows[f]);
        }
        return new ForkSet(rows, medians, mean(medians), droppedNaN, droppedOutliers);
    }

    /**
     * Drops, in place, the upper outliers: iterations whose log residual {@code log(value / median of its
     * fork)} exceeds the median of the pooled log residuals by more than {@link #OUTLIER_Z} robust standard
     * deviations ({@code 1.4826 MAD}, at least {@link #MIN_SCALE}). Pooling over forks gives the rule more
     * than one fork's handful of values; dividing by the fork's median keeps a slow fork from looking
     * like a run of outliers; the median and MAD stay put with up to half the iterations contaminated.
     * Forks whose median is not positive and finite are left alone. Values at or below their fork's
     * median are never dropped, so no fork becomes empty and its median moves by at most half a rank per
     * dropped value.
     *
     * @return the number of iterations dropped
     */
    private static int trimUpperOutliers(double[][] rows) {
        int pooled = 0;
        for (double[] row : rows) {
            if (trimmable(row)) {
                pooled += row.length;
            }
        }
        if (pooled < 3) {
            return 0;
        }
        double[] residuals = new double[pooled];
        int r = 0;
        for (double[] row : rows) {
            if (trimmable(row)) {
                double logMedian = Math.log(ResampledMedian.median(row));
                for (double v : row) {
                    residuals[r++] = Math.log(v) - logMedian;
                }
            }
        }
        Arrays.sort(residuals);
        double center = ResampledMedian.median(residuals);
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = Math.abs(residuals[i] - center);
        }
        Arrays.sort(residuals);
        double scale = Math.max(MAD_TO_SD * ResampledMedian.median(residuals), MIN_SCALE);
        double fence = Math.max(0, center + OUTLIER_Z * scale);
        if (!(fence < Double.POSITIVE_INFINITY)) {
            return 0;
        }
        int dropped = 0;
        for (int f = 0; f < rows.length; f++) {
            double[] row = rows[f];
            if (trimmable(row)) {
                double limit = ResampledMedian.median(row) * Math.exp(fence);
                int n = row.length;
                while (n > 1 && row[n - 1] > limit) {
                    n--; // sorted: the outliers are the tail
                }
                if (n < row.length) {
                    dropped += row.length - n;
                    rows[f] = Arrays.copyOf(row, n);
                }
            }
        }
        return dropped;
    }

    private static boolean trimmable(double[] row) {
        double median = ResampledMedian.median(row);
        return row[0] >= 0 && median > 0 && median < Double.POSITIVE_INFINITY;
    }

    /** Type-7 quantile of sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int k = (int) Math.floor(h);
        if (k + 1 >= sorted.length || sorted[k] == sorted[k + 1]) {
            return sorted[k];
        }
        return sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]);
    }

    /**
     * Mean computed as {@code ref + mean(x - ref)} with {@code ref} the smallest value, so that equal values
     * give exactly that value back. NaN for no values.
     */
    static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double ref = Double.POSITIVE_INFINITY;
        for (double v : values) {
            ref = Math.min(ref, v);
        }
        if (Double.isInfinite(ref)) {
            return ref;
        }
        double sum = 0;
        for (double v : values) {
            sum += v - ref;
        }
        return ref + sum / values.length;
    }
}
