package io.github.perfgate.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AgainstSide#build} in a real repository (a reactor with the module {@code mod}) with a fake {@code mvn}: a
 * shell script that records its arguments and environment, "compiles" the module by copying the revision's source
 * into {@code target/classes} of the worktree, and writes the classpath file it is given; or fails, or hangs.
 */
@DisabledOnOs(OS.WINDOWS)
class AgainstSideTest {

    private static final String PLUGIN_GOAL = "io.github.perfgate:perfgate-maven-plugin:0.2.0-SNAPSHOT:test-classpath";
    private static final String FAKE_MVN = """
            #!/bin/sh
            echo "$*" >> "$FAKE_MVN_CALLS"
            env > "$FAKE_MVN_ENV"
            file=""; pom=""; prev=""
            for a in "$@"; do
              case "$a" in -Dperfgate.classpathFile=*) file="${a#-Dperfgate.classpathFile=}";; esac
              if [ "$prev" = "-f" ]; then pom="$a"; fi
              prev="$a"
            done
            root=$(dirname "$pom")
            echo "[INFO] Scanning for projects..."
            echo "[INFO] Building fake-module 1.0-SNAPSHOT                                 [1/1]"
            if [ -n "$FAKE_MVN_HANG" ]; then sleep 600; fi
            if [ -n "$FAKE_MVN_FAIL" ]; then
              i=1; while [ $i -le 30 ]; do echo "[ERROR] failure line $i"; i=$((i+1)); done
              echo "[INFO] BUILD FAILURE"; exit 1
            fi
            mkdir -p "$root/mod/target/classes/p" "$root/mod/target/test-classes"
            cp "$root/mod/Code.java" "$root/mod/target/classes/p/Code.class"
            printf '%s\\n%s\\n%s\\n%s\\n' "$root/mod/target/test-classes" "$root/mod/target/classes" \\
              "$root/mod/target/missing-classes" "$FAKE_MVN_JAR" > "$file"
            echo "[INFO] BUILD SUCCESS"
            """;

    @TempDir
    Path temp;

