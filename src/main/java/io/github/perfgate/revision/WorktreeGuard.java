package io.github.perfgate.revision;

import io.github.perfgate.process.SupervisedProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The worktree perfgate checks a revision out into, and its removal whatever happens: {@code git worktree remove
 * --force} when the build ends; on Ctrl-C, from a shutdown hook that stops the nested build and deletes the worktree
 * and git's record of it ({@code .git/worktrees/<name>}, named by the worktree's {@code .git} file) without starting
 * a process, as the JVM may no longer start one then. A stale worktree at the same path, left by a killed run, is
 * removed before the new one is added. Never a global {@code git worktree prune}: other worktrees are not
 * perfgate's.
 */
final class WorktreeGuard implements AutoCloseable {

    private static final String GITDIR = "gitdir:";

    private final Git git;
    private final Path worktree;
    private final Thread hook;
    private volatile SupervisedProcess build;
    private boolean hooked;

    WorktreeGuard(Git git, Path worktree) {
        this.git = git;
        this.worktree = worktree;
        this.hook = new Thread(this::onShutdown, "perfgate-worktree-shutdown");
    }

    /** Removes a worktree left at this path by an earlier run that was killed. */
    void clearStale() throws IOException {
        if (Files.exists(worktree)) {
            try {
                git.removeWorktree(worktree);
            } catch (RevisionException notAWorktreeAnyMore) {
                // Deleted below; `worktree add --force` takes over a registration whose directory is gone.
            }
            deleteFiles(worktree);
        }
    }

    /** Adds the worktree; from now until {@link #close()} it is removed on shutdown too. */
    void add(String sha) throws RevisionException {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            hooked = true;
        } catch (IllegalStateException shuttingDown) {
            throw new RevisionException("The build is being stopped; perfgate did not check the revision out.");
        }
        git.addWorktree(worktree, sha);
    }

    /** The nested build running in the worktree, stopped first on shutdown; null when none runs. */
    void building(SupervisedProcess process) {
        this.build = process;
    }

    /** Removes the worktree (with git when it can, by deleting it otherwise) and the shutdown hook. */
    @Override
    public void close() throws IOException {
        try {
            if (Files.exists(worktree)) {
                try {
                    git.removeWorktree(worktree);
                } catch (RevisionException gitFailed) {
                    deleteFiles(worktree);
                }
                deleteFiles(worktree);
            }
        } finally {
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook runs or has run: it removes the worktree.
                }
            }
        }
    }

    private void onShutdown() {
        SupervisedProcess running = build;
        if (running != null) {
            running.stop();
        }
        try {
            deleteFiles(worktree);
        } catch (IOException e) {
            // Nothing more can be done while the JVM goes; the next run removes the stale worktree.
        }
    }

    /** Deletes the worktree's directory and git's record of it, without git. */
    static void deleteFiles(Path worktree) throws IOException {
        Path dotGit = worktree.resolve(".git");
        Path admin = null;
        if (Files.isRegularFile(dotGit)) {
            String content = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
            if (content.startsWith(GITDIR)) {
                admin = worktree.resolve(content.substring(GITDIR.length()).strip()).normalize();
            }
        }
        AgainstSide.deleteTree(worktree);
        if (admin != null && admin.getParent() != null && admin.getParent().getFileName() != null
                && admin.getParent().getFileName().toString().equals("worktrees")) {
            AgainstSide.deleteTree(admin);
        }
    }
}
