package io.github.perfgate.report;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.ScoreUnit;
import io.github.perfgate.stats.ChangeEstimate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Figures and words the report writers share, so the four files never disagree. */
final class ReportText {

    /** The order in which the human-readable reports list benchmarks: what needs attention first. */
    private static final List<Verdict> URGENCY = List.of(Verdict.REGRESSED, Verdict.ALLOCATION_REGRESSED,
            Verdict.INCONCLUSIVE, Verdict.MISSING, Verdict.MODE_CHANGED, Verdict.IMPROVED, Verdict.NEW,
            Verdict.UNCHANGED);

    private ReportText() {
    }

    /**
     * The comparisons, most urgent verdict first, in the gate's (name) order within a verdict. A verdict this list
     * does not know yet comes first.
     */
    static List<BenchmarkComparison> byUrgency(List<BenchmarkComparison> comparisons) {
        return comparisons.stream().sorted(Comparator.comparingInt(c -> URGENCY.indexOf(c.verdict()))).toList();
    }

    /** True when the comparison has a change and an interval to show. */
    static boolean hasNumbers(BenchmarkComparison c) {
        ChangeEstimate e = c.estimate();
        return e != null && e.estimable() && Double.isFinite(e.ratio()) && Double.isFinite(e.lowerRatio())
                && Double.isFinite(e.upperRatio());
    }

    /** The benchmark's class: its name up to the last dot ({@code acme.ParserBench}). */
    static String className(BenchmarkKey key) {
        int dot = key.name().lastIndexOf('.');
        return dot < 0 ? "" : key.name().substring(0, dot);
    }

    /** The benchmark's method: its name after the last dot ({@code parse}). */
    static String methodName(BenchmarkKey key) {
        int dot = key.name().lastIndexOf('.');
        return key.name().substring(dot + 1);
    }

    /** The name without its package, with parameters: {@code ParserBench.parse[size=10]}. */
    static String shortName(BenchmarkKey key) {
        String full = key.displayName();
        String name = key.name();
        int method = name.lastIndexOf('.');
        int type = method <= 0 ? -1 : name.lastIndexOf('.', method - 1);
        return full.substring(type + 1);
    }

    /** The parameters as {@code size=10, format=json}, empty without any. */
    static String params(BenchmarkKey key) {
        return key.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The unit a comparison's figures are given in: the current result's, else the baseline's. */
    static ScoreUnit unit(BenchmarkComparison c) {
        return (c.current() != null ? c.current() : c.baseline()).unit();
    }

    /** The baseline's location in {@code unit}: the compared location when there is one, else JMH's score. */
    static double baselineLocation(BenchmarkComparison c, ScoreUnit unit) {
        return location(c.baseline(), c.estimate() == null ? Double.NaN : c.estimate().baselineLocation(), unit);
    }

    /** The current location in {@code unit}: the compared location when there is one, else JMH's score. */
    static double currentLocation(BenchmarkComparison c, ScoreUnit unit) {
        return location(c.current(), c.estimate() == null ? Double.NaN : c.estimate().currentLocation(), unit);
    }

    private static double location(BenchmarkResult result, double secondsPerOp, ScoreUnit unit) {
        if (result == null) {
            return Double.NaN;
        }
        double seconds = Double.isFinite(secondsPerOp) && secondsPerOp > 0 ? secondsPerOp
                : result.unit().toSecondsPerOp(result.primary().score());
        return unit.fromSecondsPerOp(seconds);
    }

    /** A claim status as words: {@code met}, {@code missed}, {@code no match}, {@code tests not run}. */
    static String statusLabel(ClaimResult.Status status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** What a claim promised, e.g. {@code ParserBench.parse at least 20% faster}. */
    static String claimText(ClaimResult r) {
        return r.claim().pattern().text() + " at least " + Percent.format(r.claim().target()) + " faster";
    }

    /** True when the claim result has an improvement and interval to show. */
    static boolean hasNumbers(ClaimResult r) {
        return Double.isFinite(r.improvement()) && Double.isFinite(r.lowerImprovement())
                && Double.isFinite(r.upperImprovement());
    }

    /** The improvement's interval, e.g. {@code +18.0%..+31.0%}. */
    static String improvementInterval(ClaimResult r) {
        return Percent.signed(r.lowerImprovement()) + ".." + Percent.signed(r.upperImprovement());
    }

    /**
     * The text with every character that XML 1.0 forbids (most control characters, lone surrogates) replaced by
     * U+FFFD, so that it can go into any XML or HTML document. Tabs and line breaks are kept.
     */
    static String xmlSafe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(ch)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(ch).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(ch)) {
                ok = false;
            } else {
                ok = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF);
            }
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(ok ? ch : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    /** The text on one line: line breaks and tabs become spaces. */
    static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    }
}
