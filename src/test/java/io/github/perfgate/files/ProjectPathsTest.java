package io.github.perfgate.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectPathsTest {

    @TempDir
    Path dir;

    @Test
    void aFileInTheProjectIsNamedFromItsBaseDirectoryNotFromTheWorkingDirectory() {
        Path project = dir.resolve("module");

        assertThat(ProjectPaths.forUser(project, project.resolve("perf/baseline.json")))
                .isEqualTo(Path.of("perf", "baseline.json").toString());
    }

    @Test
    void aFileBesideTheProjectIsNamedWithDotDot() {
        Path project = dir.resolve("module");

        assertThat(ProjectPaths.forUser(project, dir.resolve("shared/baseline.json")))
                .isEqualTo(Path.of("..", "shared", "baseline.json").toString());
    }

    @Test
    void withoutAProjectTheAbsolutePathIsNamed() {
        Path file = dir.resolve("perf/baseline.json");

        assertThat(ProjectPaths.forUser(null, file)).isEqualTo(file.toAbsolutePath().toString());
    }

    @Test
    void aFileThatNoRelativePathReachesIsNamedByItsAbsolutePath() throws IOException {
        // A zip file system stands in for another drive: Path.relativize throws across them, as it does on Windows
        // between C: and D:.
        Path zip = dir.resolve("other.zip");
        try (FileSystem other = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path file = other.getPath("/perf/baseline.json");

            assertThat(ProjectPaths.forUser(dir, file)).isEqualTo("/perf/baseline.json");
        }
    }
}
