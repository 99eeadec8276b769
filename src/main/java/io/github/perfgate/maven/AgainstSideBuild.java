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
import org.apache.maven.project.MavenProject;

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

    /**
     * The directory of the reactor the nested build starts in: the outer build's top-level project, and above it each
     * parent (found on disk) whose {@code <modules>} lists the project below it, so that a build started in a module
     * ({@code cd parser && mvn verify}) still builds the revision's siblings from the revision. Not
     * {@code maven.multiModuleProjectDirectory}: the wrapper sets it to the directory of {@code .mvn}, which can hold
     * a POM that does not list the project (a standalone project in a subfolder, {@code ./mvnw -f
     * examples/quickstart/pom.xml}), where {@code -pl examples/quickstart} finds nothing.
     */
    static Path reactorRoot(MavenSession session) {
        return reactorRoot(pom(session.getTopLevelProject()));
    }

    /** A POM as the reactor root is found from it: its directory, its modules, its parent found on disk. */
    record Pom(Path basedir, List<String> modules, Pom parent) {
    }

    private static Pom pom(MavenProject project) {
        MavenProject parent = project.getParentFile() == null ? null : project.getParent();
        return new Pom(project.getBasedir().toPath(), project.getModules(),
                parent == null || parent.getBasedir() == null ? null : pom(parent));
    }

    /** See {@link #reactorRoot(MavenSession)}. */
    static Path reactorRoot(Pom top) {
        Pom current = top;
        while (current.parent() != null && lists(current.parent(), current.basedir())) {
            current = current.parent();
        }
        return current.basedir();
    }

    /** True when one of the POM's modules is {@code directory} (a module names a folder, or a POM file in one). */
    private static boolean lists(Pom pom, Path directory) {
        Path wanted = directory.toAbsolutePath().normalize();
        for (String module : pom.modules() == null ? List.<String>of() : pom.modules()) {
            Path path = pom.basedir().resolve(module).toAbsolutePath().normalize();
            if (path.equals(wanted) || (path.getFileName() != null && path.getFileName().toString().endsWith(".xml")
                    && wanted.equals(path.getParent()))) {
                return true;
            }
        }
        return false;
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
