package io.github.perfgate.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.jmh.MissingBenchmarks.Cause;
import io.github.perfgate.jmh.MissingBenchmarks.Diagnosis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each cause of a classpath without {@code META-INF/BenchmarkList}, from the facts a build gives. */
class MissingBenchmarksTest {

    private static final String BENCHMARK_SOURCE = "package b;\n\nimport org.openjdk.jmh.annotations.Benchmark;\n\n"
            + "public class SumBench {\n    @Benchmark\n    public int sum() {\n        return 1 + 1;\n    }\n}\n";

    @TempDir
    Path project;

    private Path testSources;
    private Path testClasses;
    private Path mainSources;
    private Path mainClasses;

    @BeforeEach
    void layout() {
        testSources = project.resolve("src/test/java");
        testClasses = project.resolve("target/test-classes");
        mainSources = project.resolve("src/main/java");
        mainClasses = project.resolve("target/classes");
    }

    @Test
    void benchmarksNeverCompiledSayCompileFirst() throws IOException {
        write(testSources.resolve("b/SumBench.java"), BENCHMARK_SOURCE);

        Diagnosis diagnosis = MissingBenchmarks.diagnose(facts(25, test(null, null, null)), "1.37");

        assertThat(diagnosis.cause()).isEqualTo(Cause.NOT_COMPILED);
        assertThat(diagnosis.message()).isEqualTo("No JMH benchmarks found: the benchmarks are not compiled."
                + " src/test/java has 1 source file that uses JMH's annotations, but target/test-classes holds no"
                + " class file: perfgate runs compiled benchmarks and does not compile them. Compile them first:"
                + " mvn test-compile perfgate:baseline");
    }

    @Test
    void anEmptyOutputDirectoryIsNotCompiledEither() throws IOException {
        write(testSources.resolve("b/SumBench.java"), BENCHMARK_SOURCE);
        write(testSources.resolve("b/Other.java"), "package b; import org.openjdk.jmh.annotations.State; class Other {}");
        Files.createDirectories(testClasses.resolve("META-INF"));

        Diagnosis diagnosis = MissingBenchmarks.diagnose(facts(17, test(null, null, null)), null);

        assertThat(diagnosis.cause()).isEqualTo(Cause.NOT_COMPILED);
        assertThat(diagnosis.message()).contains("src/test/java has 2 source files that use JMH's annotations");
    }

    @Test
    void withoutJmhSourcesUncompiledJavaSourcesStillSayCompileFirst() throws IOException {
        write(testSources.resolve("b/PlainTest.java"), "package b; class PlainTest {}");
        compiled(mainClasses);

        Diagnosis diagnosis = MissingBenchmarks.diagnose(facts(25, test(null, null, null), main()), "1.37");

        assertThat(diagnosis.cause()).isEqualTo(Cause.NOT_COMPILED);
        assertThat(diagnosis.message()).contains("src/test/java has 1 Java source file, but target/test-classes"
                + " holds no class file");
    }

    @Test
    void compiledWithoutJmhSourcesIsTheGeneralMessage() throws IOException {
        write(testSources.resolve("b/PlainTest.java"), "package b; class PlainTest {}");
        compiled(testClasses);

        Diagnosis diagnosis = MissingBenchmarks.diagnose(facts(25, test(null, null, null)), "1.37");

        assertThat(diagnosis.cause()).isEqualTo(Cause.UNKNOWN);
        assertThat(diagnosis.message()).isEqualTo(BenchmarkDiscovery.noBenchmarkListMessage());
    }

    @Test
    void noSourcesAtAllIsTheGeneralMessage() {
        assertThat(MissingBenchmarks.diagnose(facts(25, test(null, null, null), main()), "1.37").cause())
                .isEqualTo(Cause.UNKNOWN);
    }

