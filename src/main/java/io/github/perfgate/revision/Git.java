package io.github.perfgate.revision;

import io.github.perfgate.process.CommandLaunch;
import io.github.perfgate.process.Deadline;
import io.github.perfgate.process.ProcessException;
import io.github.perfgate.process.ProcessSupervisor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * git, run through the process supervisor (a deadline per command, the process stopped on Ctrl-C), in the top-level
 * directory of one repository. git runs with English messages ({@code LC_ALL=C}), no terminal prompt, and without the
 * {@code GIT_DIR} family of variables a git hook sets, so that it always looks at the repository of the directory.
 */
public final class Git {

    /** Variables a git hook (pre-push running {@code mvn verify}) sets that would point git elsewhere. */
    private static final List<String> STRIPPED = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE");

    private final String executable;
    private final Path topLevel;
    private final Duration timeout;

    private Git(String executable, Path topLevel, Duration timeout) {
        this.executable = executable;
        this.topLevel = topLevel;
        this.timeout = timeout;
    }

    /**
     * The repository that holds {@code directory}.
     *
     * @param timeout how long each git command may take
     * @throws RevisionException git is not installed or not on the PATH, or the directory is not in a git repository
     */
    public static Git at(Path directory, Duration timeout) throws RevisionException {
        return at("git", directory, timeout);
    }

    /** As {@link #at(Path, Duration)}, with another git executable (a seam for the tests). */
    static Git at(String executable, Path directory, Duration timeout) throws RevisionException {
        Objects.requireNonNull(directory, "directory");
        Path absolute = directory.toAbsolutePath().normalize();
        Result result = run(executable, absolute, timeout, List.of("rev-parse", "--show-toplevel"));
        if (result.exitCode() != 0 || result.lines().isEmpty()) {
            if (result.text().contains("not a git repository")) {
                throw new RevisionException(absolute + " is not in a git repository. The A/B mode (perfgate.against)"
                        + " builds another commit of the project, so it needs the project's git history: run the"
                        + " build in a clone, not in an exported copy.");
            }
            throw new RevisionException("git could not find the repository of " + absolute + ": "
                    + result.text().strip());
        }
        return new Git(executable, Path.of(result.lines().get(0).strip()), timeout);
    }

    /** The repository's top-level directory, as git prints it (symbolic links resolved). */
    public Path topLevel() {
        return topLevel;
    }

    /**
     * Resolves a revision to its commit ({@code git rev-parse --verify "<rev>^{commit}"}).
     *
     * @throws RevisionException naming the revision when git knows no commit of that name; in a shallow clone the
     *                           message says how to fetch more history
     */
    public Revision resolve(String revision) throws RevisionException {
        Objects.requireNonNull(revision, "revision");
        if (revision.isBlank() || revision.startsWith("-")) {
            throw new RevisionException("'" + revision + "' is not a git revision. Give a commit, a branch, a tag or"
                    + " an expression such as HEAD~1, e.g. -Dperfgate.against=origin/main.");
        }
        Result result = git("rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (result.exitCode() == 0 && !result.lines().isEmpty()) {
            return new Revision(revision, result.lines().get(0).strip());
        }
        if (isShallow()) {
            throw new RevisionException("The revision '" + revision + "' is not in this clone of " + topLevel
                    + ": the clone is shallow (it holds only the latest commits). Fetch more history: on GitHub"
                    + " Actions give actions/checkout `fetch-depth: 0`, elsewhere run `git fetch --unshallow`.");
        }
        throw new RevisionException("The revision '" + revision + "' does not exist in " + topLevel + ": git knows"
                + " no commit of that name. Check its spelling; a branch of a remote must be fetched first"
                + " (git fetch origin).");
    }

    /** HEAD's commit. */
    public String headCommit() throws RevisionException {
        return resolve("HEAD").sha();
    }

