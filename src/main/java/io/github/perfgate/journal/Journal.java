package io.github.perfgate.journal;

import io.github.perfgate.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The committed performance journal ({@code perf/JOURNAL.md}): one Markdown entry per accepted optimisation.
 *
 * <p>The journal is append-only. Appending keeps every byte already in the file exactly as it was, whatever was
 * edited into it, and adds the new entries after it; nothing earlier is rewritten or reformatted. The file is
 * written atomically ({@link AtomicFiles}): a crash leaves the old journal or the new one, never half of an entry;
 * the journal keeps its permissions, and a new one is {@code rw-r--r--}.
 * A journal that uses Windows line endings gets its new entries with Windows line endings too.
 */
public final class Journal {

    /** The first lines of a new journal. */
    public static final String HEADER = "# Performance journal\n\n"
            + "perfgate appends an entry here for every claimed optimisation it accepts"
            + " (mvn verify -Dperfgate.update=true with claims). Earlier entries are never rewritten.\n";

    private Journal() {
    }

    /**
     * Appends entries to the journal, creating it (with {@link #HEADER}) and its directory when absent. Nothing
     * happens for an empty list.
     *
     * @throws JournalException when the journal cannot be read or written; it is then left unchanged
     */
    public static void append(Path journal, List<JournalEntry> entries) throws JournalException {
        if (entries.isEmpty()) {
            return;
        }
        Path target = journal.toAbsolutePath();
        try {
            if (Files.exists(target)) {
                target = target.toRealPath();
            }
            byte[] existing = Files.exists(target) ? Files.readAllBytes(target) : new byte[0];
            String before = new String(existing, StandardCharsets.ISO_8859_1);
            boolean crlf = before.contains("\r\n");
            StringBuilder added = new StringBuilder();
            if (existing.length == 0) {
                added.append(HEADER);
            } else if (!before.endsWith("\n")) {
                added.append('\n');
            }
            String end = before.replace("\r\n", "\n");
            end = end.substring(Math.max(0, end.length() - 2));
            for (JournalEntry entry : entries) {
                if (!(end + added).endsWith("\n\n")) {
                    added.append('\n');
                }
                added.append(entry.toMarkdown());
            }
            String text = crlf ? added.toString().replace("\n", "\r\n") : added.toString();
            byte[] tail = text.getBytes(StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOf(existing, existing.length + tail.length);
            System.arraycopy(tail, 0, content, existing.length, tail.length);

            AtomicFiles.write(target, content, AtomicFiles.Permissions.KEEP_OR_WORLD_READABLE);
        } catch (IOException e) {
            throw new JournalException("Cannot append to the performance journal " + target + ": " + e
                    + ". The journal was left unchanged.", e);
        }
    }
}
