package io.github.perfgate.gate;

import io.github.perfgate.gate.ClaimResult.Status;
import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.surefire.TestSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether claimed optimisations hold, in two parts: what the measurement says ({@link #measure}), then
 * what this build's tests say ({@link #judge}).
 *
 * <p>The improvement of a benchmark is the time saved per operation, {@code 1 - current/baseline} on time per
 * operation (throughput is inverted first, as the {@link RegressionGate} does for every mode), so 1.25 times the
 * throughput is a 20% improvement and half the time per operation is 50%. Its interval at the report's confidence is
 * {@code [1 - upperRatio, 1 - lowerRatio]}. A claim on a benchmark is
 * <ul>
 *   <li>met when the improvement reaches the target and is statistically real (its interval lies above 0); with
 *       {@code strict}, when the whole interval reaches the target;</li>
 *   <li>missed otherwise;</li>
 *   <li>refused when tests failed in this build or did not run, whatever it measured: an optimisation that breaks
 *       functionality, or that nothing shows did not, is not accepted;</li>
 *   <li>not measured when the benchmark has no comparable baseline entry or did not run.</li>
 * </ul>
 * A claim that matches no benchmark is refused with the nearest benchmark names. Every message is a sentence that
 * ends with what to do next ({@link ClaimMessages}).
 */
public final class ClaimEvaluator {

    /** How many near benchmark names a claim that matches nothing lists. */
    public static final int MAX_NEAR_NAMES = ClaimMessages.MAX_NEAR_NAMES;

    /** How many failing tests a refused claim names. */
    public static final int MAX_FAILING_TESTS = ClaimMessages.MAX_FAILING_TESTS;

    /** Improvements this close to the target count as reaching it (rounding of 1 - 1/1.25 and the like). */
    static final double EPSILON = 1e-9;

    /**
     * Evaluates every claim against the comparisons of a report and this build's tests: {@link #judge} of
     * {@link #measure}.
     */
    public List<ClaimResult> evaluate(List<Claim> claims, GateReport report, TestSummary tests, boolean strict) {
        return judge(measure(claims, report, strict), tests);
    }

    /**
     * What the measurement says about every claim, the tests aside.
     *
     * @param claims the claims, e.g. from {@link ClaimParser}
     * @param report the comparison of this run with the baseline
     * @param strict require the whole interval of the improvement to reach the target
     * @return one result per claim and matched benchmark, in the order of the claims and then of the report; one
     *         {@link Status#NO_MATCH} result for a claim that matches nothing
     */
    public List<ClaimMeasurement> measure(List<Claim> claims, GateReport report, boolean strict) {
        Objects.requireNonNull(report, "report");
        List<ClaimMeasurement> results = new ArrayList<>();
        for (Claim claim : claims) {
            List<BenchmarkComparison> matched = report.comparisons().stream()
                    .filter(c -> claim.pattern().matches(c.key())).toList();
            if (matched.isEmpty()) {
                results.add(new ClaimMeasurement(claim, null, Status.NO_MATCH, Double.NaN, Double.NaN, Double.NaN,
                        ClaimMessages.noMatch(claim, report), ""));
                continue;
            }
            for (BenchmarkComparison c : matched) {
                results.add(measure(claim, c, report, strict));
            }
        }
        return results;
    }

    /**
     * The claims as this build's tests leave them: a measured claim is refused when tests failed or did not run,
     * whatever it measured; the others keep what the measurement said.
     */
    public List<ClaimResult> judge(List<ClaimMeasurement> measured, TestSummary tests) {
        Objects.requireNonNull(tests, "tests");
        List<ClaimResult> results = new ArrayList<>();
        for (ClaimMeasurement m : measured) {
            Status status = m.status();
            String message = m.message();
            if (m.measured() && tests.failed()) {
                status = Status.TESTS_FAILED;
                message = ClaimMessages.testsFailed(m.claim(), tests, m.figures(), m.met());
            } else if (m.measured() && !tests.ran()) {
                status = Status.TESTS_NOT_RUN;
                message = ClaimMessages.testsNotRun(m.claim(), tests, m.figures(), m.met());
            }
            results.add(new ClaimResult(m.claim(), m.comparison(), status, m.improvement(), m.lowerImprovement(),
                    m.upperImprovement(), message));
        }
        return results;
    }

    private ClaimMeasurement measure(Claim claim, BenchmarkComparison c, GateReport report, boolean strict) {
        String name = name(c, report);
        ChangeEstimate e = c.estimate();
        if (e == null || !e.estimable()) {
            return new ClaimMeasurement(claim, c, Status.NOT_MEASURED, Double.NaN, Double.NaN, Double.NaN,
                    ClaimMessages.notMeasured(claim, c, name), "");
        }
        double improvement = 1 - e.ratio();
        double lower = 1 - e.upperRatio();
        double upper = 1 - e.lowerRatio();
        double target = claim.target();
        boolean reached = improvement >= target - EPSILON;
        boolean real = e.upperRatio() < 1;
        boolean intervalReached = lower >= target - EPSILON;
        boolean met = reached && real && (!strict || intervalReached);
        String figures = figures(improvement, lower, upper, target, report.confidence(), strict);
        String measured = measured(name, improvement, target);
        String message;
        if (met) {
            message = "Claim met: " + measured + " " + figures;
        } else if (!reached) {
            message = "Claim missed: " + measured + " " + figures + ". Revert the change or try another approach;"
                    + " rerun only this benchmark with: " + ClaimMessages.rerun(claim, c, false);
        } else if (!real) {
            message = "Claim missed: " + measured + ", but that is not statistically certain " + figures
                    + ": the interval reaches 0%, so the change may not be faster at all. Measure with more forks to"
                    + " narrow it, or revert the change; rerun only this benchmark with more forks: "
                    + ClaimMessages.rerun(claim, c, true);
        } else {
            message = "Claim missed: " + measured + ", but strict claims need the whole interval to reach the target "
                    + figures + ". Measure with more forks to narrow the interval, or lower the target; rerun only"
                    + " this benchmark with more forks: " + ClaimMessages.rerun(claim, c, true);
        }
        return new ClaimMeasurement(claim, c, met ? Status.MET : Status.MISSED, improvement, lower, upper, message,
                measured + " " + figures);
    }

    /** {@code acme.ParserBench.parse is 27.3% faster}, or {@code ... is 12.0% slower}. */
    private static String measured(String name, double improvement, double target) {
        return slower(improvement) ? name + " is " + figure(-improvement, Double.NaN) + " slower"
                : name + " is " + figure(improvement, target) + " faster";
    }

    /** True when the improvement is negative and prints as at least 0.1%. */
    private static boolean slower(double improvement) {
        return improvement <= -0.0005;
    }

    /** {@code (99% CI 24.1%..30.2%, target 20%)}: the interval of the improvement and the target. */
    private static String figures(double improvement, double lower, double upper, double target, double confidence,
            boolean strict) {
        return "(" + (slower(improvement) ? "improvement " + figure(improvement, target) + ", " : "")
                + Percent.format(confidence) + " CI " + figure(lower, target) + ".." + figure(upper, Double.NaN)
                + ", target " + Percent.format(target) + (strict ? " for the whole interval" : "") + ")";
    }

    /**
     * A fraction as a percentage with one decimal ({@code 27.3%}, {@code -1.2%}); with more decimals when one
     * would round a value below the target up to it, so a miss never prints as {@code 20.0%} against 20%.
     */
    static String figure(double fraction, double target) {
        if (Double.isNaN(fraction)) {
            return "n/a";
        }
        if (Double.isInfinite(fraction)) {
            return fraction > 0 ? "inf%" : "-inf%";
        }
        boolean below = !Double.isNaN(target) && fraction < target - EPSILON;
        String text = decimals(fraction, 1);
        for (int d = 2; below && d <= 4 && Double.parseDouble(text) >= target * 100; d++) {
            text = decimals(fraction, d);
        }
        return text + "%";
    }

    private static String decimals(double fraction, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", fraction * 100);
        return text.matches("-0\\.0+") ? text.substring(1) : text;
    }

    /** The display name, with the mode when the report holds the same benchmark in another mode. */
    private static String name(BenchmarkComparison c, GateReport report) {
        boolean ambiguous = report.comparisons().stream()
                .anyMatch(o -> o.key().sameBenchmark(c.key()) && o.key().mode() != c.key().mode());
        return ambiguous ? c.key().displayName() + " (" + c.key().mode().shortName() + ")" : c.key().displayName();
    }
}
