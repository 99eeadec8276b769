package io.github.perfgate.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkDiscoveryTest {

    /** Lines as JMH 1.37's annotation processor wrote them (one per mode; the 3rd has a @Param). */
    private static final String BENCHMARK_LIST = String.join("\n",
            "JMH S 7 s.Modes S 33 s.jmh_generated.Modes_two_jmhTest S 3 two S 10 Throughput E A 1 1 1 E E E E E E E E E"
                    + " E E E E E E E E E ",
            "JMH S 7 s.Modes S 33 s.jmh_generated.Modes_two_jmhTest S 3 two S 11 AverageTime E A 1 1 1 E E E E E E E E"
                    + " E E E E E E E E E E ",
            "JMH S 45 io.github.perfgate.jmh.fixtures.TinyBenchmark S 71 io.github.perfgate.jmh.fixtures.jmh_generated"
                    + ".TinyBenchmark_sum_jmhTest S 3 sum S 10 Throughput E A 1 1 1 E E E E E E E E E E E E E"
                    + " M 1 4 size 2 8 xAA===== 8 yAA===== E E E ",
            "") + "\n";

    @TempDir
    Path tempDir;

    @Test
    void findsTheFixtureBenchmarksOnTheTestClasspath() throws JmhRunException {
        assertThat(BenchmarkDiscovery.discover(testClasspath())).contains(
                "io.github.perfgate.jmh.fixtures.FailingBenchmark.boom",
                "io.github.perfgate.jmh.fixtures.SleepingBenchmark.sleep",
                "io.github.perfgate.jmh.fixtures.TinyBenchmark.sum");
    }

    @Test
    void readsJarsAndDirectoriesAndListsEachMethodOnce() throws Exception {
        Path jar = jar("benchmarks.jar", BENCHMARK_LIST, true);
        Path dir = Files.createDirectories(tempDir.resolve("classes/META-INF"));
        Files.writeString(dir.resolve("BenchmarkList"), "# comment\n\n"
                + "JMH S 5 z.Dir S 29 z.jmh_generated.Dir_m_jmhTest S 1 m S 10 Throughput E A 1 1 1 E E E E E E E E E"
                + " E E E E E E E E E \n");

        List<String> found = BenchmarkDiscovery.discover(List.of(jar, tempDir.resolve("classes")));

        assertThat(found)
                .containsExactly("io.github.perfgate.jmh.fixtures.TinyBenchmark.sum", "s.Modes.two", "z.Dir.m");
    }

    @Test
    void skipsMissingEntriesAndFilesThatAreNotJars() throws Exception {
        Path notAJar = Files.writeString(tempDir.resolve("notes.txt"), "hello");

        List<String> found = BenchmarkDiscovery.discover(List.of(tempDir.resolve("missing"), notAJar,
                jar("benchmarks.jar", BENCHMARK_LIST, true)));

        assertThat(found).hasSize(2);
    }

    @Test
    void noBenchmarkListExplainsHowToGetOne() {
        Path emptyDir = tempDir.resolve("empty");

        JmhRunException e = catchThrowableOfType(JmhRunException.class,
                () -> BenchmarkDiscovery.discover(List.of(emptyDir, jmhCoreJar())));

        assertThat(e.kind()).isEqualTo(JmhRunException.Kind.NO_BENCHMARKS);
        assertThat(e).hasMessage("No JMH benchmarks found: there is no META-INF/BenchmarkList on the test classpath."
                + " JMH's annotation processor writes it when it compiles @Benchmark methods. Add"
                + " org.openjdk.jmh:jmh-generator-annprocess as a test-scoped dependency (or to maven-compiler-plugin's"
                + " <annotationProcessorPaths> if your project configures that, because then dependencies are not"
                + " scanned for annotation processors), then run: mvn test-compile");
    }

    @Test
    void withTheBuildsFactsTheMissingListIsExplainedWithTheProcessorsVersion() throws Exception {
        CompileFacts facts = compiledBenchmarkSources(25);
        Path processor = tempDir.resolve("jmh-generator-annprocess.jar");
        try (OutputStream out = Files.newOutputStream(processor); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(BenchmarkDiscovery.PROCESSOR_CLASS));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(BenchmarkDiscovery.PROCESSOR_POM_PROPERTIES));
            zip.write("#Created by Maven\nartifactId=jmh-generator-annprocess\nversion=1.36\n".getBytes(
                    StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        List<Path> classpath = List.of(tempDir.resolve("target/test-classes"), jmhCoreJar(), processor);

        JmhRunException e = catchThrowableOfType(JmhRunException.class,
                () -> BenchmarkDiscovery.discover(classpath, facts));

        assertThat(e.kind()).isEqualTo(JmhRunException.Kind.NO_BENCHMARKS);
        assertThat(e).hasMessageStartingWith("No JMH benchmarks found: JMH's annotation processor did not run.")
                .hasMessageContaining("<version>1.36</version>")
                .hasMessageEndingWith("For one build: mvn clean verify -Dmaven.compiler.proc=full");
        assertThat(catchThrowableOfType(JmhRunException.class,
                () -> BenchmarkDiscovery.discover(List.of(classpath.get(0), jmhCoreJar()), facts)))
                .as("without the processor jar").hasMessage(BenchmarkDiscovery.noBenchmarkListMessage());
    }

    @Test
    void theRealProcessorJarIsRecognisedWithItsVersion() throws Exception {
        CompileFacts facts = compiledBenchmarkSources(23);
        Path processor = testClasspath().stream()
                .filter(p -> p.getFileName().toString().startsWith("jmh-generator-annprocess-")).findFirst()
                .orElseThrow();
        String version = processor.getFileName().toString()
                .replaceFirst("^jmh-generator-annprocess-(.*)\\.jar$", "$1");

        assertThat(catchThrowableOfType(JmhRunException.class, () -> BenchmarkDiscovery.discover(
                List.of(tempDir.resolve("target/test-classes"), jmhCoreJar(), processor), facts)))
                .hasMessageContaining("<version>" + version + "</version>");
    }

    @Test
    void emptyBenchmarkListSaysSo() throws Exception {
        JmhRunException e = catchThrowableOfType(JmhRunException.class,
                () -> BenchmarkDiscovery.discover(List.of(jar("empty.jar", "", true))));

        assertThat(e.kind()).isEqualTo(JmhRunException.Kind.NO_BENCHMARKS);
        assertThat(e).hasMessageStartingWith("No JMH benchmarks found: META-INF/BenchmarkList on the test classpath"
                + " lists none.");
    }

    @Test
    void noJmhNamesTheDependencyToAdd() throws Exception {
        JmhRunException e = catchThrowableOfType(JmhRunException.class,
                () -> BenchmarkDiscovery.discover(List.of(jar("benchmarks.jar", BENCHMARK_LIST, false))));

        assertThat(e.kind()).isEqualTo(JmhRunException.Kind.NO_JMH);
        assertThat(e).hasMessage("JMH is not on the test classpath (no org/openjdk/jmh/Main.class). Add"
                + " org.openjdk.jmh:jmh-core as a test-scoped dependency:\n"
                + "  <dependency>\n"
                + "    <groupId>org.openjdk.jmh</groupId>\n"
                + "    <artifactId>jmh-core</artifactId>\n"
                + "    <version>1.37</version>\n"
                + "    <scope>test</scope>\n"
                + "  </dependency>");
    }

    @Test
    void noJmhEvenWithoutBenchmarkList() {
        JmhRunException e = catchThrowableOfType(JmhRunException.class,
                () -> BenchmarkDiscovery.discover(List.of(tempDir)));

        assertThat(e.kind()).isEqualTo(JmhRunException.Kind.NO_JMH);
    }

    @Test
    void parsesOnlyWellFormedLines() {
        assertThat(BenchmarkDiscovery.benchmarkName("JMH S 5 a.b.C S 21 a.b.jmh_generated.C_m S 1 m S 3 All E"))
                .isEqualTo("a.b.C.m");
        assertThat(BenchmarkDiscovery.benchmarkName("# JMH S 5 a.b.C")).isNull();
        assertThat(BenchmarkDiscovery.benchmarkName("")).isNull();
        assertThat(BenchmarkDiscovery.benchmarkName("a.b.C.m===,===a.b.generated.C_m===,===Throughput")).isNull();
        assertThat(BenchmarkDiscovery.benchmarkName("JMH S 50 a.b.C S 20")).isNull();
        assertThat(BenchmarkDiscovery.benchmarkName("JMH S x a.b.C")).isNull();
        assertThat(BenchmarkDiscovery.benchmarkName("JMH S 5 a.b.C S 2 xy")).isNull();
    }

    private Path jar(String name, String benchmarkList, boolean withJmh) throws IOException {
        Path jar = tempDir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/BenchmarkList"));
            zip.write(benchmarkList.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            if (withJmh) {
                zip.putNextEntry(new ZipEntry("org/openjdk/jmh/Main.class"));
                zip.closeEntry();
            }
        }
        return jar;
    }

    /** A project whose test sources use JMH's annotations and are compiled, compiled by javac {@code javac}. */
    private CompileFacts compiledBenchmarkSources(int javac) throws IOException {
        Path sources = Files.createDirectories(tempDir.resolve("src/test/java/b"));
        Files.writeString(sources.resolve("SumBench.java"), "import org.openjdk.jmh.annotations.Benchmark;");
        Path classes = Files.createDirectories(tempDir.resolve("target/test-classes/b"));
        Files.writeString(classes.resolve("SumBench.class"), "");
        return new CompileFacts(tempDir, javac, List.of(CompileFacts.Compilation.of("default-testCompile",
                List.of(tempDir.resolve("src/test/java")), tempDir.resolve("target/test-classes"))), "verify");
    }

    private static Path jmhCoreJar() {
        return testClasspath().stream().filter(p -> p.getFileName().toString().startsWith("jmh-core-"))
                .findFirst().orElseThrow();
    }

    private static List<Path> testClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }
}
