package io.github.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    /** Where {@code scripts/screenshot-report.sh} finds the sample report (relative to the project directory). */
    static final Path SAMPLE_DIRECTORY = Path.of("target", "sample-report");

    @TempDir
    Path dir;

    @Test
    void writesTheFourFilesWithWhatTheWritersRender() throws IOException {
        ReportData data = ReportFixtures.sample();
        Path out = dir.resolve("perfgate/reports");

        List<Path> written = ReportWriter.writeAll(data, out);

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("report.md", "report.html", "report.json", "TEST-perfgate.xml");
        assertThat(written).allSatisfy(p -> assertThat(p.getParent()).isEqualTo(out));
        assertThat(Files.readString(written.get(0), StandardCharsets.UTF_8)).isEqualTo(MarkdownReport.render(data));
        assertThat(Files.readString(written.get(1), StandardCharsets.UTF_8)).isEqualTo(HtmlReport.render(data));
        assertThat(Files.readString(written.get(2), StandardCharsets.UTF_8)).isEqualTo(JsonReport.render(data));
        assertThat(Files.readString(written.get(3), StandardCharsets.UTF_8)).isEqualTo(JUnitXmlReport.render(data));
    }

    @Test
    void replacesEarlierReportsAndLeavesNoTemporaryFiles() throws IOException {
        Files.writeString(dir.resolve("report.md"), "an older, longer report that must disappear completely\n".repeat(
                500));

        ReportWriter.writeAll(ReportFixtures.recording(), dir);

        assertThat(Files.readString(dir.resolve("report.md"))).isEqualTo(MarkdownReport.render(
                ReportFixtures.recording()));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.md",
                    "report.html", "report.json", "TEST-perfgate.xml");
        }
    }

    /**
     * Also leaves the sample in target/ for scripts/screenshot-report.sh and for a look by eye; the report of a
     * baseline recording goes to its {@code baseline/} subdirectory.
     */
    @Test
    void writesTheSampleReportIntoTheBuildDirectory() throws IOException {
        List<Path> written = ReportWriter.writeAll(ReportFixtures.sample(), SAMPLE_DIRECTORY);
        assertThat(written).allSatisfy(p -> assertThat(p).isRegularFile());
        assertThat(SAMPLE_DIRECTORY.resolve("report.html")).content().contains("acme-parser");
        Path recording = SAMPLE_DIRECTORY.resolve("baseline");
        ReportWriter.writeAll(ReportFixtures.recording(), recording);
        assertThat(recording.resolve("report.html")).content().contains("RECORDED");
    }
}