    @Test
    void jdk23PlusWithTheProcessorOnlyOnTheClasspathSaysWhatToAdd() throws IOException {
        compiledBenchmarks();

        Diagnosis diagnosis = MissingBenchmarks.diagnose(facts(25, test(null, null, null)), "1.36");

        assertThat(diagnosis.cause()).isEqualTo(Cause.PROCESSOR_NOT_RUN);
        assertThat(diagnosis.message()).isEqualTo("No JMH benchmarks found: JMH's annotation processor did not run."
                + " org.openjdk.jmh:jmh-generator-annprocess is on the classpath, but javac 23 and newer run no"
                + " annotation processor found only on the classpath unless processing is asked for, and this build"
                + " compiled with JDK 25 without asking, so the @Benchmark methods in src/test/java got no generated"
                + " code and no META-INF/BenchmarkList. Name the processor for the compilation of the benchmarks"
                + " (works with every JDK):\n"
                + "  <plugin>\n"
                + "    <artifactId>maven-compiler-plugin</artifactId>\n"
                + "    <executions>\n"
                + "      <execution>\n"
                + "        <id>default-testCompile</id>\n"
                + "        <configuration>\n"
                + "          <annotationProcessorPaths>\n"
                + "            <path>\n"
                + "              <groupId>org.openjdk.jmh</groupId>\n"
                + "              <artifactId>jmh-generator-annprocess</artifactId>\n"
                + "              <version>1.36</version>\n"
                + "            </path>\n"
                + "          </annotationProcessorPaths>\n"
                + "        </configuration>\n"
                + "      </execution>\n"
                + "    </executions>\n"
                + "  </plugin>\n"
                + "or turn processing on for the whole build (javac 21 and newer, and 17.0.11 and newer, know"
                + " -proc:full):\n"
                + "  <properties>\n"
                + "    <maven.compiler.proc>full</maven.compiler.proc>\n"
                + "  </properties>\n"
                + "(or <proc>full</proc> in maven-compiler-plugin's <configuration>). For one build: mvn clean"
                + " test-compile perfgate:baseline -Dmaven.compiler.proc=full");
    }

    @Test
    void theSameSetupBeforeJdk23IsNotBlamedOnTheJdk() throws IOException {
        compiledBenchmarks();

        assertThat(MissingBenchmarks.diagnose(facts(22, test(null, null, null)), "1.37").cause())
                .isEqualTo(Cause.UNKNOWN);
        assertThat(MissingBenchmarks.diagnose(facts(0, test(null, null, null)), "1.37").cause())
                .as("javac version unknown").isEqualTo(Cause.UNKNOWN);
    }

    @Test
    void processingAskedForOnJdk23PlusIsNotBlamed() throws IOException {
        compiledBenchmarks();

        assertThat(MissingBenchmarks.diagnose(facts(25, test("full", "<proc>full</proc>", null)), "1.37").cause())
                .isEqualTo(Cause.UNKNOWN);
    }

    @Test
    void anUnknownProcessorVersionFallsBackToTheTestedOne() throws IOException {
        compiledBenchmarks();

        assertThat(MissingBenchmarks.diagnose(facts(23, test(null, null, null)), "").message())
                .contains("<version>1.37</version>").contains("compiled with JDK 23 without asking");
    }

    @Test
    void theProcessorMissingIsTodaysMessage() throws IOException {
        compiledBenchmarks();

        Diagnosis diagnosis = MissingBenchmarks.diagnose(facts(25, test(null, null, null)), null);

        assertThat(diagnosis.cause()).isEqualTo(Cause.PROCESSOR_MISSING);
        assertThat(diagnosis.message()).isEqualTo(BenchmarkDiscovery.noBenchmarkListMessage());
    }

    @Test
    void processingTurnedOffSaysSoAndHowToTurnItOn() throws IOException {
        compiledBenchmarks();

        Diagnosis diagnosis = MissingBenchmarks.diagnose(
                facts(17, test("none", "maven.compiler.proc=none", null)), "1.37");

        assertThat(diagnosis.cause()).isEqualTo(Cause.PROCESSING_OFF);
        assertThat(diagnosis.message()).isEqualTo("No JMH benchmarks found: annotation processing is turned off"
                + " (maven.compiler.proc=none), so JMH's annotation processor never ran on the @Benchmark methods in"
                + " src/test/java and wrote no META-INF/BenchmarkList. Remove that setting, or turn processing on for"
                + " the compilation of the benchmarks:\n"
                + "  <plugin>\n"
                + "    <artifactId>maven-compiler-plugin</artifactId>\n"
                + "    <executions>\n"
                + "      <execution>\n"
                + "        <id>default-testCompile</id>\n"
                + "        <configuration>\n"
                + "          <proc>full</proc>\n"
                + "        </configuration>\n"
                + "      </execution>\n"
                + "    </executions>\n"
                + "  </plugin>\n"
                + "then run: mvn clean test-compile perfgate:baseline");
    }