    private GitRepo repo;
    private String first;
    private Path calls;
    private Path envDump;
    private Path jar;
    private final Map<String, String> environment = new HashMap<>(System.getenv());
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void repositoryAndFakeMaven() throws Exception {
        repo = GitRepo.init(temp.resolve("repo"));
        repo.write(".gitignore", "target/\n").write("pom.xml", "<project/>\n").write("mod/Code.java", "v1\n");
        first = repo.commit("first");
        repo.write("mod/Code.java", "v2\n");
        repo.commit("second");
        repo.write("mod/Code.java", "v3, uncommitted\n");
        Path mvn = temp.resolve("maven/bin/mvn");
        Files.createDirectories(mvn.getParent());
        Files.writeString(mvn, FAKE_MVN, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        calls = temp.resolve("calls.txt");
        envDump = temp.resolve("env.txt");
        jar = Files.writeString(temp.resolve("dep.jar"), "a jar of the local repository");
        environment.put("FAKE_MVN_CALLS", calls.toString());
        environment.put("FAKE_MVN_ENV", envDump.toString());
        environment.put("FAKE_MVN_JAR", jar.toString());
    }

    @Test
    void buildsTheRevisionAndReturnsAClasspathOutsideTheWorktree() throws Exception {
        BuiltSide side = AgainstSide.build(request("HEAD~1", Duration.ofMinutes(2)), progress::add);

        assertThat(side.reused()).isFalse();
        Path cacheRoot = cacheRoot();
        assertThat(side.testClasspath()).hasSize(3).allMatch(p -> !p.startsWith(worktree()));
        assertThat(side.testClasspath().get(0)).startsWith(cacheRoot).isDirectory();
        assertThat(side.testClasspath().get(1).resolve("p/Code.class")).as("the revision's code, not the tree's")
                .hasContent("v1");
        assertThat(side.testClasspath().get(2)).as("a jar outside the worktree stays where it is").isEqualTo(jar);
        assertThat(side.buildLog()).exists().content().contains("[INFO] BUILD SUCCESS");
        assertThat(worktree()).doesNotExist();
        assertThat(worktrees()).containsExactly(repo.root);
        assertThat(Files.readString(calls)).contains("-B ", " -f " + worktree().resolve("pom.xml"),
                " -pl mod -am test-compile " + PLUGIN_GOAL, "-Dperfgate.classpathFor=io.github.perfgate.test:mod");
        assertThat(progress).contains("perfgate:   Building fake-module 1.0-SNAPSHOT [1/1]", "perfgate:   BUILD SUCCESS")
                .anyMatch(l -> l.startsWith("perfgate: building HEAD~1 (" + first.substring(0, 10) + ") in a worktree"))
                .noneMatch(l -> l.contains("Scanning"));
    }

    @Test
    void theSameCommitAgainIsReusedWithoutABuild() throws Exception {
        BuiltSide built = AgainstSide.build(request("HEAD~1", Duration.ofMinutes(2)), progress::add);
        BuiltSide again = AgainstSide.build(request(first, Duration.ofMinutes(2)), progress::add);

        assertThat(again.reused()).isTrue();
        assertThat(again.testClasspath()).isEqualTo(built.testClasspath());
        assertThat(Files.readAllLines(calls)).as("the fake mvn ran once").hasSize(1);
    }

    @Test
    void anEntryWithoutItsCompleteMarkerIsBuiltAgain() throws Exception {
        BuiltSide built = AgainstSide.build(request("HEAD~1", Duration.ofMinutes(2)), progress::add);
        Files.delete(built.buildLog().resolveSibling(AgainstSide.COMPLETE));

        BuiltSide again = AgainstSide.build(request("HEAD~1", Duration.ofMinutes(2)), progress::add);

        assertThat(again.reused()).isFalse();
        assertThat(Files.readAllLines(calls)).hasSize(2);
        assertThat(again.testClasspath().get(1).resolve("p/Code.class")).hasContent("v1");
    }

    @Test
    void otherForwardedOptionsAreAnotherEntry() throws Exception {
        AgainstSide.build(request("HEAD~1", Duration.ofMinutes(2)), progress::add);
        SideRequest offline = request("HEAD~1", Duration.ofMinutes(2));
        offline = new SideRequest(offline.moduleDirectory(), offline.reactorRoot(), offline.moduleId(),
                offline.revision(), offline.maven(), offline.pluginGoal(), offline.cacheRoot(), offline.timeout(), "-o");

        assertThat(AgainstSide.build(offline, progress::add).reused()).isFalse();
    }

    @Test
    void aFailedBuildShowsItsLastLinesAndTheLogAndLeavesNoWorktree() throws Exception {
        environment.put("FAKE_MVN_FAIL", "yes");

        RevisionException failed = catchThrowableOfType(RevisionException.class,
                () -> AgainstSide.build(request("HEAD~1", Duration.ofMinutes(2)), progress::add));

        assertThat(failed).hasMessageContaining("HEAD~1 (" + first.substring(0, 10) + ") did not build")
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("[ERROR] failure line 30\n  [INFO] BUILD FAILURE")
                .hasMessageContaining("[ERROR] failure line 12\n")
                .hasMessageNotContaining("failure line 11\n");
        Path log = Path.of(failed.getMessage().lines().filter(l -> l.startsWith("Full log: ")).findFirst()
                .orElseThrow().substring("Full log: ".length()));
        assertThat(log).exists().content().contains("[ERROR] failure line 1\n");
        assertThat(worktree()).doesNotExist();
        assertThat(worktrees()).containsExactly(repo.root);
        assertThat(Files.list(cacheRoot()).map(p -> p.getFileName().toString()))
                .as("no half-built entry").allMatch(name -> name.endsWith(".log"));
    }

    @Test
    void aBuildPastItsTimeoutIsStoppedAndLeavesNoWorktree() throws Exception {
        environment.put("FAKE_MVN_HANG", "yes");

        RevisionException timeout = catchThrowableOfType(RevisionException.class,
                () -> AgainstSide.build(request("HEAD~1", Duration.ofSeconds(2)), progress::add));

        assertThat(timeout).hasMessageContaining("did not finish within 2s")
                .hasMessageContaining("Building fake-module").hasMessageContaining("Full log: ");
        assertThat(worktree()).doesNotExist();
        assertThat(worktrees()).containsExactly(repo.root);
    }

    @Test
    void theNestedBuildInheritsNeitherMavenArgsNorTheOuterCommandLine() throws Exception {
        environment.put("MAVEN_ARGS", "clean verify");
        environment.put("MAVEN_CMD_LINE_ARGS", "verify -Dperfgate.against=HEAD~1");
        environment.put("PERFGATE_KEPT", "kept");

        AgainstSide.build(request("HEAD~1", Duration.ofMinutes(2)), progress::add);

        assertThat(Files.readAllLines(envDump)).contains("PERFGATE_KEPT=kept")
                .noneMatch(l -> l.startsWith("MAVEN_ARGS=") || l.startsWith("MAVEN_CMD_LINE_ARGS="));
    }

    @Test
    void aStaleWorktreeLeftByAKilledRunDoesNotBreakTheNextBuild() throws Exception {
        SideRequest request = request("HEAD~1", Duration.ofMinutes(2));
        Path stale = worktree();
        Files.createDirectories(stale.getParent());
        repo.git("worktree", "add", "--detach", stale.toString(), "HEAD");
        Files.writeString(stale.resolve("leftover.txt"), "from the killed run");

        BuiltSide side = AgainstSide.build(request, progress::add);

        assertThat(side.testClasspath().get(1).resolve("p/Code.class")).hasContent("v1");
        assertThat(stale).doesNotExist();
        assertThat(worktrees()).containsExactly(repo.root);
    }

    @Test
    void aModuleMissingAtThatCommitIsSaidSo() throws Exception {
        SideRequest request = request("HEAD~1", Duration.ofMinutes(2));
        Files.writeString(temp.resolve("maven/bin/mvn"), "#!/bin/sh\necho '[INFO] BUILD SUCCESS'\n");

        RevisionException missing = catchThrowableOfType(RevisionException.class,
                () -> AgainstSide.build(request, progress::add));

        assertThat(missing).hasMessageContaining("wrote no test classpath for io.github.perfgate.test:mod")
                .hasMessageContaining("Full log: ");
        assertThat(worktrees()).containsExactly(repo.root);
    }

    @Test
    void theShutdownPathDeletesTheWorktreeAndGitsRecordOfItWithoutGit() throws Exception {
        Path worktree = temp.resolve("wt");
        repo.git("worktree", "add", "--detach", worktree.toString(), "HEAD");
        assertThat(worktrees()).hasSize(2);

        WorktreeGuard.deleteFiles(worktree);

        assertThat(worktree).doesNotExist();
        assertThat(worktrees()).containsExactly(repo.root);
        try (var records = Files.list(repo.root.resolve(".git/worktrees"))) {
            assertThat(records).isEmpty();
        }
    }

    @Test
    void aModuleThatIsTheReactorRootIsBuiltWithoutAModuleList() throws Exception {
        Path worktree = temp.resolve("wt");
        SideRequest request = new SideRequest(repo.root, repo.root, "g:a", new Revision("HEAD", first),
                new NestedMaven(Path.of("/maven/bin/mvn"), List.of("-B", "-o"), Map.of()), PLUGIN_GOAL,
                repo.root.resolve("target/perfgate/ab"), Duration.ofMinutes(1), "");

        List<String> command = AgainstSide.nestedCommand(request, repo.root, worktree, temp.resolve("cp.txt"));

        assertThat(command).containsExactly("/maven/bin/mvn", "-B", "-o", "-f", worktree.resolve("pom.xml").toString(),
                "test-compile", PLUGIN_GOAL, "-Dperfgate.classpathFile=" + temp.resolve("cp.txt"),
                "-Dperfgate.classpathFor=g:a");
    }

    private SideRequest request(String revision, Duration timeout) throws Exception {
        Path module = repo.root.resolve("mod");
        Revision resolved = Git.at(module, Duration.ofMinutes(1)).resolve(revision);
        return new SideRequest(module, repo.root, "io.github.perfgate.test:mod", resolved,
                new NestedMaven(temp.resolve("maven/bin/mvn"), List.of("-B"), environment), PLUGIN_GOAL,
                module.resolve("target/perfgate/ab"), timeout, "");
    }

    private Path cacheRoot() {
        return repo.root.resolve("mod/target/perfgate/ab");
    }

    private Path worktree() {
        SideRequest request;
        try {
            request = request("HEAD~1", Duration.ofMinutes(1));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return cacheRoot().resolve("worktree-" + first.substring(0, 12) + "-" + AgainstSide.keyHash(request));
    }

    private List<Path> worktrees() throws Exception {
        return Git.at(repo.root, Duration.ofMinutes(1)).worktrees();
    }
}
