package io.github.perfgate.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Git} on real repositories: resolving revisions, the messages of bad input, and a clean working tree. */
class GitTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path temp;

    private GitRepo repo;
    private String first;
    private String second;

    @BeforeEach
    void twoCommitsAndATag() throws Exception {
        repo = GitRepo.init(temp.resolve("repo"));
        repo.write(".gitignore", "target/\n").write("mod/Code.java", "v1\n");
        first = repo.commit("first");
        repo.git("tag", "v1");
        repo.write("mod/Code.java", "v2\n");
        second = repo.commit("second");
    }

    @Test
    void resolvesHeadItsParentAndATagToTheirCommits() throws Exception {
        Git git = Git.at(repo.root.resolve("mod"), TIMEOUT);

        assertThat(git.topLevel()).isEqualTo(repo.root);
        assertThat(git.resolve("HEAD")).isEqualTo(new Revision("HEAD", second));
        assertThat(git.resolve("HEAD~1")).isEqualTo(new Revision("HEAD~1", first));
        assertThat(git.resolve("v1").sha()).isEqualTo(first);
        assertThat(git.resolve(first.substring(0, 8)).sha()).isEqualTo(first);
        assertThat(git.headCommit()).isEqualTo(second);
        assertThat(git.resolve("v1").shortSha()).isEqualTo(first.substring(0, 10));
        assertThat(git.resolve("HEAD~1").describe()).isEqualTo("HEAD~1 (" + first.substring(0, 10) + ")");
        assertThat(git.resolve(first.substring(0, 8)).describe()).as("a commit id is not named twice")
                .isEqualTo(first.substring(0, 10));
    }

    @Test
    void anUnknownRevisionIsNamedInTheMessage() throws Exception {
        Git git = Git.at(repo.root, TIMEOUT);

        RevisionException unknown = catchThrowableOfType(RevisionException.class, () -> git.resolve("origin/nope"));

        assertThat(unknown).hasMessageContaining("'origin/nope' does not exist").hasMessageContaining("git fetch");
        assertThat(unknown.consequence()).isEqualTo(RevisionException.Consequence.ERROR);
    }

    @Test
    void anOptionIsNotTakenForARevision() throws Exception {
        Git git = Git.at(repo.root, TIMEOUT);

        assertThat(catchThrowableOfType(RevisionException.class, () -> git.resolve("--all")))
                .hasMessageContaining("'--all' is not a git revision");
    }

    @Test
    void aDirectoryOutsideAnyRepositoryIsNamed() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("plain"));
        assumeFalse(insideARepository(outside), "the temporary directory is inside a git repository");

        RevisionException notARepository = catchThrowableOfType(RevisionException.class,
                () -> Git.at(outside, TIMEOUT));

        assertThat(notARepository).hasMessageContaining(outside + " is not in a git repository");
    }

    @Test
    void aMissingGitIsSaidSo() {
        RevisionException noGit = catchThrowableOfType(RevisionException.class,
                () -> Git.at("/no/such/dir/git", repo.root, TIMEOUT));

        assertThat(noGit).hasMessageStartingWith("git is not installed or not on the PATH");
    }

    @Test
    void aShallowCloneThatLacksTheRevisionSaysHowToFetchMore() throws Exception {
        Path clone = temp.resolve("clone");
        GitRepo.run(temp, "clone", "-q", "--depth", "1", "file://" + repo.root, clone.toString());
        Git git = Git.at(clone, TIMEOUT);
        assertThat(git.resolve("HEAD").sha()).isEqualTo(second);

        RevisionException shallow = catchThrowableOfType(RevisionException.class, () -> git.resolve("HEAD~1"));

        assertThat(shallow).hasMessageContaining("'HEAD~1'").hasMessageContaining("the clone is shallow")
                .hasMessageContaining("fetch-depth: 0").hasMessageContaining("git fetch --unshallow");
    }

    @Test
    void aCommittedTreeIsClean() throws Exception {
        Git git = Git.at(repo.root, TIMEOUT);
        repo.write("mod/target/ignored.txt", "build output, .gitignored\n");

        assertThat(git.isClean(repo.root.resolve("mod/target"))).isTrue();
        assertThat(git.isClean(null)).as("a .gitignored file never counts").isTrue();
    }

    @Test
    void aModifiedTrackedFileIsAChange() throws Exception {
        Git git = Git.at(repo.root, TIMEOUT);
        repo.write("mod/Code.java", "v3\n");

        assertThat(git.isClean(repo.root.resolve("mod/target"))).isFalse();
    }

    @Test
    void aDeletedTrackedFileIsAChange() throws Exception {
        Git git = Git.at(repo.root, TIMEOUT);
        Files.delete(repo.root.resolve("mod/Code.java"));

        assertThat(git.isClean(repo.root.resolve("mod/target"))).isFalse();
    }

    @Test
    void aNewUntrackedFileIsAChange() throws Exception {
        Git git = Git.at(repo.root, TIMEOUT);
        repo.write("mod/deep/New.java", "new\n");

        assertThat(git.isClean(repo.root.resolve("mod/target"))).isFalse();
    }

    @Test
    void aChangeOnlyUnderTheIgnoredDirectoryIsNot() throws Exception {
        repo.write(".gitignore", "").commit("target is not ignored any more");
        Git git = Git.at(repo.root, TIMEOUT);
        repo.write("mod/target/perfgate/ab/state.txt", "perfgate's own files\n");
        repo.write("mod/targetlike.txt", "not under target/");

        assertThat(git.isClean(repo.root.resolve("mod/target"))).as("targetlike.txt is outside").isFalse();
        Files.delete(repo.root.resolve("mod/targetlike.txt"));
        assertThat(git.isClean(repo.root.resolve("mod/target"))).isTrue();
        assertThat(git.isClean(null)).as("without the ignored directory it is a change").isFalse();
    }

    @Test
    void statusPathsSkipARenamesSource() {
        assertThat(Git.changedPaths("R  new.txt\0old.txt\0 M mod/a b.txt\0?? x/\0"))
                .containsExactly("new.txt", "mod/a b.txt", "x/");
        assertThat(Git.changedPaths("")).isEmpty();
    }

    private static boolean insideARepository(Path directory) throws Exception {
        Process process = new ProcessBuilder("git", "rev-parse", "--git-dir").directory(directory.toFile())
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor() == 0;
    }
}
