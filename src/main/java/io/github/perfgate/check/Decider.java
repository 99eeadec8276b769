package io.github.perfgate.check;

import io.github.perfgate.check.Decision.Action;
import io.github.perfgate.files.ProjectPaths;
import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.gate.ClaimParser;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.GateSummary;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.report.FailureMessage;
import java.nio.file.Path;
import java.util.List;

/**
 * The last step of {@link CheckProcedure}: from the final comparison and the judged claims to one {@link Decision},
 * with the message a reviewer can act on (the fix, a command to rerun exactly the regressed benchmarks).
 */
final class Decider {

    /** How many missing benchmarks the failOnMissing message names. */
    static final int MISSING_NAMED = 50;

    private final CheckOptions options;

    Decider(CheckOptions options) {
        this.options = options;
    }

    /**
     * The decision: {@link #verdict} without {@code update}, {@link #update} with it.
     *
     * @param warnings receives the lines to log as warnings before acting on the decision
     */
    Decision decide(GateReport report, List<ClaimResult> claimResults, List<String> warnings) {
        return options.update() ? update(report, claimResults, warnings) : verdict(report, claimResults);
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
            String rest = checked.notCompared();
            String hint = conclusiveHint(checked);
            return new Decision(checked.comparedAllSelected() ? Action.PASS : Action.PASS_WITH_WARNING,
                    "perfgate: " + passCounts(checked) + (rest.isEmpty() ? "" : "; " + rest)
                    + (claimResults.isEmpty() ? "" : "; " + count(claimResults.size(), "claim", "claims") + " met")
                    + (options.paired() ? "; " + options.against().describe() : "")
                    + (hint.isEmpty() ? "" : "\n" + hint),
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

    /**
     * The counts of a passing run, with regressed and inconclusive always stated, so that a run whose benchmarks
     * were all inconclusive does not read as a clean pass: {@code 3 compared benchmarks: 0 regressed, 3
     * inconclusive (a slowdown beyond 10% cannot be ruled out)}, then the other verdicts that occurred.
     */
    static String passCounts(GateSummary checked) {
        int inconclusive = checked.count(Verdict.INCONCLUSIVE);
        StringBuilder line = new StringBuilder(count(checked.compared().size(), "compared benchmark",
                "compared benchmarks")).append(": ").append(checked.count(Verdict.REGRESSED)).append(" regressed, ")
                .append(inconclusive).append(" inconclusive");
        if (inconclusive > 0) {
            List<Double> tolerances = checked.compared().stream().filter(c -> c.verdict() == Verdict.INCONCLUSIVE)
                    .map(BenchmarkComparison::tolerance).distinct().toList();
            line.append(" (a slowdown beyond ").append(tolerances.size() == 1 ? Percent.format(tolerances.get(0))
                    : "its tolerance").append(" cannot be ruled out)");
        }
        for (Verdict verdict : List.of(Verdict.ALLOCATION_REGRESSED, Verdict.IMPROVED, Verdict.UNCHANGED)) {
            int n = checked.count(verdict);
            if (n > 0) {
                line.append(", ").append(n).append(' ').append(verdict.label());
            }
        }
        return line.toString();
    }

    /**
     * What would make inconclusive benchmarks conclusive, for the mode that ran; empty when none was. A comparison
     * of files can only be run again; a baseline check can run quieter, longer or as an A/B check; an A/B check can
     * run more rounds.
     */
    private String conclusiveHint(GateSummary checked) {
        int inconclusive = checked.count(Verdict.INCONCLUSIVE);
        if (inconclusive == 0) {
            return "";
        }
        String them = inconclusive == 1 ? "it" : "them";
        if (options.comparesFiles()) {
            return "perfgate: to make " + them + " conclusive, measure on a quieter machine or with more iterations"
                    + " or forks, then compare the new files.";
        }
        if (options.paired()) {
            return "perfgate: to make " + them + " conclusive, run more rounds (a larger -Dperfgate.maxRounds)"
                    + " on a quieter machine.";
        }
        return "perfgate: to make " + them + " conclusive, run on a quieter machine, with more iterations or forks"
                + " (-Dperfgate.jmhArgs), or as a same-machine A/B check: mvn verify -Dperfgate.against=HEAD";
    }

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
        if (options.paired()) {
            message.append("\nThe revision compared with (").append(options.against().revisionName())
                    .append(") has them and the working tree does not. If they were removed or renamed on purpose,"
                            + " run without perfgate.failOnMissing until the revision has the change.");
            return message.toString();
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
                    + " unchanged.\n" + summary(report, report.summary(options.selection()), unmet, true),
                    List.of());
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
            message.append(FailureMessage.regressions(report, checked, hints(report, unmet)));
        }
        return message.toString();
    }

    /**
     * How to fix or accept the regressions: nothing to do but read for a comparison of files; otherwise how to
     * accept them (or the trade-off of a met claim) and how to rerun exactly the regressed benchmarks.
     */
    private List<String> hints(GateReport report, List<ClaimResult> unmet) {
        if (options.comparesFiles()) {
            return List.of("The files were only read; nothing was run.");
        }
        Against against = options.against();
        if (against != null) {
            return List.of("Measured as a " + against.describe() + ".",
                    "If the " + whatRegressed(report) + " is intended, the gate passes once the revision compared"
                            + " with has it; until then -Dperfgate.failOnRegression=false reports it without failing.",
                    "To rerun only these benchmarks: mvn verify -Dperfgate.against='" + against.revision()
                            + "' -Dperfgate.include='" + BenchmarkSelection.includeProperty(report.regressions()
                                    .stream().map(BenchmarkComparison::key).toList()) + "'");
        }
        return List.of(onlyClaimedAllocation(report, unmet) ? tradeOffHint(report) : "If the " + whatRegressed(report)
                        + " is intended, accept it with: mvn verify -Dperfgate.update=true and commit "
                        + relative(options.baselineFile()) + ".",
                "To rerun only these benchmarks: mvn verify -Dperfgate.include='" + BenchmarkSelection.includeProperty(
                        report.regressions().stream().map(BenchmarkComparison::key).toList()) + "'");
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

    /** A file as a hint names it: relative to the project's base directory (see {@link ProjectPaths}). */
    private String relative(Path file) {
        return ProjectPaths.forUser(options.baseDirectory(), file);
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
