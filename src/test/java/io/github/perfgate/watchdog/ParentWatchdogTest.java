package io.github.perfgate.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real JVMs under the watchdog. Closing a child's standard input is what the kernel does when its parent dies
 * (SIGKILL included), so it stands in for a killed Maven here; the invoker IT {@code sigkill-leaves-no-jvm} kills a
 * real one.
 */
class ParentWatchdogTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void endOfInputEndsTheJvmAndEveryProcessItStarted() throws Exception {
        Process child = start(System.getProperty("java.class.path"), ChildMain.class.getName(), "spawn");
        long grandchildPid = Long.parseLong(firstLine(child));
        ProcessHandle grandchild = ProcessHandle.of(grandchildPid).orElseThrow();
        started.add(grandchild);
        assertThat(child.isAlive()).as("alive while its parent is").isTrue();
        assertThat(grandchild.isAlive()).isTrue();

        child.getOutputStream().close();

        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ended").isTrue();
        assertThat(child.exitValue()).isEqualTo(ParentWatchdog.PARENT_GONE);
        Optional<ProcessHandle> survivor = ProcessHandle.of(grandchildPid).filter(ProcessHandle::isAlive);
        if (survivor.isPresent()) {
            survivor.get().onExit().get(10, TimeUnit.SECONDS);
        }
        assertThat(grandchild.isAlive()).as("the grandchild was killed with it").isFalse();
    }

    @Test
    void runsTheNamedMainWithItsArgumentsAndKeepsItsExitStatus() throws Exception {
        Process normal = start(System.getProperty("java.class.path"), ChildMain.class.getName(), "exit", "0", "a b");
        assertThat(firstLine(normal)).isEqualTo("ran with exit 0 a b");
        assertThat(normal.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(normal.exitValue()).as("the daemon watchdog does not keep the JVM alive").isZero();

        Process failing = start(System.getProperty("java.class.path"), ChildMain.class.getName(), "exit", "3");
        assertThat(failing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(failing.exitValue()).isEqualTo(3);
    }

    @Test
    void aMissingMainClassIsReportedInTheLaunchersWords() throws Exception {
        Path classes = WatchdogInstall.classDirectory(dir);
        assertThat(Files.list(classes.resolve("io/github/perfgate/watchdog")).map(p -> p.getFileName().toString()))
                .as("only the watchdog's class, so forks gain nothing else").containsExactly("ParentWatchdog.class");

        Process process = start(classes.toString(), "org.openjdk.jmh.Main");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("Could not find or load main class org.openjdk.jmh.Main");
    }

    private Process start(String classpath, String... mainAndArguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-cp", classpath, WatchdogInstall.MAIN_CLASS));
        command.addAll(List.of(mainAndArguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(process.toHandle());
        return process;
    }

    private static String firstLine(Process process) throws Exception {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
}
