package io.github.perfgate.check;

import io.github.perfgate.gate.ClaimResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link CheckProcedure} decided, and why; the {@link Recorder} acts on it.
 *
 * @param message the line to log ({@link Action#PASS}, {@link Action#PASS_WITH_WARNING}), the build's failure
 *        message ({@link Action#FAIL}, {@link Action#REFUSE_UPDATE}), or for {@link Action#UPDATE} the line to
 *        log before the baseline is written (usually empty)
 * @param journal the claims to append to the journal after the baseline ({@link Action#UPDATE} with claims)
 */
public record Decision(Action action, String message, List<ClaimResult> journal) {

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
         * {@code update}, or no baseline yet: write the run as the new baseline, then append
         * {@link Decision#journal()} (when not empty) to the journal.
         */
        UPDATE,
        /** {@code update} with claims that do not all hold: neither file is written, the build fails. */
        REFUSE_UPDATE
    }

    /** Record the run as the baseline, nothing more: {@code perfgate:baseline}. */
    public static final Decision RECORD = new Decision(Action.UPDATE, "", List.of());

    public Decision {
        Objects.requireNonNull(action, "action");
        message = message == null ? "" : message;
        journal = List.copyOf(journal);
    }

    /**
     * Record a first baseline: there is none at {@code baselineFile} (or, when {@code replacing}, an invalid one
     * that {@code update} replaces, which was already said).
     */
    public static Decision firstBaseline(Path baselineFile, boolean replacing) {
        return new Decision(Action.UPDATE, replacing ? "" : "perfgate: no baseline yet at " + baselineFile
                + "; recording one (perfgate.update=true)", List.of());
    }

    /** True when the build fails with {@link #message()}. */
    public boolean fails() {
        return action == Action.FAIL || action == Action.REFUSE_UPDATE;
    }
}
