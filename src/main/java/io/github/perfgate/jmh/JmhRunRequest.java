package io.github.perfgate.jmh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link JmhRunner} needs to fork {@code java <hostJvmArguments> -cp <classpath> org.openjdk.jmh.Main
 * <jmhArguments>}.
 *
 * @param javaExecutable    the {@code java} launcher to use (Java 9 or newer, for {@code @argfiles})
 * @param classpath         the benchmark classpath: test classes, main classes and test-scoped dependencies,
 *                          including JMH itself
 * @param jmhArguments      arguments for {@code org.openjdk.jmh.Main}, usually {@link JmhArguments#toList()}
 * @param workingDirectory  the working directory of the JMH process
 * @param timeout           the whole run is stopped after this long
 * @param hostJvmArguments  options for the JMH host JVM only (not its forks, as long as the JMH arguments carry
 *                          {@code -jvmArgs}), e.g. {@code -Xmx256m}
 * @param temporaryDirectory where the run's temporary files go (the classpath argfile, the watchdog class); under
 *                          the build directory, so a killed build leaves nothing in the system's temp directory
 */
public record JmhRunRequest(
        Path javaExecutable,
        List<Path> classpath,
        List<String> jmhArguments,
        Path workingDirectory,
        Duration timeout,
        List<String> hostJvmArguments,
        Path temporaryDirectory) {

    /** A request whose temporary files go to {@code java.io.tmpdir}. */
    public JmhRunRequest(Path javaExecutable, List<Path> classpath, List<String> jmhArguments, Path workingDirectory,
            Duration timeout, List<String> hostJvmArguments) {
        this(javaExecutable, classpath, jmhArguments, workingDirectory, timeout, hostJvmArguments,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    public JmhRunRequest {
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        classpath = List.copyOf(Objects.requireNonNull(classpath, "classpath"));
        jmhArguments = List.copyOf(Objects.requireNonNull(jmhArguments, "jmhArguments"));
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        hostJvmArguments = List.copyOf(Objects.requireNonNull(hostJvmArguments, "hostJvmArguments"));
        Objects.requireNonNull(temporaryDirectory, "temporaryDirectory");
    }
}
