package io.github.perfgate.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A program that is not a JVM ({@code sh}) under the supervisor: its output, exit code and exact environment, its
 * standard input closed, and its whole tree stopped at the deadline. Deadlines are asserted by what they do.
 */
@DisabledOnOs(OS.WINDOWS)
class CommandLaunchTest {

    private static final Deadline GENEROUS = Deadline.after(Duration.ofMinutes(3));
    private static final Path HERE = Path.of("").toAbsolutePath();

    private final ProcessSupervisor supervisor = new ProcessSupervisor(Duration.ofSeconds(1));

    @Test
    void runPassesStdoutAndStderrInOrderAndReturnsTheExitCode() throws Exception {
        List<String> seen = new ArrayList<>();

        ProcessSupervisor.Completion completion = supervisor.run(
                CommandLaunch.of(List.of("sh", "-c", "echo out; echo err >&2; echo last; exit 3"), HERE),
                GENEROUS, seen::add);

        assertThat(completion.exitCode()).isEqualTo(3);
        assertThat(seen).containsExactly("out", "err", "last");
        assertThat(completion.outputTail()).containsExactly("out", "err", "last");
    }

    @Test
    void theProgramGetsExactlyTheLaunchsEnvironmentAndWorkingDirectory() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", System.getenv("PATH"));
        environment.put("PERFGATE_GIVEN", "given");
        environment.put("MAVEN_OPTS", "-Xmx1g"); // kept: the JVM policy is not a program's
        List<String> seen = new ArrayList<>();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();

        supervisor.run(new CommandLaunch(List.of("sh", "-c",
                "echo \"given=$PERFGATE_GIVEN opts=$MAVEN_OPTS home=${HOME-unset}\"; pwd -P"), tmp, environment),
                GENEROUS, seen::add);

        assertThat(seen).containsExactly("given=given opts=-Xmx1g home=unset", tmp.toString());
    }

    @Test
    void standardInputIsClosedSoAProgramThatReadsItEndsAtOnce() throws Exception {
        ProcessSupervisor.Completion completion = supervisor.run(
                CommandLaunch.of(List.of("sh", "-c", "cat; echo read-to-end"), HERE), GENEROUS, line -> { });

        assertThat(completion.exitCode()).isZero();
        assertThat(completion.outputTail()).containsExactly("read-to-end");
    }

    @Test
    void aPassedDeadlineStopsTheProgramAndWhatItStarted() throws Exception {
        List<String> seen = new ArrayList<>();

        ProcessException timeout = catchThrowableOfType(ProcessException.class, () -> supervisor.run(
                CommandLaunch.of(List.of("sh", "-c", "sleep 600 & echo $!; wait"), HERE),
                Deadline.after(Duration.ofSeconds(2)), seen::add));

        assertThat(timeout.kind()).isEqualTo(ProcessException.Kind.TIMEOUT);
        assertThat(timeout).hasMessageContaining("timeout of 2s");
        assertThat(seen).as("the shell printed its child's pid").hasSize(1);
        ProcessHandle sleeper = ProcessHandle.of(Long.parseLong(seen.get(0))).orElse(null);
        if (sleeper != null) {
            sleeper.onExit().get(10, TimeUnit.SECONDS);
            assertThat(sleeper.isAlive()).as("the shell's child was stopped").isFalse();
        }
    }

    @Test
    void aProgramThatCannotStartIsReportedWithItsName() {
        ProcessException failure = catchThrowableOfType(ProcessException.class, () -> supervisor.run(
                CommandLaunch.of(List.of("/no/such/program"), HERE), GENEROUS, line -> { }));

        assertThat(failure.kind()).isEqualTo(ProcessException.Kind.START_FAILED);
        assertThat(failure).hasMessageStartingWith("Could not start /no/such/program: ");
    }

    @Test
    void aLaunchNeedsAProgram() {
        assertThatThrownBy(() -> CommandLaunch.of(List.of(), HERE)).isInstanceOf(IllegalArgumentException.class);
    }
}