    @Test
    void processingOffWinsOverAProcessorPathThatNamesJmh() throws IOException {
        compiledBenchmarks();

        assertThat(MissingBenchmarks.diagnose(facts(25, test("none", "<proc>none</proc>",
                List.of(MissingBenchmarks.PROCESSOR))), null).cause()).isEqualTo(Cause.PROCESSING_OFF);
    }

    @Test
    void aProcessorPathWithoutJmhNamesWhatToAddThere() throws IOException {
        compiledBenchmarks();

        Diagnosis diagnosis = MissingBenchmarks.diagnose(facts(17, test(null, null,
                List.of("org.projectlombok:lombok"))), "1.37");

        assertThat(diagnosis.cause()).isEqualTo(Cause.NOT_ON_PROCESSOR_PATH);
        assertThat(diagnosis.message()).isEqualTo("No JMH benchmarks found: maven-compiler-plugin's"
                + " <annotationProcessorPaths> names org.projectlombok:lombok but not"
                + " org.openjdk.jmh:jmh-generator-annprocess, and with a processor path javac looks for annotation"
                + " processors only there, so JMH's processor never ran on the @Benchmark methods in src/test/java."
                + " Add it:\n"
                + "  <path>\n"
                + "    <groupId>org.openjdk.jmh</groupId>\n"
                + "    <artifactId>jmh-generator-annprocess</artifactId>\n"
                + "    <version>1.37</version>\n"
                + "  </path>\n"
                + "then run: mvn clean test-compile perfgate:baseline");
    }

    @Test
    void aProcessorPathThatNamesJmhIsTheGeneralMessage() throws IOException {
        compiledBenchmarks();

        assertThat(MissingBenchmarks.diagnose(facts(25, test(null, null, List.of(MissingBenchmarks.PROCESSOR))),
                null).cause()).isEqualTo(Cause.UNKNOWN);
    }

    @Test
    void benchmarksInMainSourcesAreJudgedByTheMainCompilation() throws IOException {
        write(mainSources.resolve("b/SumBench.java"), BENCHMARK_SOURCE);
        compiled(mainClasses);
        write(testSources.resolve("b/PlainTest.java"), "package b; class PlainTest {}");

        Diagnosis diagnosis = MissingBenchmarks.diagnose(facts(25, test("full", "<proc>full</proc>", null), main()),
                "1.37");

        assertThat(diagnosis.cause()).as("the uncompiled test sources hold no benchmark")
                .isEqualTo(Cause.PROCESSOR_NOT_RUN);
        assertThat(diagnosis.message()).contains("<id>default-compile</id>").contains("methods in src/main/java");
    }

    private void compiledBenchmarks() throws IOException {
        write(testSources.resolve("b/SumBench.java"), BENCHMARK_SOURCE);
        compiled(testClasses);
    }

    private static void compiled(Path classes) throws IOException {
        write(classes.resolve("b/SumBench.class"), "\u00ca\u00fe\u00ba\u00be");
    }

    private CompileFacts facts(int javac, CompileFacts.Compilation... compilations) {
        return new CompileFacts(project, javac, List.of(compilations), "test-compile perfgate:baseline");
    }

    private CompileFacts.Compilation test(String proc, String procSetting, List<String> processorPath) {
        return new CompileFacts.Compilation("default-testCompile", List.of(testSources,
                project.resolve("target/generated-test-sources/test-annotations")), testClasses, proc, procSetting,
                processorPath);
    }

    private CompileFacts.Compilation main() {
        return CompileFacts.Compilation.of("default-compile", List.of(mainSources), mainClasses);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
