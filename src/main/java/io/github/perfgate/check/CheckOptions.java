package io.github.perfgate.check;

import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.gate.Claim;
import io.github.perfgate.gate.GateSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How {@link CheckProcedure} checks.
 *
 * @param gate the gate's tolerances and confidence
 * @param claims the claimed optimisations; empty when none are claimed
 * @param strictClaims a claim needs the whole interval of its improvement to reach the target
 * @param failOnRegression regressions fail the build; false only reports them
 * @param update record the run as the new baseline (and met claims in the journal) when it is accepted
 * @param remeasure re-measure suspects before deciding
 * @param remeasureForks forks of the second measurement
 * @param resultsFile the JMH result file the measurement was read from, or null when JMH ran; with
 *        {@code comparesFiles}, the file compared with {@code baselineFile}
 * @param baselineFile the baseline file, named in messages
 * @param journalFile the journal file, named in messages; null only with {@code comparesFiles}
 * @param failOnMissing benchmarks of the baseline that the run selected but did not measure fail the build
 * @param selection the run's {@code include}/{@code exclude}: baseline benchmarks outside it are not missing
 * @param baseDirectory the project's base directory, which the paths in hints are relative to; null without a
 *        project (hints then name absolute paths)
 * @param comparesFiles two files are compared ({@code perfgate:compare}): nothing is run, nothing is recorded
 * @param against the revision of a same-machine A/B check ({@link CheckProcedure#runPaired}), null otherwise
 */
public record CheckOptions(GateSettings gate, List<Claim> claims, boolean strictClaims, boolean failOnRegression,
        boolean update, boolean remeasure, int remeasureForks, Path resultsFile, Path baselineFile,
        Path journalFile, boolean failOnMissing, BenchmarkSelection selection, Path baseDirectory,
        boolean comparesFiles, Against against) {

    public CheckOptions {
        Objects.requireNonNull(gate, "gate");
        claims = List.copyOf(claims);
        Objects.requireNonNull(baselineFile, "baselineFile");
        if (!comparesFiles) {
            Objects.requireNonNull(journalFile, "journalFile");
        } else if (update || remeasure || !claims.isEmpty() || resultsFile == null) {
            throw new IllegalArgumentException("a comparison of files runs nothing, records nothing, has no"
                    + " claims and names both files");
        }
        selection = selection == null ? BenchmarkSelection.ALL : selection;
        if (against != null && (update || comparesFiles || resultsFile != null)) {
            throw new IllegalArgumentException("an A/B check runs both sides and records nothing");
        }
    }

    /** The same options for a same-machine A/B check against {@code revision}. */
    public CheckOptions against(Against revision) {
        return new CheckOptions(gate, claims, strictClaims, failOnRegression, update, remeasure, remeasureForks,
                resultsFile, baselineFile, journalFile, failOnMissing, selection, baseDirectory, comparesFiles,
                Objects.requireNonNull(revision, "revision"));
    }

    /** True in a same-machine A/B check. */
    public boolean paired() {
        return against != null;
    }

    /** Options of {@code check} in a project. */
    public CheckOptions(GateSettings gate, List<Claim> claims, boolean strictClaims, boolean failOnRegression,
            boolean update, boolean remeasure, int remeasureForks, Path resultsFile, Path baselineFile,
            Path journalFile, boolean failOnMissing, BenchmarkSelection selection, Path baseDirectory) {
        this(gate, claims, strictClaims, failOnRegression, update, remeasure, remeasureForks, resultsFile,
                baselineFile, journalFile, failOnMissing, selection, baseDirectory, false, null);
    }

    /** Options that let missing benchmarks pass (with a warning), select every benchmark, and have no project. */
    public CheckOptions(GateSettings gate, List<Claim> claims, boolean strictClaims, boolean failOnRegression,
            boolean update, boolean remeasure, int remeasureForks, Path resultsFile, Path baselineFile,
            Path journalFile) {
        this(gate, claims, strictClaims, failOnRegression, update, remeasure, remeasureForks, resultsFile,
                baselineFile, journalFile, false, BenchmarkSelection.ALL, null, false, null);
    }

    /** The options of {@code compare}: {@code current} against {@code base}, as files, outside any project. */
    public static CheckOptions comparingFiles(GateSettings gate, boolean failOnRegression, Path base, Path current) {
        return new CheckOptions(gate, List.of(), false, failOnRegression, false, false, 0, current, base, null, false,
                BenchmarkSelection.ALL, null, true, null);
    }

    /** True when a regression is an error in the log: it fails the build and is not being accepted. */
    public boolean regressionsFail() {
        return failOnRegression && !update;
    }
}
