package io.github.perfgate.gate;

import io.github.perfgate.baseline.BaselineStore;
import io.github.perfgate.gate.ClaimResult.Status;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.surefire.TestSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Decides whether claimed optimisations hold.
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
 * ends with what to do next.
 */
public final class ClaimEvaluator {

    /** How many near benchmark names a claim that matches nothing lists. */
    public static final int MAX_NEAR_NAMES = 5;

    /** How many failing tests a refused claim names. */
    public static final int MAX_FAILING_TESTS = 10;

    /** Improvements this close to the target count as reaching it (rounding of 1 - 1/1.25 and the like). */
    static final double EPSILON = 1e-9;

    /**
     * Evaluates every claim against the comparisons of a report.
     *
     * @param claims the claims, e.g. from {@link ClaimParser}
     * @param report the comparison of this run with the baseline
     * @param tests what this build's test reports say
     * @param strict require the whole interval of the improvement to reach the target
     * @return one result per claim and matched benchmark, in the order of the claims and then of the report; one
     *         {@link Status#NO_MATCH} result for a claim that matches nothing
     */
    public List<ClaimResult> evaluate(List<Claim> claims, GateReport report, TestSummary tests, boolean strict) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(tests, "tests");
        List<ClaimResult> results = new ArrayList<>();
        for (Claim claim : claims) {
            List<BenchmarkComparison> matched = report.comparisons().stream()
                    .filter(c -> claim.pattern().matches(c.key())).toList();
            if (matched.isEmpty()) {
                results.add(new ClaimResult(claim, null, Status.NO_MATCH, Double.NaN, Double.NaN, Double.NaN,
                        noMatch(claim, report)));
                continue;
            }
            for (BenchmarkComparison c : matched) {
                results.add(evaluate(claim, c, report, tests, strict));
            }
        }
        return results;
    }

    private ClaimResult evaluate(Claim claim, BenchmarkComparison c, GateReport report, TestSummary tests,
            boolean strict) {
        String name = name(c.key(), report);
        ChangeEstimate e = c.estimate();
        if (e == null || !e.estimable()) {
            return new ClaimResult(claim, c, Status.NOT_MEASURED, Double.NaN, Double.NaN, Double.NaN,
                    notMeasured(claim, c, name));
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

        if (tests.failed()) {
            return new ClaimResult(claim, c, Status.TESTS_FAILED, improvement, lower, upper,
                    testsFailed(claim, tests, measured + " " + figures, met));
        }
        if (!tests.ran()) {
            return new ClaimResult(claim, c, Status.TESTS_NOT_RUN, improvement, lower, upper,
                    testsNotRun(claim, tests, measured + " " + figures, met));
        }
        if (met) {
            return new ClaimResult(claim, c, Status.MET, improvement, lower, upper,
                    "Claim met: " + measured + " " + figures);
        }
        String message;
        if (!reached) {
            message = "Claim missed: " + measured + " " + figures + ". Revert the change or try another approach;"
                    + " rerun only this benchmark with: " + rerun(claim, c, false);
        } else if (!real) {
            message = "Claim missed: " + measured + ", but that is not statistically certain " + figures
                    + ": the interval reaches 0%, so the change may not be faster at all. Measure with more forks to"
                    + " narrow it, or revert the change; rerun only this benchmark with more forks: "
                    + rerun(claim, c, true);
        } else {
            message = "Claim missed: " + measured + ", but strict claims need the whole interval to reach the target "
                    + figures + ". Measure with more forks to narrow the interval, or lower the target; rerun only"
                    + " this benchmark with more forks: " + rerun(claim, c, true);
        }
        return new ClaimResult(claim, c, Status.MISSED, improvement, lower, upper, message);
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

    private static String testsFailed(Claim claim, TestSummary tests, String measurement, boolean met) {
        List<String> counts = new ArrayList<>();
        if (tests.failures() > 0) {
            counts.add(count(tests.failures(), "failure"));
        }
        if (tests.errors() > 0) {
            counts.add(count(tests.errors(), "error"));
        }
        if (counts.isEmpty()) {
            counts.add(count(tests.failingTests().size(), "failing test"));
        }
        StringBuilder s = new StringBuilder("Claim refused: tests failed in this build (")
                .append(String.join(", ", counts)).append("), and a claimed optimisation is accepted only when")
                .append(" functionality is intact.");
        List<String> failing = tests.failingTests();
        if (failing.isEmpty()) {
            s.append(" The failing tests are listed in the Surefire and Failsafe reports.");
        } else {
            s.append(" Failing tests: ").append(String.join(", ", failing.subList(0,
                    Math.min(MAX_FAILING_TESTS, failing.size()))));
            if (failing.size() > MAX_FAILING_TESTS) {
                s.append(" (and ").append(failing.size() - MAX_FAILING_TESTS).append(" more)");
            }
            s.append('.');
        }
        s.append(" Measured: ").append(measurement)
                .append(met ? ", which would meet the claim." : ", which misses the claim anyway.");
        return s.append(" Fix the tests, then rerun: mvn verify -Dperfgate.claims='")
                .append(ClaimParser.format(claim)).append('\'').toString();
    }

    private static String testsNotRun(Claim claim, TestSummary tests, String measurement, boolean met) {
        String why = tests.reportFiles() == 0
                ? "no test ran in this build (it wrote no Surefire or Failsafe report)"
                : "no test ran in this build (all " + tests.tests() + " tests in its reports were skipped)";
        StringBuilder s = new StringBuilder("Claim refused: ").append(why).append(", and a claimed optimisation is")
                .append(" accepted only when the tests show functionality intact.");
        for (String note : tests.notes()) {
            s.append(' ').append(note);
        }
        s.append(" Measured: ").append(measurement)
                .append(met ? ", which would meet the claim." : ", which misses the claim anyway.");
        return s.append(" Run the build with its tests (without -DskipTests or -Dmaven.test.skip=true): mvn verify")
                .append(" -Dperfgate.claims='").append(ClaimParser.format(claim)).append('\'').toString();
    }

    private static String notMeasured(Claim claim, BenchmarkComparison c, String name) {
        String rerun = " -Dperfgate.claims='" + ClaimParser.format(claim) + "'";
        return switch (c.verdict()) {
            case NEW -> "Claim not measured: " + name + " is not in the baseline, so there is nothing to compare it"
                    + " with. Record the baseline from the code before the change (" + BaselineStore.RECORD_COMMAND
                    + " on that commit), then rerun: mvn verify" + rerun;
            case MISSING -> "Claim not measured: " + name + " is in the baseline but did not run in this build."
                    + " Check that -Dperfgate.include and -Dperfgate.exclude select it, then rerun: mvn verify"
                    + " -Dperfgate.include='" + includeRegex(c.key()) + "'" + rerun;
            case MODE_CHANGED -> "Claim not measured: " + name + " ran in mode " + c.key().mode().shortName()
                    + ", but the baseline measured it in mode "
                    + (c.baseline() == null ? "another mode" : c.baseline().key().mode().shortName())
                    + ", and different modes are not compared. Record the baseline in the new mode from the code"
                    + " before the change (" + BaselineStore.RECORD_COMMAND + " on that commit), then rerun:"
                    + " mvn verify" + rerun;
            default -> "Claim not measured: the change of " + name + " could not be estimated"
                    + (c.reason().isEmpty() ? "" : " (" + c.reason() + ")") + ". Rerun only this benchmark with"
                    + " more forks: " + rerun(claim, c, true);
        };
    }

    /** {@code mvn verify -Dperfgate.include='^\Qacme.ParserBench.parse\E$' -Dperfgate.claims='ParserBench.parse>=20%'}. */
    static String rerun(Claim claim, BenchmarkComparison c, boolean moreForks) {
        return "mvn verify -Dperfgate.include='" + includeRegex(c.key()) + "'"
                + (moreForks ? " -Dperfgate.forks=10" : "")
                + " -Dperfgate.claims='" + ClaimParser.format(claim) + "'";
    }

    /** A JMH include expression that selects exactly this benchmark (see {@link BenchmarkSelection}). */
    static String includeRegex(BenchmarkKey key) {
        return BenchmarkSelection.exactly(key);
    }

    /** The display name, with the mode when the report holds the same benchmark in another mode. */
    private static String name(BenchmarkKey key, GateReport report) {
        boolean ambiguous = report.comparisons().stream()
                .anyMatch(o -> o.key().sameBenchmark(key) && o.key().mode() != key.mode());
        return ambiguous ? key.displayName() + " (" + key.mode().shortName() + ")" : key.displayName();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String noMatch(Claim claim, GateReport report) {
        String text = claim.pattern().text();
        StringBuilder s = new StringBuilder("Claim refused: no benchmark matches '").append(text).append("'.");
        TreeSet<String> names = new TreeSet<>();
        report.comparisons().forEach(c -> names.add(c.key().name()));
        if (names.isEmpty()) {
            s.append(" No benchmark ran and the baseline is empty; check that the project has JMH benchmarks and"
                    + " that -Dperfgate.include selects them.");
        } else {
            List<String> near = nearNames(text, names);
            if (near.size() == 1) {
                s.append(" Did you mean ").append(near.get(0)).append('?');
            } else if (!near.isEmpty()) {
                s.append(" Did you mean one of ").append(String.join(", ", near)).append('?');
            } else {
                List<String> some = names.stream().limit(MAX_NEAR_NAMES).toList();
                s.append(" No benchmark has a similar name; the benchmarks include ").append(String.join(", ", some))
                        .append(names.size() > some.size() ? " (and " + (names.size() - some.size()) + " more)" : "")
                        .append('.');
            }
        }
        return s.append(" Name a benchmark by its fully qualified name or by a suffix at a dot boundary (e.g. ")
                .append(ClaimParser.EXAMPLE).append("), with * as a wildcard.").toString();
    }

    /**
     * Up to {@link #MAX_NEAR_NAMES} names close to what the user wrote, closest first: the edit distance (with
     * transpositions, ignoring case) between the pattern, without wildcards and parameters, and the name or any of
     * its suffixes at a dot boundary, within a third of the pattern's length (at least 2).
     */
    static List<String> nearNames(String patternText, Iterable<String> names) {
        String wanted = patternText.replaceAll("\\[.*$", "").replace("*", "").toLowerCase(Locale.ROOT);
        int limit = Math.max(2, wanted.length() / 3);
        List<Object[]> scored = new ArrayList<>();
        for (String name : names) {
            int best = Integer.MAX_VALUE;
            String candidate = name.toLowerCase(Locale.ROOT);
            while (true) {
                best = Math.min(best, distance(wanted, candidate));
                int dot = candidate.indexOf('.');
                if (dot < 0) {
                    break;
                }
                candidate = candidate.substring(dot + 1);
            }
            if (best <= limit) {
                scored.add(new Object[] {best, name});
            }
        }
        scored.sort(Comparator.<Object[]>comparingInt(o -> (Integer) o[0]).thenComparing(o -> (String) o[1]));
        return scored.stream().limit(MAX_NEAR_NAMES).map(o -> (String) o[1]).toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
