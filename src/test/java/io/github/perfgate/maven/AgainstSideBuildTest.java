package io.github.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the nested build of the against side takes from the outer build: the pure parts of {@link AgainstSideBuild}. */
class AgainstSideBuildTest {

    @TempDir
    Path temp;

    @Test
    void theReactorRootIsTheHighestParentThatListsTheProjectBelowIt() {
        Path repo = temp.resolve("repo");
        AgainstSideBuild.Pom root = new AgainstSideBuild.Pom(repo, List.of("app", "libs"), null);
        AgainstSideBuild.Pom libs = new AgainstSideBuild.Pom(repo.resolve("libs"), List.of("parser/pom.xml"), root);
        AgainstSideBuild.Pom parser = new AgainstSideBuild.Pom(repo.resolve("libs/parser"), List.of(), libs);

        assertThat(AgainstSideBuild.reactorRoot(parser)).as("started in a module two levels down").isEqualTo(repo);
        assertThat(AgainstSideBuild.reactorRoot(root)).isEqualTo(repo);
    }

    @Test
    void aStandaloneProjectOrOneItsParentDoesNotListIsItsOwnReactor() {
        Path repo = temp.resolve("repo");
        // The plugin's own repository: its root POM does not list examples/quickstart, which has no parent on disk.
        AgainstSideBuild.Pom quickstart = new AgainstSideBuild.Pom(repo.resolve("examples/quickstart"), List.of(),
                null);
        AgainstSideBuild.Pom unlisted = new AgainstSideBuild.Pom(repo.resolve("tool"), List.of(),
                new AgainstSideBuild.Pom(repo, List.of("app"), null));

        assertThat(AgainstSideBuild.reactorRoot(quickstart)).isEqualTo(repo.resolve("examples/quickstart"));
        assertThat(AgainstSideBuild.reactorRoot(unlisted)).isEqualTo(repo.resolve("tool"));
    }

    @Test
    void theExecutableIsMavensOwnMvnAndMvnCmdOnWindows() {
        Path home = Path.of("/opt/maven");

        assertThat(AgainstSideBuild.executable(home, "Linux")).isEqualTo(home.resolve("bin/mvn"));
        assertThat(AgainstSideBuild.executable(home, "Windows 11")).isEqualTo(home.resolve("bin").resolve("mvn.cmd"));
    }

    @Test
    void forwardsBatchOfflineExistingSettingsTheLocalRepositoryProfilesAndTheTail() throws Exception {
        File settings = Files.writeString(temp.resolve("settings.xml"), "<settings/>").toFile();
        File missingGlobal = temp.resolve("no-global-settings.xml").toFile();
        File repository = temp.resolve("repo").toFile();

        List<String> arguments = AgainstSideBuild.forwardedArguments(true, settings, missingGlobal, repository,
                List.of("ci", "fast"), List.of("slow"), "/shared/repo");

        assertThat(arguments).containsExactly("-B", "-o", "-s", settings.getAbsolutePath(),
                "-Dmaven.repo.local=" + repository.getAbsolutePath(), "-Pci,fast,!slow",
                "-Dmaven.repo.local.tail=/shared/repo");
    }

    @Test
    void anOnlineBuildWithoutProfilesForwardsOnlyBatchModeAndTheRepository() throws Exception {
        File global = Files.writeString(temp.resolve("global.xml"), "<settings/>").toFile();
        File repository = temp.resolve("repo").toFile();

        assertThat(AgainstSideBuild.forwardedArguments(false, null, global, repository, List.of(), null, null))
                .containsExactly("-B", "-gs", global.getAbsolutePath(),
                        "-Dmaven.repo.local=" + repository.getAbsolutePath());
    }

    @Test
    void theEnvironmentDropsTheOuterCommandLineAndPinsTheOuterJdk() {
        Map<String, String> environment = AgainstSideBuild.environment(Map.of("MAVEN_ARGS", "verify",
                "MAVEN_CMD_LINE_ARGS", "verify -Dperfgate.against=HEAD", "MAVEN_OPTS", "-Xmx2g",
                "JAVA_HOME", "/other/jdk", "PATH", "/usr/bin"), "/outer/jdk");

        assertThat(environment).containsOnly(Map.entry("MAVEN_OPTS", "-Xmx2g"), Map.entry("JAVA_HOME", "/outer/jdk"),
                Map.entry("PATH", "/usr/bin"));
    }
}
