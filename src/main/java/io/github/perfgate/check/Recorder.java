package io.github.perfgate.check;

import io.github.perfgate.baseline.BaselineException;
import io.github.perfgate.baseline.BaselineStore;
import io.github.perfgate.baseline.BaselineUpdate;
import io.github.perfgate.baseline.GitInfo;
import io.github.perfgate.files.ProjectPaths;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.journal.Journal;
import io.github.perfgate.journal.JournalEntry;
import io.github.perfgate.journal.JournalException;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Measurement;
import io.github.perfgate.model.PerfgateException;
import io.github.perfgate.report.FailureMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Acts on a {@link Decision}, the one call after {@link CheckProcedure} decided: logs a pass (or a pass with a
 * warning), ends the build with a {@link PerfgateException.Consequence#FAILURE FAILURE} carrying the failure
 * message, or records the run: the baseline first, then the journal (when the decision accepts claims). A
 * failing run writes neither file; a baseline that cannot be written leaves the journal alone.
 */
public final class Recorder {

    /**
     * Where the run is recorded.
     *
     * @param baselineFile the committed baseline
     * @param journalFile the committed journal; null when the goal records no claims ({@code perfgate:baseline})
     * @param baseDirectory the project's base directory: the git checkout the commit is read from, and what the
     *        paths in hints are relative to
     * @param keepUnmeasured only a selection of benchmarks ran: entries of the previous baseline that did not run
     *        are kept
     */
    public record Files(Path baselineFile, Path journalFile, Path baseDirectory, boolean keepUnmeasured) {

        public Files {
            Objects.requireNonNull(baselineFile, "baselineFile");
            Objects.requireNonNull(baseDirectory, "baseDirectory");
        }
    }

    private final BaselineStore store;
    private final Files files;
    private final Console console;

    /**
     * @param files where to record; null for a recorder that records nothing ({@code perfgate:compare}), which
     *        refuses an {@link Decision.Action#UPDATE}
     */
    public Recorder(BaselineStore store, Files files, Console console) {
        this.store = Objects.requireNonNull(store, "store");
        this.files = files;
        this.console = Objects.requireNonNull(console, "console");
    }

    /** A recorder for decisions that never record: a comparison of files. */
    public static Recorder nothingToRecord(Console console) {
        return new Recorder(new BaselineStore(), null, console);
    }

    /** Logs the outcome's warnings (each accepted regression), then acts on its decision. */
    public void apply(Baseline previous, Outcome outcome) throws PerfgateException {
        outcome.warnings().forEach(console::warn);
        apply(previous, outcome.measurement(), outcome.decision());
    }

    /**
     * Acts on a decision.
     *
     * @param previous the baseline the measurement was compared with, or null when there was none
     * @param measurement what to record when the decision is {@link Decision.Action#UPDATE}
     * @throws PerfgateException a {@code FAILURE} with the decision's message when the build fails; an
     *         {@code ERROR} when the baseline or the journal cannot be written
     */
    public void apply(Baseline previous, Measurement measurement, Decision decision) throws PerfgateException {
        switch (decision.action()) {
            case PASS -> decision.message().lines().forEach(console::info);
            case PASS_WITH_WARNING -> decision.message().lines().forEach(console::warn);
            case FAIL, REFUSE_UPDATE -> throw new PerfgateException(PerfgateException.Consequence.FAILURE,
                    decision.message(), null);
            case UPDATE -> {
                if (files == null) {
                    throw new IllegalStateException("nothing may be recorded here");
                }
                if (!decision.message().isEmpty()) {
                    console.info(decision.message());
                }
                writeBaseline(previous, measurement);
                appendToJournal(decision.journal());
            }
        }
    }

    private void writeBaseline(Baseline previous, Measurement measurement) throws BaselineException {
        Path file = files.baselineFile();
        boolean keep = files.keepUnmeasured();
        JmhRun run = measurement.run();
        BaselineUpdate.Result next = BaselineUpdate.update(previous, run.results(), Environment.detect(run),
                GitInfo.headCommit(files.baseDirectory()), keep, measurement.calibration());
        store.write(file, next.baseline());
        int kept = BaselineUpdate.keptCount(previous, run.results(), keep);
        console.info("perfgate: Baseline written to " + file + " (" + run.results().size()
                + (run.results().size() == 1 ? " benchmark" : " benchmarks") + " measured"
                + (kept > 0 ? ", " + kept + " kept from the previous baseline" : "") + "). Commit it: git add "
                + ProjectPaths.forUser(files.baseDirectory(), file));
        next.notes().forEach(note -> console.info("perfgate: " + note));
        next.warnings().forEach(warning -> console.warn("perfgate: " + warning));
    }

    /** Appends accepted claims to the journal, after the baseline was written. */
    private void appendToJournal(List<ClaimResult> accepted) throws PerfgateException {
        if (accepted.isEmpty()) {
            return;
        }
        if (files.journalFile() == null) {
            throw new IllegalStateException("claims to journal, but no journal file");
        }
        String commit = GitInfo.headCommit(files.baseDirectory());
        List<JournalEntry> entries = new ArrayList<>();
        for (ClaimResult r : accepted) {
            entries.add(JournalEntry.of(r, LocalDate.now(), commit));
        }
        try {
            Journal.append(files.journalFile(), entries);
        } catch (JournalException e) {
            throw new PerfgateException("the baseline was updated, but " + e.getMessage(), e);
        }
        console.info("perfgate: appended " + FailureMessage.count(entries.size(), "accepted claim",
                "accepted claims") + " to " + files.journalFile() + ". Commit it with the baseline.");
    }
}
