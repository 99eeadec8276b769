package io.github.perfgate.check;

import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.Measurement;
import java.util.List;

/**
 * Everything {@link CheckProcedure} found.
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
