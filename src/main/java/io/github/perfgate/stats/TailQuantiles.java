package io.github.perfgate.stats;

/**
 * The two ends of a percentile interval from a stream of {@code count} values, without storing or sorting
 * the stream: only the few order statistics each end needs are kept, in two small sorted buffers. After
 * the first values, almost every offer is rejected by one comparison.
 *
 * <p>Quantiles are type 7: {@code h = (count - 1) p}, linear between order statistics {@code floor(h)} and
 * {@code floor(h) + 1} (0-based). An undefined value (NaN) counts against both ends: as the smallest
 * value for the lower quantile and as the largest for the upper one.
 */
final class TailQuantiles {

    private final int count;
    private final double lowP;
    private final double highP;
    /** The smallest values seen, ascending. */
    private final double[] low;
    private int lowSize;
    /** The negated largest values seen, ascending (so the largest value first). */
    private final double[] high;
    private int highSize;
    private int offered;

    /**
     * @param count how many values will be offered
     * @param lowP probability of the lower quantile
     * @param highP probability of the upper quantile
     */
    TailQuantiles(int count, double lowP, double highP) {
        this.count = count;
        this.lowP = lowP;
        this.highP = highP;
        // Order statistics floor(h) and floor(h) + 1 from the bottom, resp. from the top.
        int lowRank = (int) Math.floor((count - 1) * lowP);
        int highRank = (int) Math.floor((count - 1) * highP);
        this.low = new double[Math.min(count, lowRank + 2)];
        this.high = new double[Math.min(count, count - highRank)];
    }

    void offer(double value) {
        offered++;
        if (Double.isNaN(value)) {
            insert(low, lowSize, Double.NEGATIVE_INFINITY);
            lowSize = Math.min(lowSize + 1, low.length);
            insert(high, highSize, Double.NEGATIVE_INFINITY);
            highSize = Math.min(highSize + 1, high.length);
            return;
        }
        if (lowSize < low.length || value < low[low.length - 1]) {
            insert(low, lowSize, value);
            lowSize = Math.min(lowSize + 1, low.length);
        }
        if (highSize < high.length || -value < high[high.length - 1]) {
            insert(high, highSize, -value);
            highSize = Math.min(highSize + 1, high.length);
        }
    }

    /** Inserts into the ascending {@code buffer[0..size)}, dropping the last element if full. */
    private static void insert(double[] buffer, int size, double value) {
        int i = Math.min(size, buffer.length - 1);
        while (i > 0 && buffer[i - 1] > value) {
            buffer[i] = buffer[i - 1];
            i--;
        }
        buffer[i] = value;
    }

    /** The lower quantile; -infinity stands for undefined values. */
    double lower() {
        check();
        double h = (count - 1) * lowP;
        int k = (int) Math.floor(h);
        double at = low[k];
        double next = k + 1 < count ? low[k + 1] : at;
        // With an infinity involved, take the outer one: the smaller.
        return Double.isInfinite(at) || Double.isInfinite(next) ? at : interpolate(at, next, h - k);
    }

    /** The upper quantile; +infinity stands for undefined values. */
    double upper() {
        check();
        double h = (count - 1) * highP;
        int k = (int) Math.floor(h);
        // Ascending rank k is descending rank count - 1 - k.
        int top = count - 1 - k;
        double at = -high[top];
        double next = top - 1 >= 0 ? -high[top - 1] : at;
        if (Double.isInfinite(at) || Double.isInfinite(next)) {
            return h == k ? at : next; // the outer one: the larger
        }
        return interpolate(at, next, h - k);
    }

    private void check() {
        if (offered != count) {
            throw new IllegalStateException("offered " + offered + " of " + count + " values");
        }
    }

    private static double interpolate(double at, double next, double fraction) {
        if (fraction == 0 || at == next) {
            return at;
        }
        return at + fraction * (next - at);
    }
}
