package io.github.perfgate.history;

import io.github.perfgate.revision.Git;
import io.github.perfgate.revision.RevisionException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The history as git notes under {@value #REF} on HEAD: one JSON line per benchmark, appended to the note of the
 * commit that was checked. Notes live in their own ref, so the history never conflicts with the code; share them
 * with {@code git push origin refs/notes/perfgate} and {@code git fetch origin refs/notes/perfgate:refs/notes/perfgate}.
 */
public final class GitNotesHistory implements HistoryStore {

    public static final String REF = "refs/notes/perfgate";

    /** How many commits of HEAD's history are searched for notes. */
    static final int COMMITS = 1_000;

    private final Path directory;
    private final Duration timeout;

    public GitNotesHistory(Path directory, Duration timeout) {
        this.directory = directory;
        this.timeout = timeout;
    }

    @Override
    public void append(List<HistoryEntry> entries) throws HistoryException {
        try {
            git().appendNote(REF, HistoryJson.lines(entries).strip());
        } catch (RevisionException e) {
            throw new HistoryException("cannot append the history to the git notes " + REF + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<HistoryEntry> readAll() throws HistoryException {
        List<HistoryEntry> entries = new ArrayList<>();
        try {
            for (String note : git().notes(REF, COMMITS)) {
                entries.addAll(HistoryJson.parse(note, "the git notes " + REF));
            }
        } catch (RevisionException e) {
            throw new HistoryException("cannot read the history from the git notes " + REF + ": "
                    + e.getMessage(), e);
        }
        return entries;
    }

    @Override
    public String describe() {
        return "git notes " + REF;
    }

    private Git git() throws RevisionException {
        return Git.at(directory, timeout);
    }
}
