package io.github.perfgate.maven;

import io.github.perfgate.revision.NestedMaven;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;

/**
 * What the A/B mode's nested build of the against side takes from the outer build: its Maven (home, settings,
 * local repository, offline flag, profiles) and environment. The core ({@code revision.AgainstSide}) runs it.
 */
final class AgainstSideBuild {

    /** Variables that hold the outer command line: a nested {@code mvn} that inherits them replays the outer goals. */
    static final List<String> NOT_INHERITED = List.of("MAVEN_ARGS", "MAVEN_CMD_LINE_ARGS");

    private AgainstSideBuild() {
    }

    /** How to run the nested build, from the outer build's session. */
    static NestedMaven nestedMaven(MavenSession session) {
        MavenExecutionRequest request = session.getRequest();
        String mavenHome = property(session, "maven.home");
        File localRepository = request.getLocalRepositoryPath() != null ? request.getLocalRepositoryPath()
                : new File(session.getLocalRepository().getBasedir());
        List<String> forwarded = forwardedArguments(request.isOffline(), request.getUserSettingsFile(),
                request.getGlobalSettingsFile(), localRepository, request.getActiveProfiles(),
                request.getInactiveProfiles(), property(session, "maven.repo.local.tail"));
        return new NestedMaven(executable(Path.of(mavenHome == null ? "" : mavenHome), System.getProperty("os.name")),
                forwarded, environment(System.getenv(), System.getProperty("java.home")));
    }

    /** The outer build's top-level directory. */
    static Path reactorRoot(MavenSession session) {
        File root = session.getRequest().getMultiModuleProjectDirectory();
        return (root != null ? root : session.getTopLevelProject().getBasedir()).toPath();
    }

    /** {@code <maven home>/bin/mvn}, {@code mvn.cmd} on Windows. */
    static Path executable(Path mavenHome, String osName) {
        boolean windows = osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows");
        return mavenHome.resolve("bin").resolve(windows ? "mvn.cmd" : "mvn");
    }

    /** The outer build's options that the nested build repeats. */
    static List<String> forwardedArguments(boolean offline, File userSettings, File globalSettings,
            File localRepository, List<String> activeProfiles, List<String> inactiveProfiles, String repoLocalTail) {
        List<String> arguments = new ArrayList<>();
        arguments.add("-B");
        if (offline) {
            arguments.add("-o");
        }
        if (userSettings != null && userSettings.isFile()) {
            arguments.add("-s");
            arguments.add(userSettings.getAbsolutePath());
        }
        if (globalSettings != null && globalSettings.isFile()) {
            arguments.add("-gs");
            arguments.add(globalSettings.getAbsolutePath());
        }
        if (localRepository != null) {
            arguments.add("-Dmaven.repo.local=" + localRepository.getAbsolutePath());
        }
        List<String> profiles = new ArrayList<>(activeProfiles == null ? List.of() : activeProfiles);
        (inactiveProfiles == null ? List.<String>of() : inactiveProfiles).forEach(p -> profiles.add("!" + p));
        if (!profiles.isEmpty()) {
            arguments.add("-P" + String.join(",", profiles));
        }
        if (repoLocalTail != null && !repoLocalTail.isBlank()) {
            arguments.add("-Dmaven.repo.local.tail=" + repoLocalTail);
        }
        return arguments;
    }

    /**
     * The nested build's environment: the outer one without {@link #NOT_INHERITED}, and {@code JAVA_HOME} set to the
     * JDK the outer build runs on, so both sides are compiled by the same JDK (the cache key holds its version).
     */
    static Map<String, String> environment(Map<String, String> outer, String javaHome) {
        Map<String, String> environment = new HashMap<>(outer);
        NOT_INHERITED.forEach(environment::remove);
        if (javaHome != null) {
            environment.put("JAVA_HOME", javaHome);
        }
        return environment;
    }

    private static String property(MavenSession session, String name) {
        Properties user = session.getUserProperties();
        if (user != null && user.getProperty(name) != null) {
            return user.getProperty(name);
        }
        Properties system = session.getSystemProperties();
        if (system != null && system.getProperty(name) != null) {
            return system.getProperty(name);
        }
        return System.getProperty(name);
    }
}
