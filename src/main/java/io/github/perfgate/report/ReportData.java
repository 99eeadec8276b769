package io.github.perfgate.report;

import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Environment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the report files show. The {@code check} goal passes its {@link GateReport}; the {@code baseline}
 * goal has no comparison and passes what it {@code measured} instead.
 *
 * @param report the gate's findings; null for the {@code baseline} goal
 * @param measured the benchmarks just measured, listed when {@code report} is null (ignored otherwise)
 * @param claims the claim results, empty when no optimisation was claimed
 * @param environment the environment of this run
 * @param baselineEnvironment the environment the baseline was recorded on; null when there is no baseline
 * @param title what was measured, usually the project's artifactId
 * @param generated when the report was made
 * @param notes free sentences for the reader, e.g. {@code re-measured 2 benchmarks}
 */
public record ReportData(GateReport report, List<BenchmarkResult> measured, List<ClaimResult> claims,
        Environment environment, Environment baselineEnvironment, String title, Instant generated,
        List<String> notes) {

    /** The one word a report leads with. */
    public enum Status {
        /** No regression (in time or allocation) and every claim met. */
        PASSED,
        /** At least one benchmark regressed (in time or allocation) or one claim was not met. */
        FAILED,
        /** The {@code baseline} goal recorded measurements; nothing was compared. */
        RECORDED
    }

    public ReportData {
        measured = measured == null ? List.of() : List.copyOf(measured);
        claims = claims == null ? List.of() : List.copyOf(claims);
        notes = notes == null ? List.of() : List.copyOf(notes);
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(generated, "generated");
        title = title == null || title.isBlank() ? "perfgate" : title.trim();
    }

    /** The data of a {@code check}: the gate's report and the claims decided against it. */
    public static ReportData check(GateReport report, List<ClaimResult> claims, Environment environment,
            Environment baselineEnvironment, String title, Instant generated, List<String> notes) {
        return new ReportData(Objects.requireNonNull(report, "report"), List.of(), claims, environment,
                baselineEnvironment, title, generated, notes);
    }

    /**
     * The data of a {@code baseline} recording.
     *
     * @param previousEnvironment the environment of the baseline being replaced, or null
     */
    public static ReportData baseline(List<BenchmarkResult> measured, Environment environment,
            Environment previousEnvironment, String title, Instant generated, List<String> notes) {
        return new ReportData(null, measured, List.of(), environment, previousEnvironment, title, generated, notes);
    }

    /** True when benchmarks were compared with a baseline, false for a recording. */
    public boolean compared() {
        return report != null;
    }

    /**
     * FAILED when a benchmark got a failing verdict (see {@link Verdict#failing()}) or a claim was not met, RECORDED
     * for a recording, PASSED otherwise. This describes the findings; whether the build fails also depends on the
     * Mojo's settings (e.g. {@code failOnRegression=false}).
     */
    public Status status() {
        if (report == null) {
            return Status.RECORDED;
        }
        return !report.regressions().isEmpty() || claimsNotMet() > 0 ? Status.FAILED : Status.PASSED;
    }

    public long claimsMet() {
        return claims.stream().filter(ClaimResult::met).count();
    }

    public long claimsNotMet() {
        return claims.size() - claimsMet();
    }

    /** The environment differences: the gate's, or for a recording those from the previous baseline's. */
    public List<String> environmentDifferences() {
        if (report != null) {
            return report.environmentDifferences();
        }
        return baselineEnvironment == null ? List.of() : environment.differencesFrom(baselineEnvironment);
    }

    /**
     * The counts, most urgent first, e.g. {@code 1 regression, 1 claim not met, 1 claim met, 12 unchanged}.
     * Zero counts are left out. For a recording: {@code 12 benchmarks recorded}.
     */
    public String summary() {
        if (report == null) {
            return plural(measured.size(), "benchmark", "benchmarks") + " recorded";
        }
        List<String> parts = new ArrayList<>();
        add(parts, report.count(Verdict.REGRESSED), "regression", "regressions");
        add(parts, report.count(Verdict.ALLOCATION_REGRESSED), "allocation regression", "allocation regressions");
        add(parts, claimsNotMet(), "claim not met", "claims not met");
        add(parts, report.count(Verdict.INCONCLUSIVE), "inconclusive", "inconclusive");
        add(parts, report.count(Verdict.MISSING), "missing", "missing");
        add(parts, report.count(Verdict.MODE_CHANGED), "mode changed", "mode changed");
        add(parts, claimsMet(), "claim met", "claims met");
        add(parts, report.count(Verdict.IMPROVED), "improved", "improved");
        add(parts, report.count(Verdict.NEW), "new", "new");
        add(parts, report.count(Verdict.UNCHANGED), "unchanged", "unchanged");
        return parts.isEmpty() ? "no benchmarks compared" : String.join(", ", parts);
    }

    /** The first line of every report, e.g. {@code perfgate FAILED: 1 regression, 12 unchanged}. */
    public String headline() {
        return "perfgate " + status() + ": " + summary();
    }

    private static void add(List<String> parts, long count, String one, String many) {
        if (count > 0) {
            parts.add(plural(count, one, many));
        }
    }

    private static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
