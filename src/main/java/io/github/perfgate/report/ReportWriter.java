package io.github.perfgate.report;

import io.github.perfgate.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Writes every report file of a run into one directory. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * Writes {@code report.md}, {@code report.html}, {@code report.json} and {@code TEST-perfgate.xml} into
     * {@code outputDirectory} (created if needed), replacing earlier ones. Each file is written atomically
     * ({@link AtomicFiles}, with the file system's default permissions), so a reader (or a CI step that collects the
     * files) never sees half of one.
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
        AtomicFiles.write(target, renderer.apply(data), AtomicFiles.Permissions.DEFAULT);
        return target;
    }
}
