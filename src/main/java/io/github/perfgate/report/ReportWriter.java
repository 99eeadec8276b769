package io.github.perfgate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Writes every report file of a run into one directory. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * Writes {@code report.md}, {@code report.html}, {@code report.json} and {@code TEST-perfgate.xml} into
     * {@code outputDirectory} (created if needed), replacing earlier ones. Each file is written to a temporary file
     * beside it and then moved into place, so a reader (or a CI step that collects the files) never sees half of
     * one.
     *
     * @return the four files, in that order
     * @throws IOException when a file cannot be written
     */
    public static List<Path> writeAll(ReportData data, Path outputDirectory) throws IOException {
        Files.createDirectories(outputDirectory);
        List<Path> written = new ArrayList<>();
        written.add(write(outputDirectory, MarkdownReport.FILE_NAME, data, MarkdownReport::render));
        written.add(write(outputDirectory, HtmlReport.FILE_NAME, data, HtmlReport::render));
        written.add(write(outputDirectory, JsonReport.FILE_NAME, data, JsonReport::render));
        written.add(write(outputDirectory, JUnitXmlReport.FILE_NAME, data, JUnitXmlReport::render));
        return List.copyOf(written);
    }

    private static Path write(Path directory, String name, ReportData data, Function<ReportData, String> renderer)
            throws IOException {
        Path target = directory.resolve(name);
        writeAtomically(target, renderer.apply(data));
        return target;
    }

    /**
     * Writes {@code content} as UTF-8 to a temporary file in the target's directory, then moves it over target. The
     * temporary file is created like any other file (not with {@link Files#createTempFile}, whose owner-only
     * permissions would stay with the report).
     */
    static void writeAtomically(Path target, String content) throws IOException {
        Path temp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
