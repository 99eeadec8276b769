package io.github.perfgate.baseline;

import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.ScoreUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Checks that measurements can be compared before anything is measured or compared: every time sample finite and
 * positive, every fork non-empty, at least one fork per benchmark, a known score unit, allocation values finite
 * and not negative, calibration samples finite and positive.
 *
 * <p>Without this check such a file loads, and every benchmark becomes inconclusive ("baseline has no finite
 * samples", "location is 0"): the build passes whatever the code does. perfgate therefore refuses such data where
 * it enters: a baseline when it is read ({@link BaselineStore#read}, {@link ResultFiles#load}) or written
 * ({@link BaselineStore#write}: a baseline that would not read back is never written), and a current measurement
 * (a JMH run or {@code resultsFile}) before it is compared. The gate's "not estimable" verdicts for such data
 * cannot be reached after that; those that remain (too few samples to estimate) are reported as inconclusive and
 * counted as such in the summary.
 */
public final class BaselineValidator {

    /** The unit JMH's {@code gc.alloc.rate.norm} is written in. */
    static final String ALLOCATION_UNIT = "B/op";
    /** The unit perfgate's CPU-time profiler writes. */
    static final String CPU_UNIT = "ns/op";

    private BaselineValidator() {
    }

    /** Every problem of a baseline, one sentence each, in file order; empty when it can be compared. */
    public static List<String> problems(Baseline baseline) {
        return problems(baseline.benchmarks(), baseline.calibration());
    }

    /**
     * Every problem of a set of results and their calibration, one sentence each, such as {@code benchmark
     * acme.ParserBench.parse, primary metric, fork 2, iteration 3: sample is NaN; samples must be finite and
     * positive}. Forks and iterations count from 1.
     *
     * @param calibration null when there is none
     */
    public static List<String> problems(Collection<BenchmarkResult> results, Calibration calibration) {
        List<String> problems = new ArrayList<>();
        for (BenchmarkResult result : results) {
            String benchmark = "benchmark " + result.key().displayName();
            Metric primary = result.primary();
            try {
                ScoreUnit.parse(primary.unit());
            } catch (IllegalArgumentException e) {
                problems.add(benchmark + ", primary metric: unknown unit '" + primary.unit()
                        + "'; expected a time per operation such as us/op or a throughput such as ops/s");
            }
            samples(problems, benchmark + ", primary metric", primary.samples(), true);
            Metric allocation = result.allocation();
            if (allocation != null) {
                if (!ALLOCATION_UNIT.equals(allocation.unit())) {
                    problems.add(benchmark + ", allocation: unknown unit '" + allocation.unit() + "'; expected "
                            + ALLOCATION_UNIT);
                }
                samples(problems, benchmark + ", allocation", allocation.samples(), false);
            }
            Metric cpu = result.cpu();
            if (cpu != null) {
                if (!CPU_UNIT.equals(cpu.unit())) {
                    problems.add(benchmark + ", cpu: unknown unit '" + cpu.unit() + "'; expected " + CPU_UNIT);
                }
                samples(problems, benchmark + ", cpu", cpu.samples(), false);
            }
        }
        if (calibration != null) {
            samples(problems, "machine calibration", calibration.samples(), true);
        }
        return problems;
    }

    /**
     * Refuses a baseline that cannot be compared.
     *
     * @param file the file it was read from or is about to be written to, named in the message
     * @param reading true when it was read (the message tells how to repair the file), false when it is about to
     *     be written (the message says nothing was written)
     * @throws BaselineException naming the first problem, how many more there are, and the fix
     */
    static void check(Baseline baseline, Path file, boolean reading) throws BaselineException {
        List<String> problems = problems(baseline);
        if (problems.isEmpty()) {
            return;
        }
        String fix = reading
                ? " The file was left unchanged. Restore it from version control (git checkout -- " + file
                        + ") or record it again on unchanged code: mvn verify -Dperfgate.update=true"
                        + " (or " + BaselineStore.RECORD_COMMAND + ")."
                : " Nothing was written; the previous file, if any, was left unchanged. Check the benchmark's"
                        + " results (JMH's output) and measure again.";
        throw new InvalidBaselineException((reading ? "Baseline file " + file + " is invalid: "
                : "Not writing baseline file " + file + ": ") + first(problems) + "." + fix, problems);
    }

    /**
     * The message for a current measurement that cannot be compared, or null when it can.
     *
     * @param source where the results come from, e.g. {@code the JMH results in target/perfgate/jmh-result.json}
     */
    public static String measurementProblem(Collection<BenchmarkResult> results, Calibration calibration,
            String source) {
        List<String> problems = problems(results, calibration);
        if (problems.isEmpty()) {
            return null;
        }
        return source + " cannot be compared: " + first(problems) + ". Nothing was compared and no file was"
                + " written. Check the benchmark (a NaN or 0 score usually means it failed or measured nothing)"
                + " and run it again.";
    }

    private static String first(List<String> problems) {
        return problems.get(0) + (problems.size() == 1 ? ""
                : " (and " + (problems.size() - 1) + (problems.size() == 2 ? " more problem" : " more problems")
                        + ")");
    }

    /**
     * @param positive true for times and calibration (finite and above 0), false for allocation (finite, 0 or more)
     */
    private static void samples(List<String> problems, String where, double[][] forks, boolean positive) {
        String rule = positive ? "samples must be finite and positive" : "values must be finite and not negative";
        if (forks.length == 0) {
            problems.add(where + ": no forks; every benchmark needs at least one fork of samples");
            return;
        }
        for (int f = 0; f < forks.length; f++) {
            if (forks[f].length == 0) {
                problems.add(where + ", fork " + (f + 1) + ": no samples; every fork needs at least one");
                continue;
            }
            for (int i = 0; i < forks[f].length; i++) {
                String bad = bad(forks[f][i], positive);
                if (bad != null) {
                    problems.add(where + ", fork " + (f + 1) + ", iteration " + (i + 1) + ": "
                            + (positive ? "sample" : "value") + " is " + bad + "; " + rule);
                }
            }
        }
    }

    /** What is wrong with a value, or null. */
    private static String bad(double value, boolean positive) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value < 0) {
            return "negative (" + value + ")";
        }
        if (positive && value == 0) {
            return "0";
        }
        return null;
    }
}
