package io.github.perfgate.jmh;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the build says about how the benchmarks were to be compiled, so that a classpath without benchmarks can be
 * explained ({@link MissingBenchmarks}): the build tool reads it from its own configuration, the core reads no
 * build file.
 *
 * @param baseDirectory  the project's base directory, which the paths in messages are relative to
 * @param javacVersion   the feature version of the JDK whose javac compiled (25 for JDK 25.0.1); 0 when unknown
 * @param compilations   the compilations whose output is on the benchmark classpath (main and test sources)
 * @param rerun          the arguments of {@code mvn} that compile the benchmarks and run this goal again, e.g.
 *                       {@code test-compile perfgate:baseline}
 */
public record CompileFacts(Path baseDirectory, int javacVersion, List<Compilation> compilations, String rerun) {

    /** The first JDK whose javac runs no annotation processor it finds only on the classpath (JDK-8321314). */
    public static final int NO_IMPLICIT_PROCESSING_SINCE = 23;

    public CompileFacts {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        compilations = List.copyOf(compilations);
        Objects.requireNonNull(rerun, "rerun");
    }

    /**
     * One compilation: its sources, where its classes go, and how it was told to run annotation processors.
     *
     * @param execution     the maven-compiler-plugin execution that runs it ({@code default-testCompile}), for the
     *                      snippets of a message
     * @param sourceRoots   the source directories (missing ones are skipped)
     * @param outputDirectory where the class files go
     * @param proc          javac's {@code -proc} policy as configured ({@code none}, {@code only}, {@code full}), or
     *                      {@code null} when not set, which leaves javac's default
     * @param procSetting   where {@code proc} was set, as the user wrote it ({@code <proc>none</proc>},
     *                      {@code maven.compiler.proc=none}); {@code null} when not set
     * @param processorPath the processors named on the processor path, as {@code groupId:artifactId}, or
     *                      {@code null} when there is none (then javac looks for processors on the classpath)
     */
    public record Compilation(String execution, List<Path> sourceRoots, Path outputDirectory, String proc, String procSetting,
            List<String> processorPath) {

        public Compilation {
            Objects.requireNonNull(execution, "execution");
            sourceRoots = List.copyOf(sourceRoots);
            Objects.requireNonNull(outputDirectory, "outputDirectory");
            proc = proc == null || proc.isBlank() ? null : proc.strip().toLowerCase(Locale.ROOT);
            processorPath = processorPath == null ? null : List.copyOf(processorPath);
        }

        /** A compilation with javac's default processing and no processor path. */
        public static Compilation of(String execution, List<Path> sourceRoots, Path outputDirectory) {
            return new Compilation(execution, sourceRoots, outputDirectory, null, null, null);
        }
    }
}
