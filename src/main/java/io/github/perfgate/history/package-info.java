/**
 * The history of checks: {@link io.github.perfgate.history.HistoryEntry} (one benchmark of one check),
 * {@link io.github.perfgate.history.HistoryEntries} (the entries of the last check, read from its
 * {@code report.json}), and the stores {@link io.github.perfgate.history.JsonLinesHistory} (a committed JSON-lines
 * file) and {@link io.github.perfgate.history.GitNotesHistory} (git notes under {@code refs/notes/perfgate}).
 *
 * <p>May use {@code model}, {@code files} (atomic writes) and {@code revision} (git); Jackson for JSON.
 */
package io.github.perfgate.history;
