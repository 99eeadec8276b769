// Helpers for the prebuild.groovy (and verify.groovy) scripts of the same-machine A/B ITs, which need their project
// in a real git repository: a fresh repository in the IT's folder, the shared benchmark src/it/fixtures/ab with a
// given amount of work, commits, and the repository's worktrees. Every git command must exit 0.
// Not an IT itself (no pom.xml). A script loads them with:
//   def gitProject = evaluate(new File(itSupport, 'GitProject.groovy'))
import java.util.concurrent.TimeUnit

/** Runs git in dir; returns its output (stdout and stderr), asserting that it ended in time with exit 0. */
def git = { File dir, List<String> args ->
    def command = ['git'] + args
    def process = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).start()
    def out = new StringBuilder()
    def reader = Thread.start { out << process.inputStream.getText('UTF-8') }
    def ended = process.waitFor(2, TimeUnit.MINUTES)
    if (!ended) {
        process.destroyForcibly()
    }
    reader.join(5_000)
    assert ended : "${command.join(' ')} (in ${dir}) did not end in 2 minutes:\n${out}"
    assert process.exitValue() == 0 : "${command.join(' ')} (in ${dir}) exited ${process.exitValue()}:\n${out}"
    out.toString()
}

/** The marker line of the fixture whose number writeBench replaces. */
def workLine = 'static final int WORK = 1;'

[
    git: git,

    /**
     * A fresh git repository in dir: an earlier run's .git and target/ (invoker reuses its clones) are deleted
     * first, so that no commit, worktree or built side of an earlier run is seen. The identity is set locally and
     * signing is off, whatever the user's global configuration; .gitignore keeps the build's output (target/) and
     * invoker's build.log out, so that a build leaves the tree clean.
     */
    init: { File dir ->
        ['.git', 'target'].each { name ->
            def old = new File(dir, name)
            if (old.exists()) {
                assert old.deleteDir() : "could not delete ${old} of an earlier run"
            }
        }
        git(dir, ['init', '-q'])
        git(dir, ['config', 'user.name', 'perfgate IT'])
        git(dir, ['config', 'user.email', 'perfgate-it@example.invalid'])
        git(dir, ['config', 'commit.gpgsign', 'false'])
        new File(dir, '.gitignore').text = 'target/\nbuild.log\n'
        dir
    },

    /**
     * Writes the shared benchmark it.ab.WorkBench (from fixtures, the src/it/fixtures folder) into dir's
     * src/test/java with WORK = work: 1 is the normal speed, 5 five times slower. Returns the file.
     */
    writeBench: { File dir, File fixtures, int work ->
        def source = new File(fixtures, 'ab/it/ab/WorkBench.java')
        assert source.isFile() : "no fixture ${source}"
        def text = source.getText('UTF-8')
        assert text.count(workLine) == 1 : "${source} must hold the line '${workLine}' exactly once"
        def target = new File(dir, 'src/test/java/it/ab/WorkBench.java')
        target.parentFile.mkdirs()
        target.setText(text.replace(workLine, "static final int WORK = ${work};"), 'UTF-8')
        target
    },

    /**
     * Writes the fixture file at path (relative to fixtures, the src/it/fixtures folder) into dir's src/test/java
     * under the path after its first folder, with the line marker (which must occur exactly once) replaced by
     * replacement. Returns the file.
     */
    writeFixture: { File dir, File fixtures, String path, String marker, String replacement ->
        def source = new File(fixtures, path)
        assert source.isFile() : "no fixture ${source}"
        def text = source.getText('UTF-8')
        assert text.count(marker) == 1 : "${source} must hold the line '${marker}' exactly once"
        def target = new File(dir, 'src/test/java/' + path.substring(path.indexOf('/') + 1))
        target.parentFile.mkdirs()
        target.setText(text.replace(marker, replacement), 'UTF-8')
        target
    },

    /** Adds everything (but what .gitignore keeps out) and commits it; returns the new commit's full id. */
    commit: { File dir, String message ->
        git(dir, ['add', '-A'])
        git(dir, ['commit', '-q', '-m', message])
        git(dir, ['rev-parse', 'HEAD']).trim()
    },

    /** The full id of a revision, e.g. 'HEAD~1'. */
    sha: { File dir, String revision ->
        git(dir, ['rev-parse', '--verify', revision + '^{commit}']).trim()
    },

    /** The paths of the repository's worktrees (`git worktree list --porcelain`), the main one first. */
    worktrees: { File dir ->
        git(dir, ['worktree', 'list', '--porcelain']).readLines()
                .findAll { it.startsWith('worktree ') }
                .collect { it.substring('worktree '.length()) }
    },

    /** `git status --porcelain` (untracked files included): empty when the tree is clean. */
    status: { File dir ->
        git(dir, ['status', '--porcelain']).trim()
    },
]
