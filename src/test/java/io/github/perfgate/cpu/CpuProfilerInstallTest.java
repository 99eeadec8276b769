package io.github.perfgate.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuProfilerInstallTest {

    @TempDir
    Path dir;

    @Test
    void writesTheProfilersClassFilesAndNothingElseOfPerfgate() throws Exception {
        Path root = CpuProfilerInstall.classDirectory(dir);

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("io/github/perfgate/cpu/ThreadCpuProfiler.class",
                            "io/github/perfgate/cpu/WorkerCpu.class");
        }
        assertThat(CpuProfilerInstall.classDirectory(dir)).as("written again over the last copy").isEqualTo(root);
    }

    @Test
    void theDirectoryAndJmhAloneLoadTheProfiler() throws Exception {
        Path root = CpuProfilerInstall.classDirectory(dir);
        URL jmhCore = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("jmh-core")).findFirst().map(e -> {
                    try {
                        return Path.of(e).toUri().toURL();
                    } catch (java.net.MalformedURLException x) {
                        throw new IllegalStateException(x);
                    }
                }).orElseThrow();
        try (URLClassLoader fork = new URLClassLoader(new URL[] {root.toUri().toURL(), jmhCore},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> profiler = fork.loadClass(CpuProfilerInstall.PROFILER);
            Object instance = profiler.getConstructor().newInstance();

            assertThat(profiler.getClassLoader()).as("loaded from the directory, not from the test classpath")
                    .isSameAs(fork);
            assertThat(profiler.getMethod("getDescription").invoke(instance).toString()).contains("CPU time");
            assertThat(profiler.getField("METRIC").get(null)).isEqualTo(CpuProfilerInstall.METRIC);
        }
    }
}
