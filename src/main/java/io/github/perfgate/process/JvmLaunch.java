package io.github.perfgate.process;

import io.github.perfgate.watchdog.WatchdogInstall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A JVM to start: {@code java <jvmOptions> io.github.perfgate.watchdog.ParentWatchdog <mainClass> <arguments>} in
 * {@code workingDirectory}. Every JVM perfgate starts runs under the watchdog, which ends it and its descendants when
 * Maven is gone (even after a SIGKILL); so the classpath in {@code jvmOptions} ({@code -cp} or an {@code @argfile})
 * must hold the watchdog's class ({@link WatchdogInstall#classDirectory}, or perfgate's own jar).
 *
 * @param javaExecutable   the {@code java} launcher
 * @param jvmOptions       the JVM's options, with its classpath
 * @param mainClass        the real main class, run by the watchdog
 * @param arguments        the main class's arguments
 * @param workingDirectory the process's working directory
 */
public record JvmLaunch(Path javaExecutable, List<String> jvmOptions, String mainClass, List<String> arguments,
        Path workingDirectory) {

    public JvmLaunch {
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        jvmOptions = List.copyOf(jvmOptions);
        Objects.requireNonNull(mainClass, "mainClass");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** The same JVM with other arguments for its main class. */
    public JvmLaunch withArguments(List<String> otherArguments) {
        return new JvmLaunch(javaExecutable, jvmOptions, mainClass, otherArguments, workingDirectory);
    }

    /** The command line. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.add(WatchdogInstall.MAIN_CLASS);
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }
}
