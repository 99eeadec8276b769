package io.github.perfgate.stats;

import java.util.Objects;

/**
 * How much a benchmark changed between a baseline and a current run, on a lower-is-better scale.
 *
 * <p>{@code ratio} is {@code currentLocation / baselineLocation}: 1.25 means 25% slower, 0.8 means 20%
 * faster. {@code [lowerRatio, upperRatio]} is a two-sided interval for that ratio at {@code confidence}.
 *
 * <p>When {@code estimable} is false the data do not support a ratio (no usable values, a zero location, an
 * unbounded interval...): the ratio fields are NaN, the locations are what could be measured (NaN if
 * nothing), and {@code caveat} says why. Callers must check {@code estimable} before using a ratio.
 *
 * <p>{@link HierarchicalBootstrap} guarantees {@code 0 <= lowerRatio <= ratio <= upperRatio < infinity} for
 * an estimable result. The record itself does not check it, so that callers can combine estimates (a
 * drift correction, another point estimate with the same interval) without tripping over rounding.
 *
 * @param baselineLocation the robust location of the baseline ({@link RobustLocation})
 * @param currentLocation the robust location of the current run
 * @param ratio current / baseline
 * @param lowerRatio lower end of the interval, at most {@code ratio}
 * @param upperRatio upper end of the interval, at least {@code ratio}
 * @param confidence two-sided confidence of the interval, in (0, 1)
 * @param estimable false if the ratio fields carry no information
 * @param caveat "" if none, else short human sentences (joined by "; ") a report can show next to the
 *     verdict, such as "1 fork: between-fork variance is not measured"
 */
public record ChangeEstimate(
        double baselineLocation,
        double currentLocation,
        double ratio,
        double lowerRatio,
        double upperRatio,
        double confidence,
        boolean estimable,
        String caveat) {

    public ChangeEstimate {
        Objects.requireNonNull(caveat, "caveat");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
    }

    /** A result that carries no ratio, with the reason in {@code caveat}. */
    public static ChangeEstimate notEstimable(
            double baselineLocation, double currentLocation, double confidence, String caveat) {
        return new ChangeEstimate(baselineLocation, currentLocation, Double.NaN, Double.NaN, Double.NaN,
                confidence, false, caveat);
    }

    /** Relative change: {@code ratio - 1}; 0.25 means 25% slower. */
    public double change() {
        return ratio - 1;
    }

    /** Lower end of the interval as a relative change. */
    public double lowerChange() {
        return lowerRatio - 1;
    }

    /** Upper end of the interval as a relative change. */
    public double upperChange() {
        return upperRatio - 1;
    }
}
