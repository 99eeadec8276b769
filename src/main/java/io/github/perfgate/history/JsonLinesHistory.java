package io.github.perfgate.history;

import io.github.perfgate.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The history as a committed JSON-lines file ({@code perf/history.jsonl}): one line per benchmark and check. An
 * append reads and checks every existing line first, then writes the whole file atomically ({@link AtomicFiles}),
 * so a corrupt line is an error naming it and the file is never half-written.
 */
public final class JsonLinesHistory implements HistoryStore {

    private final Path file;

    public JsonLinesHistory(Path file) {
        this.file = file;
    }

    @Override
    public void append(List<HistoryEntry> entries) throws HistoryException {
        String existing = text();
        HistoryJson.parse(existing, file.toString());
        StringBuilder content = new StringBuilder(existing);
        if (!existing.isEmpty() && !existing.endsWith("\n")) {
            content.append('\n');
        }
        content.append(HistoryJson.lines(entries));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFiles.write(file, content.toString(), AtomicFiles.Permissions.KEEP_OR_WORLD_READABLE);
        } catch (IOException e) {
            throw new HistoryException("cannot write the history " + file + ": " + e + "; it was left unchanged", e);
        }
    }

    @Override
    public List<HistoryEntry> readAll() throws HistoryException {
        return new ArrayList<>(HistoryJson.parse(text(), file.toString()));
    }

    @Override
    public String describe() {
        return file.toString();
    }

    private String text() throws HistoryException {
        if (!Files.exists(file)) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HistoryException("cannot read the history " + file + ": " + e, e);
        }
    }
}
