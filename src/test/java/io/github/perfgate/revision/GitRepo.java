package io.github.perfgate.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real git repository in a test's temporary directory, set up with plain git commands (not the code under test). */
final class GitRepo {

    final Path root;

    private GitRepo(Path root) {
        this.root = root;
    }

    /** A new repository with no commit yet. */
    static GitRepo init(Path directory) throws Exception {
        Files.createDirectories(directory);
        GitRepo repo = new GitRepo(directory.toRealPath());
        repo.git("init", "-q");
        return repo;
    }

    /** Writes a file (creating its directories). */
    GitRepo write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    /** Adds everything and commits; returns the commit's id. */
    String commit(String message) throws Exception {
        git("add", "-A");
        git("-c", "user.name=perfgate test", "-c", "user.email=test@perfgate.invalid", "-c", "commit.gpgsign=false",
                "commit", "-q", "-m", message);
        return git("rev-parse", "HEAD").get(0);
    }

    /** Runs git in the repository; fails the test when it fails. */
    List<String> git(String... arguments) throws Exception {
        return run(root, arguments);
    }

    static List<String> run(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().remove("GIT_DIR");
        builder.environment().remove("GIT_WORK_TREE");
        builder.environment().remove("GIT_INDEX_FILE");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("git %s: %s", command, output).isZero();
        return output.lines().toList();
    }
}
