package io.github.perfgate.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real JMH processes on the fixture benchmarks in {@code io.github.perfgate.jmh.fixtures}. Each test selects
 * its fixture with an include regex, and gives JMH its own temp directory so its lock file
 * ({@code java.io.tmpdir/jmh.lock}) cannot collide with other JMH runs on the machine.
 */
class JmhRunnerTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Duration GENEROUS = Duration.ofMinutes(3);

    @TempDir
    Path tempDir;

    private final String marker = "perfgate-test-" + UUID.randomUUID();
    private final RecordingListener listener = new RecordingListener();

    @Test
    void runsBenchmarkWritesResultsAndReportsProgress() throws Exception {
        Path resultFile = tempDir.resolve("result.json");

        new JmhRunner().run(request(quickArguments("fixtures\\.TinyBenchmark").resultFile(resultFile), GENEROUS),
                listener);

        assertThat(resultFile).isNotEmptyFile();
        assertThat(Files.readString(resultFile)).contains("io.github.perfgate.jmh.fixtures.TinyBenchmark.sum");
        assertThat(listener.progress).containsExactly(
                "1/2 io.github.perfgate.jmh.fixtures.TinyBenchmark.sum (size = 1)",
                "2/2 io.github.perfgate.jmh.fixtures.TinyBenchmark.sum (size = 2)");
        assertThat(listener.lines).anyMatch(line -> line.startsWith("# JMH version: 1.37"));
    }

    @Test
    void throwingBenchmarkFailsNamingItAndTheException() {
        JmhRunException failure = catchThrowableOfType(JmhRunException.class,
                () -> new JmhRunner().run(request(quickArguments("fixtures\\.FailingBenchmark"), GENEROUS), listener));

        assertThat(failure.kind()).isEqualTo(JmhRunException.Kind.BENCHMARK_FAILED);
        assertThat(failure).hasMessage("Benchmark io.github.perfgate.jmh.fixtures.FailingBenchmark.boom failed:"
                + " java.lang.IllegalStateException: boom. JMH's output has the full stack trace.");
    }

    @Test
    void timeoutStopsJmhAndEveryForkedJvm() {
        JmhRunException failure = catchThrowableOfType(JmhRunException.class, () -> new JmhRunner()
                .run(request(quickArguments("fixtures\\.SleepingBenchmark"), Duration.ofSeconds(3)), listener));

        assertThat(failure.kind()).isEqualTo(JmhRunException.Kind.TIMEOUT);
        assertThat(failure.getMessage())
                .startsWith("JMH did not finish within the timeout of 3s and was stopped ")
                .contains("-Dperfgate.timeout=6s", "-Dperfgate.include=");
        assertThat(processesWithMarker()).isEmpty();
    }

    @Test
    void interruptionStopsJmhAndEveryForkedJvm() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runnerThread = new Thread(() -> {
            try {
                new JmhRunner().run(request(quickArguments("fixtures\\.SleepingBenchmark"), GENEROUS), listener);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        runnerThread.start();
        // Interrupt only once the forked benchmark JVM exists, so the test proves it gets stopped too. Its
        // command line starts with the -jvmArgs options (the JDK truncates long command lines, so the end may
        // be missing); the JMH host has the same text only as "-jvmArgs=-D...".
        String forkOption = " -Dperfgate.marker=" + marker + "-fork";
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (processesWithMarker().stream().noneMatch(command -> command.contains(forkOption))
                && runnerThread.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(processesWithMarker()).anyMatch(command -> command.contains(forkOption));
        runnerThread.interrupt();
        runnerThread.join(GENEROUS.toMillis());

        assertThat(runnerThread.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(listener.progress).containsExactly("1/1 io.github.perfgate.jmh.fixtures.SleepingBenchmark.sleep");
        assertThat(processesWithMarker()).isEmpty();
    }

    @Test
    void includeMatchingNothingFailsWithoutRunning() {
        assertThatThrownBy(() -> new JmhRunner().run(request(quickArguments("NoSuchBenchmark"), GENEROUS), listener))
                .isInstanceOfSatisfying(JmhRunException.class,
                        e -> assertThat(e.kind()).isEqualTo(JmhRunException.Kind.NO_BENCHMARKS))
                .hasMessageStartingWith(
                        "No benchmark matches the selection passed to JMH (arguments: NoSuchBenchmark ");
        assertThat(listener.lines).isEmpty();
    }

    @Test
    void longClasspathWorksForHostAndForks() throws Exception {
        // Over Linux's 128 KiB limit for one argument, so both the argfile and JMH's classpath jar are needed.
        // Entries must exist: JMH's classpath jar refuses missing ones (and the runner leaves them out).
        List<Path> classpath = new ArrayList<>(testClasspath());
        for (int i = 0; i < 600; i++) {
            classpath.add(Files.createDirectories(tempDir.resolve("dir with spaces " + i + " " + "x".repeat(220))));
        }
        assertThat(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()))
                .hasSizeGreaterThan(140_000);
        Path resultFile = tempDir.resolve("result.json");

        new JmhRunner().run(new JmhRunRequest(JAVA, classpath,
                quickArguments("fixtures\\.TinyBenchmark").extraArguments("-p size=1").resultFile(resultFile).toList(),
                tempDir, GENEROUS, hostArguments()), listener);

        assertThat(resultFile).isNotEmptyFile();
        assertThat(listener.progress)
                .containsExactly("1/1 io.github.perfgate.jmh.fixtures.TinyBenchmark.sum (size = 1)");
    }

    @Test
    void temporaryFilesStayInTheBuildAndALeftoverOfAKilledBuildIsRemoved() throws Exception {
        Path temporary = tempDir.resolve("tmp");
        Files.createDirectories(temporary);
        Path leftover = Files.writeString(temporary.resolve("perfgate-jmh-123.args"), "-cp \"stale\"\n");

        new JmhRunner().run(request(quickArguments("fixtures\\.TinyBenchmark").resultFile(tempDir.resolve("r.json"))
                .extraArguments("-p size=1"), GENEROUS), listener);

        assertThat(leftover).doesNotExist();
        try (Stream<Path> files = Files.list(temporary)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the argfile is gone; the class directories stay for the next run")
                    .containsExactlyInAnyOrder("perfgate-watchdog", "perfgate-cpu");
        }
    }

    @Test
    void argFileKeepsSpacesAndBackslashesInClasspathEntries() throws Exception {
        Path odd = tempDir.resolve("dir with space\\and backslash \"quoted\"");
        Path argFile = JmhCommandLine.writeArgFile(List.of(odd, tempDir.resolve("second")), tempDir);
        try {
            Process process = new ProcessBuilder(
                    JAVA.toString(), "@" + argFile, "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).isZero();
            assertThat(output).contains(odd.toString(), tempDir.resolve("second").toString());
        } finally {
            Files.deleteIfExists(argFile);
        }
    }

    private JmhArguments quickArguments(String include) {
        return new JmhArguments()
                .include(List.of(include))
                .forks(1)
                .warmupIterations(0)
                .iterations(1)
                .time("100ms")
                .jvmArgs("-Dperfgate.marker=" + marker + "-fork -Xmx64m");
    }

    private JmhRunRequest request(JmhArguments arguments, Duration timeout) {
        return new JmhRunRequest(JAVA, testClasspath(), arguments.toList(), tempDir, timeout, hostArguments(),
                tempDir.resolve("tmp"));
    }

    private List<String> hostArguments() {
        return List.of("-Dperfgate.marker=" + marker + "-host", "-Djava.io.tmpdir=" + tempDir, "-Xmx64m");
    }

    private static List<Path> testClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    /** Command lines of live processes started for this test (host and forks carry the marker). */
    private List<String> processesWithMarker() {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(command -> command.contains(marker))
                .collect(Collectors.toList());
    }

    private static final class RecordingListener implements JmhRunListener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<String> progress = new CopyOnWriteArrayList<>();

        @Override
        public void line(String line) {
            lines.add(line);
        }

        @Override
        public void progress(int index, int total, String benchmark, Duration eta) {
            progress.add(index + "/" + total + " " + benchmark);
        }
    }
}
