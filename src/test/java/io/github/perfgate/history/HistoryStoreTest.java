package io.github.perfgate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

    @TempDir
    Path dir;

    static HistoryEntry entry(String commit, String benchmark, double estimate) {
        return new HistoryEntry(commit, "2026-12-05T10:00:00Z", benchmark, "com.example." + benchmark,
                Map.of("size", "10"), "avgt", "us/op", estimate, estimate * 0.9, estimate * 1.1, 1.0,
                estimate - 1, null, 964.0, "UNCHANGED");
    }

    @Test
    void appendsOneLinePerEntryAndReadsThemBackInOrder() throws Exception {
        JsonLinesHistory store = new JsonLinesHistory(dir.resolve("perf/history.jsonl"));
        store.append(List.of(entry("a", "B.x", 1.0), entry("a", "B.y", 2.0)));
        store.append(List.of(entry("b", "B.x", 1.5)));

        assertThat(Files.readAllLines(dir.resolve("perf/history.jsonl"))).hasSize(3)
                .allMatch(l -> l.startsWith("{") && l.endsWith("}"));
        assertThat(store.readAll()).containsExactly(entry("a", "B.x", 1.0), entry("a", "B.y", 2.0),
                entry("b", "B.x", 1.5));
    }

    @Test
    void aMissingFileIsAnEmptyHistory() throws Exception {
        assertThat(new JsonLinesHistory(dir.resolve("none.jsonl")).readAll()).isEmpty();
    }

    @Test
    void aCorruptLineIsAnErrorNamingItAndTheFileIsLeftAsItWas() throws Exception {
        Path file = dir.resolve("history.jsonl");
        JsonLinesHistory store = new JsonLinesHistory(file);
        store.append(List.of(entry("a", "B.x", 1.0)));
        Files.writeString(file, "{\"benchmark\": \"B.x\", \"estimate\": \n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        String before = Files.readString(file);

        assertThatThrownBy(() -> store.append(List.of(entry("b", "B.x", 2.0))))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining(file + " line 2 is not a perfgate history entry")
                .hasMessageContaining("Nothing was appended");
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThatThrownBy(store::readAll).hasMessageContaining("line 2");
    }

    @Test
    void theLastEntriesOfEachBenchmark() {
        List<HistoryEntry> all = List.of(entry("1", "B.x", 1), entry("1", "B.y", 9), entry("2", "B.x", 2),
                entry("3", "B.x", 3));
        Map<String, List<HistoryEntry>> trends = HistoryEntries.trends(all, 2);
        assertThat(trends.keySet()).containsExactly("B.x [avgt]", "B.y [avgt]");
        assertThat(trends.get("B.x [avgt]")).extracting(HistoryEntry::estimate).containsExactly(2.0, 3.0);
        assertThat(trends.get("B.y [avgt]")).hasSize(1);
    }

    @Test
    void gitNotesAppendToHeadAndReadOldestFirst() throws Exception {
        git("init", "-q");
        git("config", "user.email", "t@example.com");
        git("config", "user.name", "t");
        git("commit", "-q", "--allow-empty", "-m", "one");
        GitNotesHistory store = new GitNotesHistory(dir, Duration.ofSeconds(30));
        assertThat(store.readAll()).isEmpty();
        store.append(List.of(entry("c1", "B.x", 1.0)));
        git("commit", "-q", "--allow-empty", "-m", "two");
        store.append(List.of(entry("c2", "B.x", 2.0), entry("c2", "B.y", 5.0)));
        store.append(List.of(entry("c2", "B.x", 2.5)));

        assertThat(store.readAll()).extracting(HistoryEntry::estimate).containsExactly(1.0, 2.0, 5.0, 2.5);
        assertThat(git("notes", "--ref", "refs/notes/perfgate", "list")).hasLineCount(2);
        assertThat(git("log", "--format=%s")).isEqualTo("two\none\n"); // the notes did not touch the branch
    }

    @Test
    void theStoreASettingNames() {
        assertThat(HistoryEntries.store("git-notes", dir, Duration.ofSeconds(1))).isInstanceOf(GitNotesHistory.class);
        assertThat(HistoryEntries.store("perf/history.jsonl", dir, Duration.ofSeconds(1)).describe())
                .isEqualTo(dir.resolve("perf/history.jsonl").toString());
    }

    @Test
    void entriesFromACheckReport() throws Exception {
        Path report = dir.resolve("report.json");
        Files.writeString(report, """
                {"format":"perfgate-report","version":1,"goal":"check","benchmarks":[
                 {"name":"com.example.B.x","displayName":"B.x","params":{"size":"10"},"mode":"avgt","unit":"us/op",
                  "verdict":"UNCHANGED","baseline":2.0,"current":2.2,"change":0.1,
                  "interval":{"low":-0.05,"high":0.25},"allocation":{"current":964.0},
                  "cpu":{"change":0.02,"interval":null}}]}
                """);
        List<HistoryEntry> entries = HistoryEntries.fromReport(report, "abc", Instant.parse("2026-12-05T10:00:00.789Z"));
        assertThat(entries).hasSize(1);
        HistoryEntry e = entries.get(0);
        assertThat(e.date()).isEqualTo("2026-12-05T10:00:00Z");
        assertThat(e.commit()).isEqualTo("abc");
        assertThat(e.benchmark()).isEqualTo("B.x");
        assertThat(e.estimate()).isEqualTo(2.2);
        assertThat(e.lower()).isCloseTo(1.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(e.upper()).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(e.cpuChange()).isEqualTo(0.02);
        assertThat(e.allocation()).isEqualTo(964.0);
        assertThat(e.params()).containsEntry("size", "10");
    }

    @Test
    void noCheckReportIsAClearError() throws IOException {
        assertThatThrownBy(() -> HistoryEntries.fromReport(dir.resolve("report.json"), "", Instant.now()))
                .hasMessageContaining("there is no check to record");
        Path baseline = dir.resolve("b.json");
        Files.writeString(baseline, "{\"format\":\"perfgate-report\",\"goal\":\"baseline\",\"benchmarks\":[]}");
        assertThatThrownBy(() -> HistoryEntries.fromReport(baseline, "", Instant.now()))
                .hasMessageContaining("not of a check");
    }

    private String git(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
