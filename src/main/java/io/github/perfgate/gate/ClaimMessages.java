package io.github.perfgate.gate;

import io.github.perfgate.baseline.BaselineStore;
import io.github.perfgate.surefire.TestSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The sentences of the claims that are not met as measured: refused for the tests, not measured, matching no
 * benchmark (with the nearest names). Each ends with the command that fixes it.
 */
final class ClaimMessages {

    /** How many near benchmark names a claim that matches nothing lists. */
    static final int MAX_NEAR_NAMES = 5;

    /** How many failing tests a refused claim names. */
    static final int MAX_FAILING_TESTS = 10;

    private ClaimMessages() {
    }

    static String testsFailed(Claim claim, TestSummary tests, String measurement, boolean met) {
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

    static String testsNotRun(Claim claim, TestSummary tests, String measurement, boolean met) {
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

    static String notMeasured(Claim claim, BenchmarkComparison c, String name) {
        String rerun = " -Dperfgate.claims='" + ClaimParser.format(claim) + "'";
        return switch (c.verdict()) {
            case NEW -> "Claim not measured: " + name + " is not in the baseline, so there is nothing to compare it"
                    + " with. Record the baseline from the code before the change (" + BaselineStore.RECORD_COMMAND
                    + " on that commit), then rerun: mvn verify" + rerun;
            case MISSING -> "Claim not measured: " + name + " is in the baseline but did not run in this build."
                    + " Check that -Dperfgate.include and -Dperfgate.exclude select it, then rerun: mvn verify"
                    + " -Dperfgate.include='" + BenchmarkSelection.exactly(c.key()) + "'" + rerun;
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
        return "mvn verify -Dperfgate.include='" + BenchmarkSelection.exactly(c.key()) + "'"
                + (moreForks ? " -Dperfgate.forks=10" : "")
                + " -Dperfgate.claims='" + ClaimParser.format(claim) + "'";
    }


    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    static String noMatch(Claim claim, GateReport report) {
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
