package io.github.perfgate.history;

import java.util.List;

/** Where the history is kept. Entries come back in the order they were appended, oldest first. */
public interface HistoryStore {

    /** Appends the entries of one check, all or nothing. */
    void append(List<HistoryEntry> entries) throws HistoryException;

    /** Every entry, oldest first. */
    List<HistoryEntry> readAll() throws HistoryException;

    /** Where the history is, for messages: a path or {@code git notes refs/notes/perfgate}. */
    String describe();
}
