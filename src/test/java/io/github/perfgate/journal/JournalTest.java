package io.github.perfgate.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    private static JournalEntry entry(String reason) {
        return JournalEntry.of(JournalEntryTest.parserMet(reason), JournalEntryTest.DAY, "4f2c1e0");
    }

    private static String text(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void aNewJournalStartsWithTheHeaderAndItsDirectory() throws Exception {
        Path journal = dir.resolve("perf/JOURNAL.md");

        Journal.append(journal, List.of(entry("first")));

        assertThat(text(journal)).isEqualTo(Journal.HEADER + "\n" + entry("first").toMarkdown());
        assertThat(text(journal)).startsWith("# Performance journal\n\nperfgate appends an entry here");
    }

    @Test
    void appendingKeepsTheExistingBytesExactlyAndTheHeaderAppearsOnce() throws Exception {
        Path journal = dir.resolve("JOURNAL.md");
        Journal.append(journal, List.of(entry("first")));
        byte[] before = Files.readAllBytes(journal);

        Journal.append(journal, List.of(entry("second"), entry("third")));

        byte[] after = Files.readAllBytes(journal);
        assertThat(Arrays.copyOf(after, before.length)).isEqualTo(before);
        String text = text(journal);
        assertThat(text).isEqualTo(Journal.HEADER + "\n" + entry("first").toMarkdown() + "\n"
                + entry("second").toMarkdown() + "\n" + entry("third").toMarkdown());
        assertThat(text.split("# Performance journal", -1)).hasSize(2);
        assertThat(text).containsSubsequence("- Reason: first", "- Reason: second", "- Reason: third");
    }

    @Test
    void handEditedContentWithoutATrailingNewlineIsKept() throws Exception {
        Path journal = dir.resolve("JOURNAL.md");
        byte[] existing = "# Our journal\n\nEdited by hand, déjà vu, no newline at the end"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(journal, existing);

        Journal.append(journal, List.of(entry("x")));

        byte[] after = Files.readAllBytes(journal);
        assertThat(Arrays.copyOf(after, existing.length)).isEqualTo(existing);
        assertThat(text(journal)).isEqualTo("# Our journal\n\nEdited by hand, déjà vu, no newline at the end\n\n"
                + entry("x").toMarkdown());
        assertThat(text(journal)).doesNotContain("# Performance journal");
    }

    @Test
    void bytesThatAreNotUtf8AreKeptToo() throws Exception {
        Path journal = dir.resolve("JOURNAL.md");
        byte[] existing = {'#', ' ', 'J', '\n', (byte) 0xE9, (byte) 0xFF, '\n', '\n'};
        Files.write(journal, existing);

        Journal.append(journal, List.of(entry("x")));

        byte[] after = Files.readAllBytes(journal);
        assertThat(Arrays.copyOf(after, existing.length)).isEqualTo(existing);
        assertThat(new String(after, existing.length, after.length - existing.length, StandardCharsets.UTF_8))
                .isEqualTo(entry("x").toMarkdown());
    }

    @Test
    void aJournalWithWindowsLineEndingsGetsWindowsLineEndings() throws Exception {
        Path journal = dir.resolve("JOURNAL.md");
        Files.writeString(journal, "# Performance journal\r\n\r\nOld entry\r\n");

        Journal.append(journal, List.of(entry("x")));

        String text = text(journal);
        assertThat(text).isEqualTo("# Performance journal\r\n\r\nOld entry\r\n\r\n"
                + entry("x").toMarkdown().replace("\n", "\r\n"));
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void nothingToAppendLeavesEverythingAlone() throws Exception {
        Path journal = dir.resolve("JOURNAL.md");

        Journal.append(journal, List.of());

        assertThat(journal).doesNotExist();
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws Exception {
        Path journal = dir.resolve("JOURNAL.md");
        Journal.append(journal, List.of(entry("a")));
        Journal.append(journal, List.of(entry("b")));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("JOURNAL.md");
        }
    }

    @Test
    void anUnwritableJournalFailsWithAMessageAndStaysUnchanged() throws Exception {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");

        assertThatThrownBy(() -> Journal.append(notADirectory.resolve("JOURNAL.md"), List.of(entry("a"))))
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith("Cannot append to the performance journal " + notADirectory.resolve(
                        "JOURNAL.md").toAbsolutePath())
                .hasMessageEndingWith("The journal was left unchanged.");
        assertThat(text(notADirectory)).isEqualTo("x");
    }

    @Test
    void aSymbolicLinkToTheJournalStaysALink() throws Exception {
        Path real = dir.resolve("real.md");
        Journal.append(real, List.of(entry("a")));
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("JOURNAL.md"), real.getFileName());
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return; // no symbolic links here
        }

        Journal.append(link, List.of(entry("b")));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(text(real)).contains("- Reason: a").contains("- Reason: b");
    }
}
