package io.github.perfgate.baseline;

import io.github.perfgate.jmh.JmhResultParser;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineStoreTest {

    private final BaselineStore store = new BaselineStore();

    @TempDir
    Path dir;

    static Environment env() {
        return new Environment("17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6", "1.37", "Linux", "6.1", "amd64",
                "Test CPU @ 2.0GHz", 2);
    }

    static BenchmarkResult result(String name, Mode mode, String unit, double[][] samples) {
        return new BenchmarkResult(new BenchmarkKey(name, new TreeMap<>(Map.of("size", "10")), mode),
                new Metric(1.5, 0.25, 1.25, 1.75, unit, samples),
                new Metric(48, Double.NaN, Double.NaN, Double.NaN, "B/op", new double[][] {{48, 48}}));
    }

    @Test
    void roundTripsEveryFieldOfARealJmhRun() throws Exception {
        JmhRun run = new JmhResultParser().parse(
                Path.of(getClass().getResource("/io/github/perfgate/jmh/jmh-1.37.json").toURI()));
        Baseline original = new Baseline("2026-11-23T10:00:00Z", "abc123", env(), run.results());
        Path file = dir.resolve("perf/baseline.json");

        store.write(file, original);
        Baseline read = store.read(file);

        assertThat(read.recorded()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(read.commit()).isEqualTo("abc123");
        assertThat(read.environment()).isEqualTo(env());
        assertThat(read.benchmarks()).hasSize(8);
        for (BenchmarkResult before : original.benchmarks()) {
            BenchmarkResult after = read.find(before.key()).orElseThrow();
            assertThat(after.primary().unit()).isEqualTo(before.primary().unit());
            double[][] a = after.primary().samples();
            double[][] b = before.primary().samples();
            assertThat(a).hasDimensions(b.length, b[0].length);
            for (int f = 0; f < a.length; f++) {
                for (int i = 0; i < a[f].length; i++) {
                    assertThat(a[f][i]).isCloseTo(b[f][i], org.assertj.core.data.Percentage.withPercentage(1e-3));
                }
            }
            assertThat(after.allocation().score()).isCloseTo(before.allocation().score(),
                    org.assertj.core.data.Percentage.withPercentage(1e-3));
        }
    }

    @Test
    void cpuTimeRoundTripsPerForkAndIterationAndABaselineWithoutItReadsAsBefore() throws Exception {
        BenchmarkResult plain = result("a.A.m", Mode.AVERAGE_TIME, "us/op", new double[][] {{1, 2}, {3, 4}});
        BenchmarkResult withCpu = new BenchmarkResult(plain.key(), plain.primary(), plain.allocation(),
                new Metric(950, Double.NaN, Double.NaN, Double.NaN, "ns/op", new double[][] {{900, 1000}, {950, 960}}));
        Path file = dir.resolve("perf/baseline.json");

        store.write(file, new Baseline("t", "", env(), List.of(withCpu)));
        BenchmarkResult read = store.read(file).benchmarks().get(0);

        assertThat(Files.readString(file)).contains("\"cpu\"");
        assertThat(read.cpu().unit()).isEqualTo("ns/op");
        assertThat(read.cpu().samples()).isDeepEqualTo(new double[][] {{900, 1000}, {950, 960}});
        store.write(file, new Baseline("t", "", env(), List.of(plain)));
        assertThat(Files.readString(file)).doesNotContain("\"cpu\"");
        assertThat(store.read(file).benchmarks().get(0).cpu()).isNull();
    }

    @Test
    void writesStableSortedJsonThatRewritesIdentically() throws Exception {
        Baseline baseline = new Baseline("2026-11-23T10:00:00Z", "", env(), List.of(
                result("b.Z.m", Mode.AVERAGE_TIME, "us/op", new double[][] {{1.23456789, 2}, {3, 4}}),
                result("a.A.m", Mode.THROUGHPUT, "ops/s", new double[][] {{1234567.89, 1e-9}})));
        Path file = dir.resolve("baseline.json");

        store.write(file, baseline);
        String first = Files.readString(file);
        store.write(file, store.read(file));
        String second = Files.readString(file);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains("\"format\" : \"perfgate-baseline\"", "\"formatVersion\" : 1")
                .contains("[ 1.23457, 2 ]", "[ 3, 4 ]", "[ 1234570, 0.000000001 ]")
                .doesNotContain("\r").doesNotContain("E-9");
        assertThat(first.indexOf("\"a.A.m\"")).isLessThan(first.indexOf("\"b.Z.m\""));
        assertThat(first.indexOf("\"benchmarks\"")).isLessThan(first.indexOf("\"commit\""));
        assertThat(first.indexOf("\"commit\"")).isLessThan(first.indexOf("\"environment\""));
    }

    @Test
    void aRewrittenBaselineKeepsItsPermissionsAndANewOneIsWorldReadable() throws Exception {
        Path file = dir.resolve("baseline.json");
        Baseline baseline = new Baseline("t", "", env(), List.of(result("a.A.m", Mode.AVERAGE_TIME, "ns/op",
                new double[][] {{1, 2}})));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX permissions");

        store.write(file, baseline);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        store.write(file, baseline);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-rw-r--");
    }

    @Test
    void aCorruptFileIsReportedWithTheFixAndLeftAlone() throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{ \"format\": \"perfgate-baseline\", \"formatVersion\": 1, \"benchmarks\": [ ");

        assertThatThrownBy(() -> store.read(file)).isInstanceOf(BaselineException.class)
                .hasMessageContaining("is corrupt").hasMessageContaining("not valid JSON")
                .hasMessageContaining("git checkout -- " + file).hasMessageContaining("perfgate:baseline");
        assertThat(Files.readString(file)).endsWith("[ ");
    }

    @Test
    void otherFilesAndUnknownVersionsAreRefused() throws Exception {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "[1, 2, 3]");
        assertThatThrownBy(() -> store.read(other)).hasMessageContaining("is not a perfgate baseline");

        Path future = dir.resolve("future.json");
        Files.writeString(future, "{\"format\": \"perfgate-baseline\", \"formatVersion\": 99, \"benchmarks\": []}");
        assertThatThrownBy(() -> store.read(future)).hasMessageContaining("format version 99")
                .hasMessageContaining("upgrade");

        Path noSamples = dir.resolve("nosamples.json");
        Files.writeString(noSamples, "{\"format\": \"perfgate-baseline\", \"formatVersion\": 1, \"benchmarks\": "
                + "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"unit\": \"ns/op\", \"samples\": []}]}");
        assertThatThrownBy(() -> store.read(noSamples)).hasMessageContaining("is invalid")
                .hasMessageContaining("benchmark a.B.c, primary metric: no forks");

        assertThatThrownBy(() -> store.read(dir.resolve("absent.json"))).hasMessageContaining("No baseline file at")
                .hasMessageContaining("mvn test-compile perfgate:baseline");
    }

    @Test
    void malformedEntriesAreNamedAfterTheWholeFileWasReadAndAForeignFileIsCalledForeignFirst() throws Exception {
        String head = "{\"benchmarks\": [";
        String tail = "], \"format\": \"perfgate-baseline\", \"formatVersion\": 1}";
        String entry = "{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"unit\": \"ns/op\", \"samples\": %s}";
        Path flat = dir.resolve("flat.json");
        Files.writeString(flat, head + entry.formatted("[1.0, 2.0]") + tail);
        assertThatThrownBy(() -> store.read(flat)).hasMessageContaining("is corrupt")
                .hasMessageContaining("benchmark a.B.c: samples must be one array per fork");

        Path word = dir.resolve("word.json");
        Files.writeString(word, head + entry.formatted("[[1.0, \"fast\"]]") + tail);
        assertThatThrownBy(() -> store.read(word)).hasMessageContaining("benchmark a.B.c: 'fast' is not a number");

        Path scalar = dir.resolve("scalar.json");
        Files.writeString(scalar, head + "42, " + entry.formatted("[[1.0]]") + tail);
        assertThatThrownBy(() -> store.read(scalar)).hasMessageContaining("a benchmark entry has no \"benchmark\" name");

        Path none = dir.resolve("none.json");
        Files.writeString(none, "{\"format\": \"perfgate-baseline\", \"formatVersion\": 1, \"benchmarks\": {}}");
        assertThatThrownBy(() -> store.read(none)).hasMessageContaining("\"benchmarks\" must be an array");

        Path foreign = dir.resolve("foreign.json");
        Files.writeString(foreign, "{\"benchmarks\": [{\"id\": 1}], \"tool\": \"other\"}");
        assertThatThrownBy(() -> store.read(foreign)).hasMessageContaining("is not a perfgate baseline");

        Path good = dir.resolve("good.json");
        Files.writeString(good, head + entry.formatted("[[1.5, \"NaN\"], [2.5, 3.5]]").replace("NaN", "4.5")
                + ", " + entry.formatted("[[7.0]]").replace("a.B.c", "a.B.d") + tail);
        Baseline read = store.read(good);
        assertThat(read.benchmarks()).hasSize(2);
        assertThat(read.benchmarks().get(0).primary().samples()).isDeepEqualTo(new double[][] {{1.5, 4.5}, {2.5, 3.5}});
        assertThat(read.benchmarks().get(1).primary().samples()).isDeepEqualTo(new double[][] {{7.0}});
    }

    @Test
    void aFailedWriteKeepsThePreviousFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("baseline.json");
        Baseline baseline = new Baseline("2026-11-23T10:00:00Z", "", env(),
                List.of(result("a.A.m", Mode.AVERAGE_TIME, "ns/op", new double[][] {{1, 2}})));
        store.write(file, baseline);
        String before = Files.readString(file);
        // A directory where the file should go makes the final move fail after the temporary file was written.
        Path blocked = dir.resolve("blocked.json");
        Files.createDirectories(blocked.resolve("child"));

        assertThatThrownBy(() -> store.write(blocked, baseline)).isInstanceOf(BaselineException.class)
                .hasMessageContaining("left unchanged");

        assertThat(Files.readString(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("baseline.json",
                    "blocked.json");
        }
    }
}
