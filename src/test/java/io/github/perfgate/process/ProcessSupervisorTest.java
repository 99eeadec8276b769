package io.github.perfgate.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs real JVMs ({@link ChildJvm}, on the test classpath, under the watchdog) through the supervisor. Deadlines are
 * short and asserted by what they do (the kind, the processes gone), never by how long anything took.
 */
class ProcessSupervisorTest {

    private static final Deadline GENEROUS = Deadline.after(Duration.ofMinutes(3));

    private final String marker = "perfgate-process-test-" + UUID.randomUUID();
    private final ProcessSupervisor supervisor = new ProcessSupervisor(Duration.ofSeconds(1));

    @AfterEach
    void killLeftovers() {
        live().forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void runPassesEveryLineInOrderKeepsABoundedTailAndReportsTheExitCode() throws Exception {
        List<String> seen = new ArrayList<>();

        ProcessSupervisor.Completion completion =
                supervisor.run(ChildJvm.launch(marker, "lines", "100", "3"), GENEROUS, seen::add);

        assertThat(completion.exitCode()).isEqualTo(3);
        assertThat(seen).hasSize(100).startsWith("line 1", "line 2").endsWith("line 99", "line 100");
        List<String> expectedTail = new ArrayList<>();
        for (int i = 100 - OutputTail.LINES + 1; i <= 100; i++) {
            expectedTail.add("line " + i);
        }
        assertThat(completion.outputTail()).isEqualTo(expectedTail);
        assertThat(live()).isEmpty();
    }

    @Test
    void aPassedDeadlineStopsTheProcessAndItsChildren() throws Exception {
        long grandchild;
        ProcessHandle child;
        try (SupervisedProcess process = supervisor.start(ChildJvm.launch(marker, "spawn"))) {
            child = ProcessHandle.of(process.pid()).orElseThrow();
            Optional<String> pid = process.nextLine(GENEROUS);
            assertThat(pid).as("the child printed its grandchild's pid").isPresent();
            grandchild = Long.parseLong(pid.get());
            assertThat(ProcessHandle.of(grandchild)).as("the grandchild runs").isPresent();

            ProcessException timeout = catchThrowableOfType(ProcessException.class,
                    () -> process.awaitExit(Deadline.after(Duration.ofMillis(200))));

            assertThat(timeout.kind()).isEqualTo(ProcessException.Kind.TIMEOUT);
            assertThat(timeout).hasMessageContaining("timeout of 200ms");
        }
        assertThat(gone(child)).as("the child was stopped").isTrue();
        assertThat(ProcessHandle.of(grandchild).map(ProcessSupervisorTest::gone).orElse(true))
                .as("the grandchild was stopped").isTrue();
    }

    @Test
    void runToADeadlineReportsTimeoutAndLeavesNoProcess() {
        ProcessException timeout = catchThrowableOfType(ProcessException.class,
                () -> supervisor.run(ChildJvm.launch(marker, "spawn"), Deadline.after(Duration.ofSeconds(1)),
                        line -> { }));

        assertThat(timeout.kind()).isEqualTo(ProcessException.Kind.TIMEOUT);
        assertThat(live()).isEmpty();
    }

    @Test
    void anInterruptedCallerGetsInterruptedExceptionAndNoProcessIsLeft() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread caller = new Thread(() -> {
            try {
                supervisor.run(ChildJvm.launch(marker, "spawn"), GENEROUS, line -> {
                    lines.add(line);
                    started.countDown();
                });
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        assertThat(started.await(3, TimeUnit.MINUTES)).as("the child started its grandchild").isTrue();

        caller.interrupt();
        caller.join(TimeUnit.MINUTES.toMillis(3));

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(ProcessHandle.of(Long.parseLong(lines.get(0))).map(ProcessSupervisorTest::gone).orElse(true))
                .as("the grandchild was stopped").isTrue();
        assertThat(live()).isEmpty();
    }

    @Test
    void aJvmThatCannotStartIsReportedWithTheExecutable() {
        Path missing = Path.of("/no/such/dir/java");
        JvmLaunch launch = new JvmLaunch(missing, List.of(), ChildJvm.class.getName(), List.of("sleep"),
                Path.of("").toAbsolutePath());

        ProcessException failure = catchThrowableOfType(ProcessException.class,
                () -> supervisor.run(launch, GENEROUS, line -> { }));

        assertThat(failure.kind()).isEqualTo(ProcessException.Kind.START_FAILED);
        assertThat(failure).hasMessageStartingWith("Could not start " + missing + ": ");
    }

    @Test
    void theChildGetsNeitherMavensNorTheJdksOptionVariables() throws Exception {
        // The supervisor runs in a JVM whose environment has all four variables set, each to a harmless property.
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.java().toString(), "-cp",
                System.getProperty("java.class.path"), ChildJvm.class.getName(), "supervise")
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("MAVEN_OPTS", "-Dperfgate.test.maven=set");
        environment.put("JAVA_TOOL_OPTIONS", "-Dperfgate.test.tool=set");
        environment.put("_JAVA_OPTIONS", "-Dperfgate.test.underscore=set");
        environment.put("JDK_JAVA_OPTIONS", "-Dperfgate.test.jdk=set");
        environment.put("PERFGATE_TEST_KEPT", "kept");
        Process supervising = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(supervising.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(output::add);
        }
        assertThat(supervising.waitFor(3, TimeUnit.MINUTES)).isTrue();

        assertThat(output).as("the supervising JVM itself picked the options up")
                .anyMatch(l -> l.contains("Picked up"));
        assertThat(output).contains("child: MAVEN_OPTS=null", "child: JAVA_TOOL_OPTIONS=null",
                "child: _JAVA_OPTIONS=null", "child: JDK_JAVA_OPTIONS=null", "child: PERFGATE_TEST_KEPT=kept",
                "child: perfgate.test.tool=null", "child: perfgate.test.underscore=null",
                "child: perfgate.test.jdk=null", "exit 0");
        assertThat(output).noneMatch(l -> l.startsWith("child: Picked up"));
    }

    /** Live processes started by this test: their command line carries the marker. */
    private List<ProcessHandle> live() {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .toList();
    }

    /** True once the process has gone; waits a little for one that was just killed to be reaped. */
    private static boolean gone(ProcessHandle process) {
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception stillThere) {
            // isAlive says so below
        }
        return !process.isAlive();
    }
}
