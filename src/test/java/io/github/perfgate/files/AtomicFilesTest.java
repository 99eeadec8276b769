package io.github.perfgate.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    private static final AtomicFiles.BeforeMove NOTHING = temp -> { };

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void writesTheContentAndItsDirectoriesAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("a/b/file.json");

        AtomicFiles.write(target, bytes("first, déjà vu\n"), NOTHING);

        assertThat(Files.readAllBytes(target)).isEqualTo(bytes("first, déjà vu\n"));
        assertThat(names(target.getParent())).containsExactly("file.json");
    }

    @Test
    void replacesAnExistingFileWhole() throws Exception {
        Path target = dir.resolve("file.json");
        Files.writeString(target, "a much longer old content that must not survive");

        AtomicFiles.write(target, bytes("new"), NOTHING);

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(names(dir)).containsExactly("file.json");
    }

    @Test
    void anEmptyContentMakesAnEmptyFile() throws Exception {
        Path target = dir.resolve("empty");

        AtomicFiles.write(target, new byte[0], NOTHING);

        assertThat(target).isEmptyFile();
        assertThat(names(dir)).containsExactly("empty");
    }

    @Test
    void aRelativeTargetIsWrittenWhereItResolves() throws Exception {
        Path target = Path.of("").toAbsolutePath().relativize(dir.resolve("relative.txt"));

        AtomicFiles.write(target, bytes("x"), NOTHING);

        assertThat(Files.readString(dir.resolve("relative.txt"))).isEqualTo("x");
    }

    @Test
    void beforeMoveSeesTheWholeContentBesideTheUntouchedTarget() throws Exception {
        Path target = dir.resolve("file.json");
        Files.writeString(target, "old");
        List<Path> seen = new ArrayList<>();

        AtomicFiles.write(target, bytes("new"), temp -> {
            seen.add(temp);
            assertThat(temp.getParent()).isEqualTo(target.getParent());
            assertThat(temp.getFileName().toString()).startsWith(".file.json.").endsWith(".tmp");
            assertThat(Files.readString(temp)).isEqualTo("new");
            assertThat(Files.readString(target)).isEqualTo("old");
        });

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).doesNotExist();
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void aParentThatIsAFileFailsAndIsLeftAlone() throws Exception {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");

        assertThatThrownBy(() -> AtomicFiles.write(notADirectory.resolve("target"), bytes("new"), NOTHING))
                .isInstanceOf(IOException.class);

        assertThat(Files.readString(notADirectory)).isEqualTo("x");
        assertThat(names(dir)).containsExactly("file");
    }

    @Test
    void aFailedMoveLeavesTheTargetAndNoTemporaryFile() throws Exception {
        // A non-empty directory where the file should go makes the final move fail after the content was written.
        Path target = dir.resolve("blocked");
        Files.createDirectories(target.resolve("child"));

        assertThatThrownBy(() -> AtomicFiles.write(target, bytes("new"), NOTHING)).isInstanceOf(IOException.class);

        assertThat(target).isDirectory();
        assertThat(names(target)).containsExactly("child");
        assertThat(names(dir)).containsExactly("blocked");
    }

    @Test
    void aFailureBeforeTheMoveLeavesTheTargetAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("file.json");
        Files.writeString(target, "old");
        IOException refused = new IOException("refused");

        assertThatThrownBy(() -> AtomicFiles.write(target, bytes("new"), temp -> {
            throw refused;
        })).isSameAs(refused);

        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(names(dir)).containsExactly("file.json");
    }

    private boolean posix() throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix");
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void theStringFormWritesUtf8() throws Exception {
        Path target = dir.resolve("report.md");

        AtomicFiles.write(target, "déjà vu ✓", AtomicFiles.Permissions.DEFAULT);

        assertThat(Files.readAllBytes(target)).isEqualTo(bytes("déjà vu ✓"));
    }

    @Test
    void aCommittedFileKeepsItsPermissionsAndANewOneIsWorldReadable() throws Exception {
        assumeTrue(posix(), "POSIX permissions");
        Path fresh = dir.resolve("baseline.json");
        Path existing = dir.resolve("JOURNAL.md");
        Files.writeString(existing, "old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw----"));

        AtomicFiles.write(fresh, bytes("new"), AtomicFiles.Permissions.KEEP_OR_WORLD_READABLE);
        AtomicFiles.write(existing, bytes("new"), AtomicFiles.Permissions.KEEP_OR_WORLD_READABLE);

        assertThat(permissions(fresh)).isEqualTo("rw-r--r--");
        assertThat(permissions(existing)).isEqualTo("rw-rw----");
        assertThat(Files.readString(existing)).isEqualTo("new");
    }

    @Test
    void aGeneratedFileGetsWhatAnyNewFileGets() throws Exception {
        assumeTrue(posix(), "POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain"));
        Path report = dir.resolve("report.html");
        Files.writeString(report, "old");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rwx------"));

        AtomicFiles.write(report, "new", AtomicFiles.Permissions.DEFAULT);

        // Not owner-only as Files.createTempFile would make it, and not the old file's permissions either.
        assertThat(permissions(report)).isEqualTo(permissions(plain));
    }
}
