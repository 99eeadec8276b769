package io.github.perfgate.check;

import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.Claim;
import io.github.perfgate.gate.ClaimEvaluator;
import io.github.perfgate.gate.ClaimMeasurement;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.CommonBenchmarks;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.RegressionGate;
import io.github.perfgate.gate.Remeasure;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Measurement;
import io.github.perfgate.model.PerfgateException;
import io.github.perfgate.report.FailureMessage;
import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.stats.HierarchicalBootstrap;
import io.github.perfgate.stats.PairedForks;
import io.github.perfgate.surefire.TestSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The procedure of {@code perfgate:check} and {@code perfgate:compare}, from a measurement and what it is compared
 * with to a decision: the only place that decides.
 * <ol>
 *   <li>compare the measurement with the baseline;</li>
 *   <li>list the suspects: benchmarks that regressed or are inconclusive, and benchmarks of claims that fall short
 *       on the measurement alone (the tests are judged once, at the end);</li>
 *   <li>re-measure the suspects with more forks, and the machine calibration with them when the first measurement
 *       had one, and pool forks and calibrations with the first ones ({@link Remeasure}), unless re-measuring is
 *       off, the run updates the baseline, or the results come from a file;</li>
 *   <li>compare again, and judge the claims: the measurement, then this build's tests;</li>
 *   <li>decide ({@link Decider}): pass, fail, or pass despite regressions ({@code failOnRegression=false}); with
 *       {@code update}, accept the run as the new baseline or refuse.</li>
 * </ol>
 * It runs nothing itself: a second measurement goes through the {@link Measurer} it is given, and the
 * {@link Recorder} acts on the {@link Decision} (logs it, fails the build, or writes the baseline and the journal).
 * {@link #compare} is the same procedure on two files: no re-measure, no claims.
 */
public final class CheckProcedure {

    /**
     * Measures a selection of benchmarks again: the second look at the suspects.
     *
     * @param <E> what a failed measurement throws
     */
    @FunctionalInterface
    public interface Measurer<E extends Exception> {

        /**
         * @param includes JMH {@code -include} regular expressions that select the benchmarks to run
         * @param forks forked JVMs per benchmark
         * @param calibrate measure the machine calibration around the benchmarks too (the first measurement had one)
         * @return the results of the benchmarks that ran, and the calibration when one was asked for
         */
        Measurement measure(List<String> includes, int forks, boolean calibrate) throws E;
    }

    private final CheckOptions options;
    private final RegressionGate gate;
    private final ClaimEvaluator claimEvaluator = new ClaimEvaluator();

    public CheckProcedure(CheckOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.gate = new RegressionGate(new HierarchicalBootstrap(), options.gate());
    }

    /**
     * Checks a measurement against its baseline.
     *
     * @param baseline the committed baseline
     * @param measurement this run's measurement
     * @param tests what this build's test reports say; may be null when no claim is made
     * @param measurer runs the suspects again
     * @param progress receives the lines to log while the check runs, before a second measurement starts
     * @throws E when the second measurement fails
     */
    public <E extends Exception> Outcome run(Baseline baseline, Measurement measurement, TestSummary tests,
            Measurer<E> measurer, Consumer<String> progress) throws E {
        if (options.comparesFiles() || options.paired()) {
            throw new IllegalStateException("options of a comparison of files or an A/B check: call compare or"
                    + " runPaired");
        }
        return check(baseline, measurement, Environment.detect(measurement.run()), tests, measurer, progress);
    }

    /**
     * Compares two files ({@link CheckOptions#comparingFiles}): the same comparison and decision as {@link #run}, with
     * no re-measure and no claims. The environment and calibration compared are the ones {@code current} holds.
     *
     * @param progress receives the line that says what is compared
     * @throws PerfgateException when the files have no benchmark in common, so nothing could be compared
     */
    public Outcome compare(Baseline base, Baseline current, Consumer<String> progress) throws PerfgateException {
        if (!options.comparesFiles()) {
            throw new IllegalStateException("options of a check: call run");
        }
        String what = options.resultsFile() + " against " + options.baselineFile();
        Optional<String> disjoint = CommonBenchmarks.problem(keys(base), keys(current), "perfgate.base",
                "perfgate.current");
        if (disjoint.isPresent()) {
            throw new PerfgateException(what + ": " + disjoint.get());
        }
        progress.accept("perfgate: comparing " + what);
        Environment environment = current.environment();
        Measurement measurement = new Measurement(new JmhRun(current.benchmarks(), environment.jmhVersion(),
                environment.jdkVersion(), environment.vmName(), environment.vmVersion()), current.calibration());
        Measurer<RuntimeException> never = (includes, forks, calibrate) -> {
            throw new IllegalStateException("a comparison of files re-measures nothing");
        };
        return check(base, measurement, environment, null, never, progress);
    }

    /**
     * Decides a same-machine A/B check ({@link CheckOptions#against}) from its rounds: every benchmark both sides
     * measured is compared fork by fork, round by round ({@link PairedForks}); the verdict table, tolerances,
     * allocation gate and claim rules are the baseline mode's. Nothing is re-measured (the rounds are the defence
     * against noise) and nothing is recorded. Benchmarks that failed on the against side are reported as such.
     *
     * @param result what the rounds measured
     * @param tests what this build's test reports say; may be null when no claim is made
     */
    public Outcome runPaired(PairedRun.Result result, TestSummary tests) {
        Against against = options.against();
        if (against == null) {
            throw new IllegalStateException("options of a baseline check: call run");
        }
        if (!options.claims().isEmpty()) {
            Objects.requireNonNull(tests, "tests");
        }
        Environment environment = Environment.detect(result.run());
        Baseline revision = new Baseline(java.time.Instant.now().toString(), against.commit(), environment,
                result.against());
        GateReport report = new RegressionGate(new PairedForks(against.rounds(), against.maxRounds()),
                options.gate()).compare(revision, result.current(), environment, null);
        report = withAgainstFailures(report, result.againstFailures(), against);
        List<String> notes = new ArrayList<>();
        notes.add("verdicts from a " + against.describe() + ": each round ran one fork of the working tree and one"
                + " of the revision back to back, in a seeded order (ABBA/BAAB blocks); no baseline file was"
                + " compared with");
        if (against.adaptive()) {
            notes.add("rounds stopped per benchmark once its verdict was settled, with the error rate spent over the"
                    + " looks (4, 6, ... rounds) so that all looks together keep the configured confidence");
            result.stops().forEach((method, why) -> notes.add(method + ": " + why));
        }
        if (against.sameCode()) {
            notes.add("A/A run: the working tree is " + against.revisionName() + " unchanged, so every difference"
                    + " is the machine's noise");
        }
        result.againstFailures().forEach((method, why) -> notes.add(method + " failed on the against side ("
                + against.revisionName() + "): " + why));
        List<ClaimMeasurement> claimed = claimEvaluator.measure(options.claims(), report, options.strictClaims());
        List<ClaimResult> claimResults = options.claims().isEmpty() ? List.of()
                : claimEvaluator.judge(claimed, tests);
        if (!options.failOnRegression()) {
            notes.add("failOnRegression=false: regressions are reported but do not fail the build");
        }
        List<String> warnings = new ArrayList<>();
        Decision decision = new Decider(options).decide(report, claimResults, warnings);
        return new Outcome(report, environment, new Measurement(result.run(), null), List.of(), claimResults, notes,
                warnings, decision);
    }

    /**
     * What decides, at a look of an adaptive A/B run, that a benchmark method needs no more rounds: every key of it
     * has a verdict other than inconclusive from the look's interval ({@link PairedForks} at the look's share of the
     * error rate, the interval the final report uses), and every claim on it is certainly met or certainly missed.
     */
    public PairedRun.Looker looker() {
        Against against = options.against();
        if (against == null) {
            throw new IllegalStateException("options of a baseline check: no rounds to look at");
        }
        RegressionGate gate = new RegressionGate(new PairedForks(against.rounds(), against.maxRounds()),
                options.gate());
        return (method, current, revision, rounds) -> {
            Map<BenchmarkKey, BenchmarkResult> reference = new HashMap<>();
            revision.forEach(r -> reference.put(r.key(), r));
            Set<String> verdicts = new LinkedHashSet<>();
            for (BenchmarkResult now : current) {
                BenchmarkResult base = reference.get(now.key());
                if (base == null) {
                    continue;
                }
                BenchmarkComparison c = gate.compare(base, now);
                if (c.verdict() == Verdict.INCONCLUSIVE || !claimsSettled(c)) {
                    return Optional.empty();
                }
                verdicts.add(c.verdict().label() + " (" + c.decidedBy().label() + ")");
            }
            return verdicts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", verdicts));
        };
    }

    /** True when every claim on the benchmark is certainly met or certainly missed by the comparison's interval. */
    private boolean claimsSettled(BenchmarkComparison c) {
        for (Claim claim : options.claims()) {
            if (claim.pattern().matches(c.key())) {
                ChangeEstimate e = c.estimate();
                double boundary = 1 - claim.target();
                if (e == null || !e.estimable() || !(e.upperRatio() < boundary || e.lowerRatio() > boundary)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The report with each benchmark that failed on the against side saying so instead of "not in the baseline". */
    private static GateReport withAgainstFailures(GateReport report, java.util.Map<String, String> failures,
            Against against) {
        if (failures.isEmpty()) {
            return report;
        }
        List<BenchmarkComparison> comparisons = new ArrayList<>();
        for (BenchmarkComparison c : report.comparisons()) {
            String why = failures.get(c.key().name());
            comparisons.add(why == null || c.baseline() != null ? c : new BenchmarkComparison(c.key(), c.verdict(),
                    null, c.current(), null, c.tolerance(), "failed on the against side (" + against.revisionName()
                    + "); not compared", c.allocation()));
        }
        return new GateReport(comparisons, report.environmentDifferences(), report.confidence(),
                report.driftIfAny().orElse(null), report.intervalsOver());
    }

    private <E extends Exception> Outcome check(Baseline baseline, Measurement measurement, Environment environment,
            TestSummary tests, Measurer<E> measurer, Consumer<String> progress) throws E {
        if (!options.claims().isEmpty()) {
            Objects.requireNonNull(tests, "tests");
        }
        GateReport report = gate.compare(baseline, measurement.run().results(), environment,
                measurement.calibration());
        List<String> notes = new ArrayList<>();
        if (options.comparesFiles()) {
            notes.add("compared files; nothing was run");
        } else if (options.resultsFile() != null) {
            notes.add("results read from " + options.resultsFile() + "; no benchmark was run");
        }
        List<ClaimMeasurement> claimed = claimEvaluator.measure(options.claims(), report, options.strictClaims());
        List<BenchmarkKey> suspects = suspects(report, claimed);
        List<BenchmarkKey> remeasured = List.of();
        boolean wanted = options.remeasure() && !options.update() && !suspects.isEmpty();
        if (wanted && options.resultsFile() != null) {
            progress.accept("perfgate: not re-measuring " + count(suspects.size(), "suspect benchmark",
                    "suspect benchmarks") + ": results come from perfgate.resultsFile");
        } else if (wanted) {
            progress.accept("perfgate: " + count(suspects.size(), "benchmark needs", "benchmarks need")
                    + " a second look (regressed, inconclusive or short of a claim); re-measuring with "
                    + options.remeasureForks() + " more forks before deciding: "
                    + String.join(", ", suspects.stream().map(BenchmarkKey::displayName).toList()));
            measurement = remeasure(measurement, suspects, measurer, notes);
            report = gate.compare(baseline, measurement.run().results(), environment, measurement.calibration());
            claimed = claimEvaluator.measure(options.claims(), report, options.strictClaims());
            remeasured = suspects;
        }
        List<ClaimResult> claimResults = options.claims().isEmpty() ? List.of()
                : claimEvaluator.judge(claimed, tests);
        if (!options.failOnRegression() && !options.comparesFiles()) {
            notes.add("failOnRegression=false: regressions are reported but do not fail the build");
        }
        if (options.update()) {
            notes.add("perfgate.update=true: this run is recorded as the new baseline when it is accepted");
        }
        List<String> warnings = new ArrayList<>();
        Decision decision = new Decider(options).decide(report, claimResults, warnings);
        return new Outcome(report, environment, measurement, remeasured, claimResults, notes, warnings, decision);
    }

    /** The second look: the suspects again, pooled with the first forks, and the second calibration with the first. */
    private <E extends Exception> Measurement remeasure(Measurement measurement, List<BenchmarkKey> suspects,
            Measurer<E> measurer, List<String> notes) throws E {
        Calibration firstCalibration = measurement.calibration();
        Measurement again = measurer.measure(BenchmarkSelection.exactly(suspects), options.remeasureForks(),
                firstCalibration != null);
        List<BenchmarkResult> pooled = Remeasure.pool(measurement.run().results(), again.run().results(), suspects);
        // The machine may have changed since the first calibration: the second one is pooled with it, so the
        // drift allowed for covers both measurements and rests on twice the data.
        Calibration calibration = firstCalibration == null || again.calibration() == null
                || !again.calibration().workload().equals(firstCalibration.workload()) ? firstCalibration
                : firstCalibration.pooledWith(again.calibration());
        notes.add("re-measured " + count(suspects.size(), "benchmark", "benchmarks") + " with "
                + options.remeasureForks() + " more forks" + pooledForks(pooled, suspects)
                + (calibration != firstCalibration ? " and a second machine calibration" : "")
                + " before deciding");
        JmhRun first = measurement.run();
        return new Measurement(new JmhRun(pooled, first.jmhVersion(), first.jdkVersion(), first.vmName(),
                first.vmVersion()), calibration);
    }

    /** {@code " (8 forks pooled)"}, or a range when the suspects' pooled fork counts differ. */
    static String pooledForks(List<BenchmarkResult> pooled, List<BenchmarkKey> suspects) {
        int[] forks = pooled.stream().filter(r -> suspects.contains(r.key())).mapToInt(r -> r.primary().forkCount())
                .sorted().toArray();
        if (forks.length == 0) {
            return "";
        }
        int least = forks[0];
        int most = forks[forks.length - 1];
        return " (" + (least == most ? Integer.toString(most) : least + "-" + most) + " forks pooled)";
    }

    /**
     * The benchmarks that need a second look: regressed or inconclusive ones, then the benchmarks of claims that
     * the measurement alone misses.
     */
    private static List<BenchmarkKey> suspects(GateReport report, List<ClaimMeasurement> claimed) {
        List<BenchmarkKey> suspects = new ArrayList<>(Remeasure.suspects(report));
        for (ClaimMeasurement m : claimed) {
            if (m.status() == ClaimResult.Status.MISSED && !suspects.contains(m.comparison().key())) {
                suspects.add(m.comparison().key());
            }
        }
        return suspects;
    }

    private static List<BenchmarkKey> keys(Baseline baseline) {
        return baseline.benchmarks().stream().map(BenchmarkResult::key).toList();
    }

    private static String count(int n, String one, String many) {
        return FailureMessage.count(n, one, many);
    }
}
