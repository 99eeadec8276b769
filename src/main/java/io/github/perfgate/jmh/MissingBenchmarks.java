package io.github.perfgate.jmh;

import io.github.perfgate.files.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Why a classpath holds no {@code META-INF/BenchmarkList}, from what the build says about its compilations
 * ({@link CompileFacts}) and what the classpath holds, so that the message names the fix: compile first, turn
 * annotation processing on (javac 23 and newer run no processor found only on the classpath), put JMH's processor on
 * the processor path, or add it. When nothing points at a cause, the message is the general one.
 */
final class MissingBenchmarks {

    /** Why there is no benchmark list. */
    enum Cause {
        /** The compilation that holds the benchmark sources wrote no class file: it did not run. */
        NOT_COMPILED,
        /** Annotation processing is turned off ({@code -proc:none}). */
        PROCESSING_OFF,
        /** A processor path is set and does not name JMH's processor, so javac never looks on the classpath. */
        NOT_ON_PROCESSOR_PATH,
        /** JMH's processor is on the classpath, and javac 23 or newer runs no processor found only there. */
        PROCESSOR_NOT_RUN,
        /** JMH's processor is nowhere to be found. */
        PROCESSOR_MISSING,
        /** Nothing in the facts explains it. */
        UNKNOWN
    }

    /** A cause and the message that explains it to the user. */
    record Diagnosis(Cause cause, String message) {
    }

    /** JMH's annotation processor, as Maven names it. */
    static final String PROCESSOR = "org.openjdk.jmh:jmh-generator-annprocess";

    /** What marks a source file as holding benchmarks: an import, or a fully qualified annotation. */
    private static final String JMH_ANNOTATIONS = "org.openjdk.jmh.annotations";

    /** The JMH version in snippets when the processor's own version is not known. */
    private static final String DEFAULT_VERSION = "1.37";

    private MissingBenchmarks() {
    }

    /**
     * Explains why no {@code META-INF/BenchmarkList} was found.
     *
     * @param processorVersion the version of the {@code jmh-generator-annprocess} jar on the classpath, {@code ""}
     *                         when it is there in an unknown version, {@code null} when it is not there
     */
    static Diagnosis diagnose(CompileFacts facts, String processorVersion) {
        List<Sources> scanned = facts.compilations().stream().map(Sources::scan).toList();
        List<Sources> withBenchmarks = scanned.stream().filter(s -> s.benchmarkFiles() > 0).toList();
        List<Sources> relevant = withBenchmarks.isEmpty()
                ? scanned.stream().filter(s -> s.javaFiles() > 0).toList()
                : withBenchmarks;
        for (Sources sources : relevant) {
            if (!sources.compiled()) {
                return new Diagnosis(Cause.NOT_COMPILED, notCompiled(facts, sources));
            }
        }
        if (withBenchmarks.isEmpty()) {
            return general();
        }
        Sources benchmarks = withBenchmarks.get(0);
        CompileFacts.Compilation compilation = benchmarks.compilation();
        String version = processorVersion == null || processorVersion.isEmpty() ? DEFAULT_VERSION : processorVersion;
        if ("none".equals(compilation.proc())) {
            return new Diagnosis(Cause.PROCESSING_OFF, processingOff(facts, benchmarks));
        }
        if (compilation.processorPath() != null) {
            return compilation.processorPath().contains(PROCESSOR) ? general()
                    : new Diagnosis(Cause.NOT_ON_PROCESSOR_PATH, notOnProcessorPath(facts, benchmarks, version));
        }
        if (processorVersion == null) {
            return new Diagnosis(Cause.PROCESSOR_MISSING, BenchmarkDiscovery.noBenchmarkListMessage());
        }
        if (facts.javacVersion() >= CompileFacts.NO_IMPLICIT_PROCESSING_SINCE && compilation.proc() == null) {
            return new Diagnosis(Cause.PROCESSOR_NOT_RUN, processorNotRun(facts, benchmarks, version));
        }
        return general();
    }

    private static Diagnosis general() {
        return new Diagnosis(Cause.UNKNOWN, BenchmarkDiscovery.noBenchmarkListMessage());
    }

    private static String notCompiled(CompileFacts facts, Sources sources) {
        return "No JMH benchmarks found: the benchmarks are not compiled. " + sources.describe(facts) + ", but "
                + ProjectPaths.forUser(facts.baseDirectory(), sources.compilation().outputDirectory())
                + " holds no class file: perfgate runs compiled benchmarks and does not compile them. Compile them"
                + " first: mvn " + facts.rerun();
    }

    private static String processingOff(CompileFacts facts, Sources sources) {
        return "No JMH benchmarks found: annotation processing is turned off (" + sources.compilation().procSetting()
                + "), so JMH's annotation processor never ran on the @Benchmark methods in "
                + sources.roots(facts) + " and wrote no META-INF/BenchmarkList. Remove that setting, or turn"
                + " processing on for the compilation of the benchmarks:\n"
                + compilerPlugin(sources, "<proc>full</proc>")
                + "\nthen run: mvn clean " + facts.rerun();
    }

