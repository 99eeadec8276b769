package io.github.perfgate.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.model.PerfgateException;
import io.github.perfgate.revision.NestedMaven;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PairedCheck#prepare} in a real git repository with a fake {@code mvn} that "builds" a revision by copying
 * its committed {@code bench.list} to {@code target/test-classes/META-INF/BenchmarkList} in the worktree (beside a
 * stand-in for JMH's main class) and writing the classpath file it is given.
 */
@DisabledOnOs(OS.WINDOWS)
class PairedCheckTest {

    private static final String FAKE_MVN = """
            #!/bin/sh
            file=""; pom=""; prev=""
            for a in "$@"; do
              case "$a" in -Dperfgate.classpathFile=*) file="${a#-Dperfgate.classpathFile=}";; esac
              if [ "$prev" = "-f" ]; then pom="$a"; fi
              prev="$a"
            done
            root=$(dirname "$pom")
            classes="$root/target/test-classes"
            mkdir -p "$classes/META-INF" "$classes/org/openjdk/jmh"
            touch "$classes/org/openjdk/jmh/Main.class"
            if [ -f "$root/bench.list" ]; then cp "$root/bench.list" "$classes/META-INF/BenchmarkList"; fi
            echo "$classes" > "$file"
            echo "[INFO] BUILD SUCCESS"
            """;

    @TempDir
    Path temp;

    private Path repo;
    private Path mvn;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void repository() throws Exception {
        repo = Files.createDirectories(temp.resolve("repo"));
        git("init", "-q");
        git("config", "user.email", "test@example.com");
        git("config", "user.name", "test");
        git("config", "commit.gpgsign", "false");
        Files.writeString(repo.resolve(".gitignore"), "target/\n");
        Files.writeString(repo.resolve("pom.xml"), "<project/>\n");
        Files.writeString(repo.resolve("bench.list"), list("a.Bench.parse", "a.Bench.write"));
        git("add", "-A");
        git("commit", "-q", "-m", "first");
        mvn = temp.resolve("maven/bin/mvn");
        Files.createDirectories(mvn.getParent());
        Files.writeString(mvn, FAKE_MVN, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aCleanTreeAgainstItsOwnCommitIsAnAARunWithEveryBenchmarkOnBothSides() throws Exception {
        PairedCheck.Prepared prepared = PairedCheck.prepare(request("HEAD", null),
                current("a.Bench.parse", "a.Bench.write"), m -> true, progress::add);

        assertThat(prepared.against().sameCode()).isTrue();
        assertThat(prepared.against().commit()).isEqualTo(git("rev-parse", "HEAD"));
        assertThat(prepared.both()).containsExactly("a.Bench.parse", "a.Bench.write");
        assertThat(prepared.currentOnly()).isEmpty();
        assertThat(prepared.againstOnly()).isEmpty();
        assertThat(progress.get(0)).startsWith("perfgate: same-machine A/B: the working tree against HEAD (")
                .endsWith("(the same code: an A/A run, which shows this machine's noise)");
        assertThat(prepared.againstClasspath()).allSatisfy(p -> assertThat(p.toString())
                .doesNotContain("worktree"));
    }

    @Test
    void benchmarksOnOneSideOnlyAreSortedOutAndTheSelectionApplies() throws Exception {
        Files.writeString(repo.resolve("Changed.java"), "uncommitted\n");

        PairedCheck.Prepared prepared = PairedCheck.prepare(request("HEAD", null),
                current("a.Bench.parse", "a.Bench.fresh", "a.Other.skipped"), m -> !m.startsWith("a.Other"),
                progress::add);

        assertThat(prepared.against().sameCode()).as("the working tree has a change").isFalse();
        assertThat(progress.get(0)).doesNotContain("A/A");
        assertThat(prepared.both()).containsExactly("a.Bench.parse");
        assertThat(prepared.currentOnly()).containsExactly("a.Bench.fresh");
        assertThat(prepared.againstOnly()).containsExactly("a.Bench.write");
    }

    @Test
    void baselineMeansTheRecordedCommitAsCommitted() throws Exception {
        String first = git("rev-parse", "HEAD");
        Files.writeString(repo.resolve("bench.list"), list("a.Bench.parse"));
        git("commit", "-q", "-am", "second");

        PairedCheck.Prepared prepared = PairedCheck.prepare(request("baseline", first + "-dirty"),
                current("a.Bench.parse"), m -> true, progress::add);

        assertThat(prepared.against().commit()).isEqualTo(first);
        assertThat(prepared.against().revisionName()).as("a commit id is named by its short form alone")
                .isEqualTo(first.substring(0, 10));
        assertThat(prepared.againstOnly()).containsExactly("a.Bench.write");
        assertThat(progress).anyMatch(line -> line.contains("recorded with uncommitted changes on " + first));
        assertThatThrownBy(() -> PairedCheck.prepare(request("baseline", null), current("a.Bench.parse"),
                m -> true, progress::add)).isInstanceOf(PerfgateException.class)
                .hasMessageContaining("perfgate.against=baseline")
                .hasMessageContaining("-Dperfgate.against=HEAD");
    }

    @Test
    void aRevisionWithoutBenchmarksIsAnErrorThatNamesItsBuildLog() throws Exception {
        git("rm", "-q", "bench.list");
        git("commit", "-q", "-m", "no benchmarks");
        git("checkout", "-q", "HEAD~1", "--", "bench.list");

        assertThatThrownBy(() -> PairedCheck.prepare(request("HEAD", null), current("a.Bench.parse"), m -> true,
                progress::add)).isInstanceOf(PerfgateException.class)
                .hasMessageContaining("The against side (HEAD (")
                .hasMessageContaining("has no JMH benchmarks")
                .hasMessageContaining("Its build log: " + temp.resolve("cache").toRealPath());
    }

    @Test
    void aSelectionThatMatchesNothingOfTheWorkingTreeIsAnError() {
        assertThatThrownBy(() -> PairedCheck.prepare(request("HEAD", null), current("a.Bench.parse"),
                m -> false, progress::add)).isInstanceOf(PerfgateException.class)
                .hasMessageContaining("perfgate.include/perfgate.exclude select none of the working tree's 1 benchmark")
                .hasMessageContaining("nothing was built")
                .hasMessageContaining("a.Bench.parse");
        assertThat(temp.resolve("cache")).as("the revision was not built").doesNotExist();
    }

    private PairedCheck.Request request(String revision, String baselineCommit) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        return new PairedCheck.Request(revision, baselineCommit, repo, repo.resolve("target"), repo, "g:a",
                "io.github.perfgate:perfgate-maven-plugin:0.2.0-SNAPSHOT:test-classpath",
                new NestedMaven(mvn, List.of("-B"), environment), temp.resolve("cache"), "", 4, 4, 1,
                Duration.ofMinutes(2));
    }

    /** The working tree's test classpath: a directory with the given benchmarks and a stand-in for JMH. */
    private List<Path> current(String... benchmarks) throws IOException {
        Path classes = Files.createDirectories(temp.resolve("current-" + benchmarks.length + "-"
                + System.nanoTime()));
        Files.createDirectories(classes.resolve("META-INF"));
        Files.createDirectories(classes.resolve("org/openjdk/jmh"));
        Files.writeString(classes.resolve("org/openjdk/jmh/Main.class"), "");
        Files.writeString(classes.resolve("META-INF/BenchmarkList"), list(benchmarks));
        return List.of(classes);
    }

    /** A {@code META-INF/BenchmarkList} in JMH 1.37's line format. */
    private static String list(String... benchmarks) {
        StringBuilder text = new StringBuilder();
        for (String benchmark : benchmarks) {
            int dot = benchmark.lastIndexOf('.');
            String type = benchmark.substring(0, dot);
            String method = benchmark.substring(dot + 1);
            String generated = type + "_" + method + "_jmhTest";
            text.append("JMH S ").append(type.length()).append(' ').append(type).append(" S ")
                    .append(generated.length()).append(' ').append(generated).append(" S ")
                    .append(method.length()).append(' ').append(method).append(" S 10 Throughput\n");
        }
        return text.toString();
    }

    private String git(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git " + String.join(" ", arguments) + ": " + output).isZero();
        return output;
    }
}