    /**
     * Whether the working tree has no changes compared with HEAD: no modified, added, deleted or untracked file
     * ({@code .gitignore}d files do not count), ignoring everything under {@code ignored} (the module's build
     * directory, where perfgate's own worktrees live).
     */
    public boolean isClean(Path ignored) throws RevisionException {
        Result result = git("status", "--porcelain", "-z", "--untracked-files=all");
        if (result.exitCode() != 0) {
            throw failed("status", result);
        }
        String prefix = relativeToTop(ignored);
        List<String> changed = changedPaths(String.join("\n", result.lines()));
        return changed.stream().allMatch(path -> prefix != null
                && (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")));
    }

    /** The paths of {@code git status --porcelain -z}: {@code XY path\0}, a rename's source after it. */
    static List<String> changedPaths(String statusZ) {
        List<String> paths = new ArrayList<>();
        String[] entries = statusZ.split("\0");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            if (entry.length() < 4) {
                continue;
            }
            paths.add(entry.substring(3));
            if (entry.charAt(0) == 'R' || entry.charAt(0) == 'C') {
                i++; // the rename's or copy's source
            }
        }
        return paths;
    }

    /** Checks {@code sha} out, detached, into {@code directory}; copes with a stale worktree registered there. */
    void addWorktree(Path directory, String sha) throws RevisionException {
        Result result = git("worktree", "add", "--force", "--detach", directory.toString(), sha);
        if (result.exitCode() != 0) {
            throw failed("worktree add", result);
        }
    }

    /** Removes a worktree perfgate added, with its files. */
    void removeWorktree(Path directory) throws RevisionException {
        Result result = git("worktree", "remove", "--force", directory.toString());
        if (result.exitCode() != 0) {
            throw failed("worktree remove", result);
        }
    }

    /** The directories of the repository's worktrees, the main one first. */
    List<Path> worktrees() throws RevisionException {
        Result result = git("worktree", "list", "--porcelain");
        if (result.exitCode() != 0) {
            throw failed("worktree list", result);
        }
        return result.lines().stream().filter(l -> l.startsWith("worktree ")).map(l -> Path.of(l.substring(9)))
                .toList();
    }

    private boolean isShallow() throws RevisionException {
        Result result = git("rev-parse", "--is-shallow-repository");
        return result.exitCode() == 0 && result.lines().contains("true");
    }

    /** {@code path} relative to the top level with {@code /} separators, or null when it is outside. */
    private String relativeToTop(Path path) {
        if (path == null) {
            return null;
        }
        Path absolute = path.toAbsolutePath().normalize();
        try {
            absolute = absolute.toRealPath();
        } catch (IOException missing) {
            // Not there yet: nothing of it can show up either, compare as given.
        }
        if (!absolute.startsWith(topLevel) || absolute.equals(topLevel)) {
            return null;
        }
        return topLevel.relativize(absolute).toString().replace('\\', '/');
    }

    /**
     * The notes under {@code ref} (e.g. {@code refs/notes/perfgate}) of the last {@code limit} commits of HEAD's
     * history, oldest first: each note's text, commits without a note left out.
     */
    public List<String> notes(String ref, int limit) throws RevisionException {
        if (git("rev-parse", "--verify", "--quiet", ref).exitCode() != 0) {
            return List.of(); // no note yet (git log would warn about the missing ref)
        }
        Result result = git("log", "-n", Integer.toString(limit), "--notes=" + ref, "--format=%x1e%N", "HEAD");
        if (result.exitCode() != 0) {
            throw failed("log --notes=" + ref, result);
        }
        List<String> notes = new ArrayList<>();
        for (String note : result.text().split("\u001e")) {
            if (!note.isBlank()) {
                notes.add(0, note.strip());
            }
        }
        return notes;
    }

    /**
     * Appends {@code text} to HEAD's note under {@code ref} ({@code git notes --ref <ref> append}); git keeps the
     * notes in their own commits, so they never conflict with the code.
     */
    public void appendNote(String ref, String text) throws RevisionException {
        Result result = git("notes", "--ref", ref, "append", "-m", text, "HEAD");
        if (result.exitCode() != 0) {
            throw failed("notes --ref " + ref + " append", result);
        }
    }

    private RevisionException failed(String command, Result result) {
        return new RevisionException("git " + command + " failed in " + topLevel + " (exit code " + result.exitCode()
                + "): " + result.text().strip());
    }

    private Result git(String... arguments) throws RevisionException {
        return run(executable, topLevel, timeout, List.of(arguments));
    }

    /** What a git command printed (stdout and stderr) and its exit code. */
    record Result(int exitCode, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }
    }

    private static Result run(String executable, Path directory, Duration timeout, List<String> arguments)
            throws RevisionException {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(arguments);
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            throw new RevisionException(directory + " is not a directory, so it is not in a git repository.");
        }
        try {
            ProcessSupervisor.Completion completion = new ProcessSupervisor().run(
                    new CommandLaunch(command, directory, environment()), Deadline.after(timeout), lines::add);
            return new Result(completion.exitCode(), lines);
        } catch (ProcessException e) {
            throw switch (e.kind()) {
                case START_FAILED -> new RevisionException("git is not installed or not on the PATH (" + e.getMessage()
                        + "). The A/B mode (perfgate.against) needs git: install it, or put it on the PATH of the"
                        + " build.", e);
                case TIMEOUT -> new RevisionException("git " + String.join(" ", arguments) + " did not finish within "
                        + Deadline.format(timeout) + " in " + directory + " and was stopped.", e);
                case INTERRUPTED -> new RevisionException("The build was stopped while git ran.", e);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RevisionException("perfgate was interrupted while git " + arguments.get(0) + " ran.", e);
        }
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        STRIPPED.forEach(environment::remove);
        environment.put("LC_ALL", "C");
        environment.put("GIT_TERMINAL_PROMPT", "0");
        return environment;
    }
}