    private static String notOnProcessorPath(CompileFacts facts, Sources sources, String version) {
        List<String> named = sources.compilation().processorPath();
        return "No JMH benchmarks found: maven-compiler-plugin's <annotationProcessorPaths> "
                + (named.isEmpty() ? "is set" : "names " + String.join(", ", named)) + " but not " + PROCESSOR
                + ", and with a processor path javac looks for annotation processors only there, so JMH's processor"
                + " never ran on the @Benchmark methods in " + sources.roots(facts) + ". Add it:\n"
                + indent(processorPathEntry(version), "  ")
                + "\nthen run: mvn clean " + facts.rerun();
    }

    private static String processorNotRun(CompileFacts facts, Sources sources, String version) {
        return "No JMH benchmarks found: JMH's annotation processor did not run. " + PROCESSOR + " is on the"
                + " classpath, but javac " + CompileFacts.NO_IMPLICIT_PROCESSING_SINCE + " and newer run no"
                + " annotation processor found only on the classpath unless processing is asked for, and this build"
                + " compiled with JDK " + facts.javacVersion() + " without asking, so the @Benchmark methods in "
                + sources.roots(facts) + " got no generated code and no META-INF/BenchmarkList. Name the processor"
                + " for the compilation of the benchmarks (works with every JDK):\n"
                + compilerPlugin(sources, "<annotationProcessorPaths>\n" + indent(processorPathEntry(version), "  ")
                        + "\n</annotationProcessorPaths>")
                + "\nor turn processing on for the whole build (javac 21 and newer, and 17.0.11 and newer, know"
                + " -proc:full):\n"
                + "  <properties>\n"
                + "    <maven.compiler.proc>full</maven.compiler.proc>\n"
                + "  </properties>\n"
                + "(or <proc>full</proc> in maven-compiler-plugin's <configuration>). For one build: mvn clean "
                + facts.rerun() + " -Dmaven.compiler.proc=full";
    }

    /** maven-compiler-plugin with {@code configuration} in the execution that compiles {@code sources}. */
    private static String compilerPlugin(Sources sources, String configuration) {
        return "  <plugin>\n"
                + "    <artifactId>maven-compiler-plugin</artifactId>\n"
                + "    <executions>\n"
                + "      <execution>\n"
                + "        <id>" + sources.compilation().execution() + "</id>\n"
                + "        <configuration>\n"
                + indent(configuration, "          ") + "\n"
                + "        </configuration>\n"
                + "      </execution>\n"
                + "    </executions>\n"
                + "  </plugin>";
    }

    private static String processorPathEntry(String version) {
        return "<path>\n"
                + "  <groupId>org.openjdk.jmh</groupId>\n"
                + "  <artifactId>jmh-generator-annprocess</artifactId>\n"
                + "  <version>" + version + "</version>\n"
                + "</path>";
    }

    private static String indent(String text, String prefix) {
        return text.lines().map(line -> prefix + line).collect(Collectors.joining("\n"));
    }

    /** What one compilation's source roots and output directory hold. */
    private record Sources(CompileFacts.Compilation compilation, List<Path> roots, int javaFiles, int benchmarkFiles,
            boolean compiled) {

        static Sources scan(CompileFacts.Compilation compilation) {
            List<Path> roots = new ArrayList<>();
            int javaFiles = 0;
            int benchmarkFiles = 0;
            for (Path root : compilation.sourceRoots()) {
                List<Path> files = filesEndingWith(root, ".java");
                if (!files.isEmpty()) {
                    roots.add(root);
                }
                javaFiles += files.size();
                benchmarkFiles += (int) files.stream().filter(Sources::usesJmh).count();
            }
            return new Sources(compilation, roots, javaFiles, benchmarkFiles,
                    !filesEndingWith(compilation.outputDirectory(), ".class").isEmpty());
        }

        /** {@code src/test/java has 2 source files that use JMH's annotations}. */
        String describe(CompileFacts facts) {
            return roots(facts) + (roots.size() == 1 ? " has " : " have ") + (benchmarkFiles > 0
                    ? count(benchmarkFiles, "source file") + " that use" + (benchmarkFiles == 1 ? "s" : "")
                            + " JMH's annotations"
                    : count(javaFiles, "Java source file"));
        }

        String roots(CompileFacts facts) {
            return roots.stream().map(root -> ProjectPaths.forUser(facts.baseDirectory(), root))
                    .collect(Collectors.joining(", "));
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }

        /** Read as ISO-8859-1, which decodes any bytes: the marker is ASCII, the same in UTF-8 and the 8-bit encodings. */
        private static boolean usesJmh(Path file) {
            try {
                return Files.readString(file, StandardCharsets.ISO_8859_1).contains(JMH_ANNOTATIONS);
            } catch (IOException unreadable) {
                return false;
            }
        }

        private static List<Path> filesEndingWith(Path directory, String suffix) {
            if (!Files.isDirectory(directory)) {
                return List.of();
            }
            try (Stream<Path> files = Files.walk(directory)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix) && Files.isRegularFile(f))
                        .toList();
            } catch (IOException | UncheckedIOException e) {
                return List.of();
            }
        }
    }
}
