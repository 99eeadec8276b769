package io.github.perfgate.cpu;

import io.github.perfgate.watchdog.ClassFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts {@link ThreadCpuProfiler} where the JMH host and its forks can load it: a directory under the build's temporary
 * directory holding its class files and nothing else of perfgate, appended to the host's classpath (JMH's forks
 * inherit the host's {@code java.class.path}).
 *
 * <p>This class never loads the profiler (that would need JMH in Maven's JVM): it copies class files by name.
 */
public final class CpuProfilerInstall {

    /** The profiler's class name, for JMH's {@code -prof}. */
    public static final String PROFILER = "io.github.perfgate.cpu.ThreadCpuProfiler";
    /** The secondary metric it writes (see {@link ThreadCpuProfiler#METRIC}, which this copy must equal). */
    public static final String METRIC = "perfgate.cpu";

    private static final List<String> CLASSES = List.of(PROFILER, WorkerCpu.class.getName());

    private CpuProfilerInstall() {
    }

    /**
     * Writes the profiler's class files under {@code temporaryDirectory/perfgate-cpu} (again, if they are there
     * already) and returns the directory to append to the JMH host's classpath.
     */
    public static Path classDirectory(Path temporaryDirectory) throws IOException {
        return ClassFiles.install(temporaryDirectory.resolve("perfgate-cpu"), CLASSES);
    }
}
