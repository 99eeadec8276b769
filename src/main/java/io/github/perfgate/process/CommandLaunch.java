package io.github.perfgate.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A program other than a JVM perfgate starts itself (git, the nested Maven build of the A/B mode), run under the
 * same supervision as a {@link JvmLaunch}: one deadline, the output's tail, the whole process tree stopped on a
 * timeout, an interrupt or the build's JVM shutting down (Ctrl-C). Unlike a JVM it runs without the watchdog, so a
 * SIGKILL of the build's JVM leaves it running; its standard input is closed at once, so a program that asks a
 * question (a password prompt) gets end of input instead of waiting for the deadline.
 *
 * <p>The environment is the child's whole environment, exactly: the JVM policy of {@link ProcessSupervisor}
 * (without {@code MAVEN_OPTS} and the JDK's option variables) is for the JVMs that measure; a caller that runs Maven
 * wants {@code MAVEN_OPTS} and removes what it must ({@code MAVEN_ARGS}) itself.
 *
 * @param command          the program and its arguments
 * @param workingDirectory the process's working directory
 * @param environment      the process's whole environment
 */
public record CommandLaunch(List<String> command, Path workingDirectory, Map<String, String> environment) {

    public CommandLaunch {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must name a program");
        }
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
    }

    /** A command with the build's own environment. */
    public static CommandLaunch of(List<String> command, Path workingDirectory) {
        return new CommandLaunch(command, workingDirectory, System.getenv());
    }
}
