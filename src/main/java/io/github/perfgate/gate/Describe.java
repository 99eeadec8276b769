package io.github.perfgate.gate;

import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.ScoreUnit;
import io.github.perfgate.stats.ChangeEstimate;
import java.util.Locale;

/** Turns comparisons into the sentences and figures perfgate prints. */
public final class Describe {

    private Describe() {
    }

    /**
     * One sentence a reviewer can act on, e.g. {@code acme.ParserBench.parse regressed +38.2% (baseline 212 us/op,
     * now 293 us/op, 99% CI +31.0%..+45.0%, tolerance 10%)}.
     */
    public static String sentence(BenchmarkComparison c, double confidence) {
        StringBuilder s = new StringBuilder(c.key().displayName());
        if (c.estimate() == null) {
            s.append(' ').append(c.verdict().label());
            if (!c.reason().isEmpty()) {
                s.append(" (").append(c.reason()).append(')');
            }
            return s.toString();
        }
        ChangeEstimate e = c.estimate();
        if (c.verdict() == Verdict.ALLOCATION_REGRESSED && e.estimable()) {
            // The time change and the allocation growth point different ways: say both in words, never
            // "allocates more -85.8%".
            s.append(' ').append(timeChange(e.change())).append(" allocates more");
        } else {
            s.append(' ').append(c.verdict().label());
            if (e.estimable()) {
                s.append(' ').append(Percent.signed(e.change()));
            }
        }
        s.append(" (baseline ").append(baselineScore(c)).append(", now ").append(currentScore(c));
        if (e.estimable()) {
            s.append(", ").append(Percent.format(confidence)).append(" CI ").append(interval(e));
        }
        s.append(", tolerance ").append(Percent.format(c.tolerance()));
        if (!c.reason().isEmpty()) {
            s.append("; ").append(c.reason());
        }
        return s.append(')').toString();
    }

    /**
     * How the time per operation of a benchmark that allocates more changed, leading into "allocates more":
     * {@code is 85.8% faster but}, {@code is 3.1% slower and}, {@code is as fast as before but}.
     */
    static String timeChange(double change) {
        String magnitude = String.format(Locale.ROOT, "%.1f%%", Math.abs(change) * 100);
        if (magnitude.equals("0.0%")) {
            return "is as fast as before but";
        }
        return change < 0 ? "is " + magnitude + " faster but" : "is " + magnitude + " slower and";
    }

    /**
     * The growth of allocation per operation beyond its tolerance, as the reason of a verdict says it, e.g.
     * {@code allocation 22.9 -> 20,019 B/op (+87319.2%), beyond the 10% allocation tolerance}.
     */
    public static String allocationGrowth(ChangeEstimate allocation, double tolerance) {
        return "allocation " + allocationFigures(allocation) + ", beyond the " + Percent.format(tolerance)
                + " allocation tolerance";
    }

    /**
     * Bytes per operation before and after with the change, e.g. {@code 22.9 -> 20,019 B/op (+87320.5%)}, or
     * {@code (was none)} when the baseline allocated next to nothing.
     */
    public static String allocationFigures(ChangeEstimate allocation) {
        return bytes(allocation.baselineLocation()) + " -> " + bytes(allocation.currentLocation()) + " B/op ("
                + (allocation.estimable() ? Percent.signed(allocation.change()) : "was none") + ")";
    }

    /** Bytes as {@link #number}, with thousands separated for 1,000 and more: {@code 20,019}. */
    static String bytes(double value) {
        return Double.isFinite(value) && Math.abs(value) >= 1000 && Math.abs(value) < 1e9
                ? String.format(Locale.ROOT, "%,.0f", value) : number(value);
    }

    /** The interval of the change, e.g. {@code +31.0%..+45.0%}. */
    public static String interval(ChangeEstimate e) {
        return Percent.signed(e.lowerChange()) + ".." + Percent.signed(e.upperChange());
    }

    /** The baseline's robust location in the baseline's own unit, e.g. {@code 212 us/op}. */
    public static String baselineScore(BenchmarkComparison c) {
        return located(c.baseline(), c.estimate() == null ? Double.NaN : c.estimate().baselineLocation());
    }

    /** The current robust location in the current run's unit. */
    public static String currentScore(BenchmarkComparison c) {
        return located(c.current(), c.estimate() == null ? Double.NaN : c.estimate().currentLocation());
    }

    private static String located(BenchmarkResult result, double secondsPerOp) {
        if (result == null) {
            return "-";
        }
        ScoreUnit unit = result.unit();
        double value = Double.isNaN(secondsPerOp) ? result.primary().score() : unit.fromSecondsPerOp(secondsPerOp);
        return number(value) + " " + unit.label();
    }

    /** A number with three to four significant digits, without exponent for everyday magnitudes. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        double abs = Math.abs(value);
        if (abs >= 1e9 || (abs < 1e-3 && abs > 0)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
