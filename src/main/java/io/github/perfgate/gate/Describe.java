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
     * now 293 us/op, 99% CI +31.0%..+45.0%, tolerance 10%)}; when CPU time took part ({@link #metricNamed}), the
     * metric that decided and the other's change follow the tolerance: {@code ..., tolerance 5%; CPU time decided,
     * wall time +41.0%}.
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
        if (metricNamed(c)) {
            s.append("; ").append(c.decidedBy().label()).append(" decided");
            if (c.other() != null) {
                s.append(", ").append(otherFigure(c));
            }
        }
        if (!c.reason().isEmpty()) {
            s.append("; ").append(c.reason());
        }
        return s.append(')').toString();
    }

    /**
     * True when CPU time took part in the decision (it decided, or both metrics were weighed), so that which time per
     * operation decided is worth saying. A baseline check that decides by wall time and reports CPU time as a figure
     * only does not name it, and its sentences read as before.
     */
    public static boolean metricNamed(BenchmarkComparison c) {
        return c.estimate() != null && (c.decidedBy() == TimeMetric.CPU
                || c.other() != null && c.other().estimable());
    }

    /** The verdict's label, with the metric that decided when CPU time was measured: {@code regressed (CPU time)}. */
    public static String verdictLabel(BenchmarkComparison c) {
        return c.verdict().label() + (metricNamed(c) ? " (" + c.decidedBy().label() + ")" : "");
    }

    /**
     * The change of the time per operation that did not decide, e.g. {@code CPU time +0.8%}, for the reports;
     * empty when only one was measured.
     */
    public static String otherFigure(BenchmarkComparison c) {
        return c.other() == null || !Double.isFinite(c.other().change()) ? ""
                : otherLabel(c) + " " + Percent.signed(c.other().change());
    }

    /** The label of the time per operation that did not decide. */
    public static String otherLabel(BenchmarkComparison c) {
        return c.decidedBy() == TimeMetric.CPU ? TimeMetric.WALL.label() : TimeMetric.CPU.label();
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

    /**
     * The baseline's robust location in the baseline's own unit, e.g. {@code 212 us/op}; CPU time (when it decided)
     * in that unit when it is a time per operation, else in {@code ns/op} with {@code CPU} after it.
     */
    public static String baselineScore(BenchmarkComparison c) {
        return located(c.baseline(), c.estimate() == null ? Double.NaN : c.estimate().baselineLocation(),
                c.decidedBy() == TimeMetric.CPU);
    }

    /** The current robust location in the current run's unit (CPU time as for {@link #baselineScore}). */
    public static String currentScore(BenchmarkComparison c) {
        return located(c.current(), c.estimate() == null ? Double.NaN : c.estimate().currentLocation(),
                c.decidedBy() == TimeMetric.CPU);
    }

    private static String located(BenchmarkResult result, double secondsPerOp, boolean cpu) {
        if (result == null) {
            return "-";
        }
        ScoreUnit unit = result.unit();
        if (cpu && !Double.isNaN(secondsPerOp)) {
            ScoreUnit shown = unit.isTimePerOperation() ? unit : ScoreUnit.parse("ns/op");
            return number(shown.fromSecondsPerOp(secondsPerOp)) + " " + shown.label() + " CPU";
        }
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
