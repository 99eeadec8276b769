package io.github.perfgate.revision;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the nested Maven build of the against side, as the Maven layer computed it from the outer build.
 *
 * @param executable         the outer build's {@code mvn} ({@code mvn.cmd} on Windows)
 * @param forwardedArguments the outer build's options that the nested build repeats ({@code -B}, {@code -o},
 *                           settings, local repository, profiles)
 * @param environment        the nested build's whole environment (without {@code MAVEN_ARGS} and
 *                           {@code MAVEN_CMD_LINE_ARGS}, which would replay the outer goals)
 */
public record NestedMaven(Path executable, List<String> forwardedArguments, Map<String, String> environment) {

    public NestedMaven {
        Objects.requireNonNull(executable, "executable");
        forwardedArguments = List.copyOf(forwardedArguments);
        environment = Map.copyOf(environment);
    }
}
