package io.github.perfgate.check;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.gate.Claim;
import io.github.perfgate.gate.ClaimEvaluator;
import io.github.perfgate.gate.ClaimParser;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.gate.GateSummary;
import io.github.perfgate.gate.Percent;
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
import io.github.perfgate.report.FailureMessage;
import io.github.perfgate.stats.HierarchicalBootstrap;
import io.github.perfgate.surefire.TestSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The procedure of {@code perfgate:check}, from a measurement and its baseline to a decision:
 * <ol>
 *   <li>compare the measurement with the baseline;</li>
 *   <li>list the suspects: benchmarks that regressed or are inconclusive, and benchmarks of claims that fall short
 *       on the measurement alone (the tests are judged later);</li>
 *   <li>re-measure the suspects with more forks, and the machine calibration with them when the first measurement
 *       had one, and pool forks and calibrations with the first ones ({@link Remeasure}), unless re-measuring is
 *       off, the run updates the baseline, or the results come from a file;</li>
 *   <li>compare again, and evaluate the claims against this build's tests;</li>
 *   <li>decide: pass, fail, or pass despite regressions ({@code failOnRegression=false}); with
 *       {@code update}, accept the run as the new baseline (without claims always, logging every regression it
 *       accepts; with claims only when every claim is met, the tests passed and nothing regressed but the
 *       allocation of claimed benchmarks, a trade-off logged and journalled) or refuse.</li>
 * </ol>
 * It runs nothing itself: a second measurement goes through the {@link Measurer} it is given, and writing the
 * baseline, the journal and the reports is left to the caller, as the {@link Decision} says.
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

    /**
     * How to check.
     *
     * @param gate the gate's tolerances and confidence
     * @param claims the claimed optimisations; empty when none are claimed
     * @param strictClaims a claim needs the whole interval of its improvement to reach the target
     * @param failOnRegression regressions fail the build; false only reports them
     * @param update record the run as the new baseline (and met claims in the journal) when it is accepted
     * @param remeasure re-measure suspects before deciding
     * @param remeasureForks forks of the second measurement
     * @param resultsFile the JMH result file the measurement was read from, or null when JMH ran
     * @param baselineFile the baseline file, named in messages
     * @param journalFile the journal file, named in messages
     * @param failOnMissing benchmarks of the baseline that the run selected but did not measure fail the build
     * @param selection the run's {@code include}/{@code exclude}: baseline benchmarks outside it are not missing
     */
    public record Options(GateSettings gate, List<Claim> claims, boolean strictClaims, boolean failOnRegression,
            boolean update, boolean remeasure, int remeasureForks, Path resultsFile, Path baselineFile,
            Path journalFile, boolean failOnMissing, BenchmarkSelection selection) {

        public Options {
            Objects.requireNonNull(gate, "gate");
            claims = List.copyOf(claims);
            Objects.requireNonNull(baselineFile, "baselineFile");
            Objects.requireNonNull(journalFile, "journalFile");
            selection = selection == null ? BenchmarkSelection.ALL : selection;
        }

        /** Options that let missing benchmarks pass (with a warning) and select every benchmark. */
        public Options(GateSettings gate, List<Claim> claims, boolean strictClaims, boolean failOnRegression,
                boolean update, boolean remeasure, int remeasureForks, Path resultsFile, Path baselineFile,
                Path journalFile) {
            this(gate, claims, strictClaims, failOnRegression, update, remeasure, remeasureForks, resultsFile,
                    baselineFile, journalFile, false, BenchmarkSelection.ALL);
        }

        /** True when a regression is an error in the log: it fails the build and is not being accepted. */
        public boolean regressionsFail() {
            return failOnRegression && !update;
        }
    }

    /** What to do with the build once the check is done. */
    public enum Action {
        /** Nothing regressed and every claim is met: the build passes, {@link Decision#message()} is logged. */
        PASS,
        /**
         * Regressions with {@code failOnRegression=false}, or no regression but benchmarks of the baseline that
         * were not compared (missing, mode changed) without {@code failOnMissing}: the build passes, the message
         * is a warning.
         */
        PASS_WITH_WARNING,
        /**
         * A regression, an unmet claim or (with {@code failOnMissing}) a benchmark of the baseline that did not run
         * fails the build with the message.
         */
        FAIL,
        /**
         * {@code update}: write the run as the new baseline, then append {@link Decision#journal()} (when not
         * empty) to the journal.
         */
        UPDATE,
        /** {@code update} with claims that do not all hold: neither file is written, the build fails. */
        REFUSE_UPDATE
    }

    /**
     * The decision and its reason.
     *
     * @param message the line to log ({@link Action#PASS}, {@link Action#PASS_WITH_WARNING}) or the build's failure
     *        message ({@link Action#FAIL}, {@link Action#REFUSE_UPDATE}); empty for {@link Action#UPDATE}
     * @param journal the claims to append to the journal after the baseline ({@link Action#UPDATE} with claims)
     */
    public record Decision(Action action, String message, List<ClaimResult> journal) {

        public Decision {
            Objects.requireNonNull(action, "action");
            message = message == null ? "" : message;
            journal = List.copyOf(journal);
        }

        /** True when the build fails with {@link #message()}. */
        public boolean fails() {
            return action == Action.FAIL || action == Action.REFUSE_UPDATE;
        }
    }

    /**
     * Everything the check found.
     *
     * @param report the final comparison (after the re-measurement, when there was one)
     * @param environment the environment of this run
     * @param measurement this run's measurement, with the re-measured suspects' forks pooled in
     * @param remeasured the suspects that were re-measured; empty when nothing was
     * @param claims one result per claim and matched benchmark, judged with this build's tests
     * @param notes sentences for the reports that explain how the verdicts came about
     * @param warnings lines to log as warnings before acting on the decision (each accepted regression)
     * @param decision what to do with the build
     */
    public record Outcome(GateReport report, Environment environment, Measurement measurement,
            List<BenchmarkKey> remeasured, List<ClaimResult> claims, List<String> notes, List<String> warnings,
            Decision decision) {

        public Outcome {
            remeasured = List.copyOf(remeasured);
            claims = List.copyOf(claims);
            notes = List.copyOf(notes);
            warnings = List.copyOf(warnings);
        }

        /** True when suspects were measured a second time before deciding. */
        public boolean wasRemeasured() {
            return !remeasured.isEmpty();
        }
    }

    /** What the claims of the first comparison are judged with: tests are judged after the re-measurement. */
    private static final TestSummary ASSUME_PASSED = new TestSummary(1, 0, 0, 0, List.of(), 1, List.of());

    private final Options options;
    private final RegressionGate gate;
    private final ClaimEvaluator claimEvaluator = new ClaimEvaluator();

    public CheckProcedure(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.gate = new RegressionGate(new HierarchicalBootstrap(), options.gate());
    }

    /**
     * Checks a measurement against its baseline.
     *
     * @param baseline the committed baseline
     * @param measurement this run's measurement
     * @param tests what this build's test reports say
     * @param measurer runs the suspects again
     * @param progress receives the lines to log while the check runs, before a second measurement starts
     * @throws E when the second measurement fails
     */
    public <E extends Exception> Outcome run(Baseline baseline, Measurement measurement, TestSummary tests,
            Measurer<E> measurer, Consumer<String> progress) throws E {
        Environment environment = Environment.detect(measurement.run());
        GateReport report = gate.compare(baseline, measurement.run().results(), environment,
                measurement.calibration());
        List<String> notes = new ArrayList<>();
        if (options.resultsFile() != null) {
            notes.add("results read from " + options.resultsFile() + "; no benchmark was run");
        }
        List<BenchmarkKey> suspects = suspects(report);
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
            Calibration firstCalibration = measurement.calibration();
            Measurement again = measurer.measure(Remeasure.includes(suspects), options.remeasureForks(),
                    firstCalibration != null);
            List<BenchmarkResult> pooled = Remeasure.pool(measurement.run().results(), again.run().results(),
                    suspects);
            // The machine may have changed since the first calibration: the second one is pooled with it, so the
            // drift allowed for covers both measurements and rests on twice the data.
            Calibration calibration = firstCalibration == null || again.calibration() == null
                    || !again.calibration().workload().equals(firstCalibration.workload()) ? firstCalibration
                    : firstCalibration.pooledWith(again.calibration());
            report = gate.compare(baseline, pooled, environment, calibration);
            notes.add("re-measured " + count(suspects.size(), "benchmark", "benchmarks") + " with "
                    + options.remeasureForks() + " more forks" + pooledForks(pooled, suspects)
                    + (calibration != firstCalibration ? " and a second machine calibration" : "")
                    + " before deciding");
            JmhRun first = measurement.run();
            measurement = new Measurement(new JmhRun(pooled, first.jmhVersion(), first.jdkVersion(), first.vmName(),
                    first.vmVersion()), calibration);
            remeasured = suspects;
        }
        List<ClaimResult> claimResults = options.claims().isEmpty() ? List.of()
                : claimEvaluator.evaluate(options.claims(), report, tests, options.strictClaims());
        if (!options.failOnRegression()) {
            notes.add("failOnRegression=false: regressions are reported but do not fail the build");
        }
        if (options.update()) {
            notes.add("perfgate.update=true: this run is recorded as the new baseline when it is accepted");
        }
        List<String> warnings = new ArrayList<>();
        Decision decision = options.update() ? update(report, claimResults, warnings) : verdict(report, claimResults);
        return new Outcome(report, environment, measurement, remeasured, claimResults, notes, warnings, decision);
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
     * are missed on the measurement alone.
     */
    List<BenchmarkKey> suspects(GateReport report) {
        List<BenchmarkKey> suspects = new ArrayList<>(Remeasure.suspects(report));
        if (!options.claims().isEmpty()) {
            for (ClaimResult r : claimEvaluator.evaluate(options.claims(), report, ASSUME_PASSED,
                    options.strictClaims())) {
                if (r.status() == ClaimResult.Status.MISSED && !suspects.contains(r.comparison().key())) {
                    suspects.add(r.comparison().key());
                }
            }
        }
        return suspects;
    }

    /**
     * Without {@code update}: pass, fail, or pass with a warning when regressions do not fail the build or when
     * some benchmarks of the baseline were not compared. The pass line counts what was compared, not what the
     * baseline holds; with {@code failOnMissing}, benchmarks of the baseline that were selected but did not run
     * fail the build.
     */
    private Decision verdict(GateReport report, List<ClaimResult> claimResults) {
        GateSummary checked = report.summary(options.selection());
        List<ClaimResult> unmet = unmet(claimResults);
        boolean missingFails = options.failOnMissing() && !checked.missing().isEmpty();
        if (report.regressions().isEmpty() && unmet.isEmpty() && !missingFails) {
            return new Decision(checked.comparedAllSelected() ? Action.PASS : Action.PASS_WITH_WARNING,
                    "perfgate: no regression beyond tolerance in " + checked.sentence()
                    + (claimResults.isEmpty() ? "" : "; " + count(claimResults.size(), "claim", "claims") + " met"),
                    List.of());
        }
        if (!unmet.isEmpty() || missingFails) {
            String message = summary(report, checked, unmet, options.failOnRegression());
            if (missingFails) {
                message = (message.isEmpty() ? "" : message + "\n") + missing(checked);
            }
            return new Decision(Action.FAIL, message, List.of());
        }
        String summary = summary(report, checked, unmet, true);
        if (options.failOnRegression()) {
            return new Decision(Action.FAIL, summary, List.of());
        }
        return new Decision(Action.PASS_WITH_WARNING, summary.lines().findFirst().orElse(summary)
                .replaceAll(":$", "") + " (failOnRegression=false: the build passes)", List.of());
    }

    /** How many missing benchmarks the failOnMissing message names. */
    static final int MISSING_NAMED = 50;

    /** The failOnMissing failure: every missing benchmark (up to {@link #MISSING_NAMED}) and what to do. */
    private String missing(GateSummary checked) {
        List<BenchmarkKey> missing = checked.missing();
        StringBuilder message = new StringBuilder("perfgate: ")
                .append(count(missing.size(), "benchmark of the baseline", "benchmarks of the baseline"))
                .append(" did not run (perfgate.failOnMissing=true):");
        missing.stream().limit(MISSING_NAMED).forEach(k -> message.append("\n  ").append(k.displayName())
                .append(" (").append(k.mode().shortName()).append(')'));
        if (missing.size() > MISSING_NAMED) {
            message.append("\n  ... and ").append(missing.size() - MISSING_NAMED).append(" more");
        }
        message.append("\nIf they were removed or renamed on purpose, record the baseline again: mvn verify"
                + " -Dperfgate.update=true and commit ")
                .append(relative(options.baselineFile()))
                .append(". To gate only some benchmarks, select them with perfgate.include/perfgate.exclude;"
                        + " benchmarks left out are not missing.");
        return message.toString();
    }

    /**
     * With {@code update}: without claims, accept the run, with a warning for every regression it accepts. With
     * claims, accept it only when every claim is met, the tests passed and nothing regressed but the allocation of
     * claimed benchmarks (accepted with a warning each, as a trade-off for the time the claim saves); then the met
     * claims go to the journal, with the allocation they trade. Otherwise refuse, and both files stay untouched.
     */
    private Decision update(GateReport report, List<ClaimResult> claimResults, List<String> warnings) {
        if (claimResults.isEmpty()) {
            for (BenchmarkComparison c : report.regressions()) {
                warnings.add("perfgate: accepting regression of " + Describe.sentence(c, report.confidence()));
            }
            return new Decision(Action.UPDATE, "", List.of());
        }
        List<ClaimResult> unmet = unmet(claimResults);
        if (!unmet.isEmpty() || !(report.regressions().isEmpty() || onlyClaimedAllocation(report, unmet))) {
            return new Decision(Action.REFUSE_UPDATE, "perfgate: not updating " + options.baselineFile().getFileName()
                    + " or " + options.journalFile().getFileName() + ": an optimisation is accepted only when every"
                    + " claim is met, the tests pass and no other benchmark regressed. Both files were left"
                    + " unchanged.\n" + summary(report, unmet, true), List.of());
        }
        // Every claim is met and what grew is the allocation of claimed benchmarks: a trade-off the user chose by
        // claiming, accepted with a warning, and recorded in each benchmark's journal entry.
        for (BenchmarkComparison c : report.regressions()) {
            warnings.add("perfgate: accepting extra allocation of " + Describe.allocationFigures(c.allocation())
                    + " on claimed benchmark " + c.key().displayName() + ", beyond the "
                    + Percent.format(options.gate().allocationTolerance()) + " allocation tolerance, as its claim is"
                    + " met; " + options.journalFile().getFileName() + " records it");
        }
        return new Decision(Action.UPDATE, "", claimResults);
    }

    private static List<ClaimResult> unmet(List<ClaimResult> claimResults) {
        return claimResults.stream().filter(r -> !r.met()).toList();
    }

    /** The failure message: the unmet claims, then (when asked) the regressions with how to accept or rerun them. */
    private String summary(GateReport report, List<ClaimResult> unmet, boolean withRegressions) {
        return summary(report, report.summary(options.selection()), unmet, withRegressions);
    }

    private String summary(GateReport report, GateSummary checked, List<ClaimResult> unmet,
            boolean withRegressions) {
        StringBuilder message = new StringBuilder();
        if (!unmet.isEmpty()) {
            message.append("perfgate: ").append(count(unmet.size(), "claim was", "claims were")).append(" not met:");
            for (ClaimResult r : unmet) {
                message.append("\n  ").append(r.message());
            }
        }
        if (withRegressions && !report.regressions().isEmpty()) {
            if (message.length() > 0) {
                message.append('\n');
            }
            message.append(FailureMessage.regressions(report, checked, List.of(
                    onlyClaimedAllocation(report, unmet) ? tradeOffHint(report) : "If the " + whatRegressed(report)
                            + " is intended, accept it with: mvn verify -Dperfgate.update=true and commit "
                            + relative(options.baselineFile()) + ".",
                    "To rerun only these benchmarks: mvn verify -Dperfgate.include='"
                            + FailureMessage.includeOf(report.regressions()) + "'")));
        }
        return message.toString();
    }

    /**
     * True when every claim is met and every regression is allocation growth (not time) on a benchmark that a
     * claim names: a trade-off of allocation for speed that {@code update} with the claims accepts.
     */
    private boolean onlyClaimedAllocation(GateReport report, List<ClaimResult> unmet) {
        List<BenchmarkComparison> regressions = report.regressions();
        return !options.claims().isEmpty() && unmet.isEmpty() && !regressions.isEmpty()
                && regressions.stream().allMatch(c -> c.verdict() == Verdict.ALLOCATION_REGRESSED
                        && options.claims().stream().anyMatch(claim -> claim.pattern().matches(c.key())));
    }

    /** How to accept extra allocation on claimed benchmarks: update with the same claims, or lift the gate. */
    private String tradeOffHint(GateReport report) {
        String claims = String.join(",", options.claims().stream().map(ClaimParser::format).toList());
        return "The extra allocation is on " + (report.regressions().size() == 1 ? "a claimed benchmark whose claim is"
                : "claimed benchmarks whose claims are") + " met. If the trade-off is intended, accept it"
                + " and record it in the journal with the same claims: mvn verify -Dperfgate.update=true"
                + " -Dperfgate.claims='" + claims + "' (leave out -Dperfgate.claims when the claims are in the POM),"
                + " and commit " + relative(options.baselineFile()) + " and " + relative(options.journalFile())
                + ". Or stop gating allocation with -Dperfgate.allocationThreshold=off (or a larger percentage); it"
                + " applies to every benchmark, as per-benchmark <thresholds> tolerate time only.";
    }

    private static Path relative(Path file) {
        return Path.of("").toAbsolutePath().relativize(file.toAbsolutePath());
    }

    /** "slowdown", "extra allocation", or both, as the regressions of the report are. */
    private static String whatRegressed(GateReport report) {
        boolean time = report.regressions().stream().anyMatch(c -> c.verdict() == Verdict.REGRESSED);
        boolean allocation = report.regressions().stream().anyMatch(c -> c.verdict() == Verdict.ALLOCATION_REGRESSED);
        return time && allocation ? "slowdown or extra allocation" : allocation ? "extra allocation" : "slowdown";
    }

    private static String count(int n, String one, String many) {
        return FailureMessage.count(n, one, many);
    }
}
