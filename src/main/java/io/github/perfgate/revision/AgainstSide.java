package io.github.perfgate.revision;

import io.github.perfgate.files.AtomicFiles;
import io.github.perfgate.process.CommandLaunch;
import io.github.perfgate.process.Deadline;
import io.github.perfgate.process.OutputTail;
import io.github.perfgate.process.ProcessException;
import io.github.perfgate.process.ProcessSupervisor;
import io.github.perfgate.process.SupervisedProcess;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the against side of an A/B run: the module at another commit, up to its test classes, and its test
 * classpath obtained the way the current side's is (the plugin's own {@code test-classpath} goal, run by the nested
 * build), so that the two sides differ only in the code.
 *
 * <p>In the cache root, per built side ({@code <sha12>-<hash8>}, the hash over the commit, the module, the plugin
 * goal, the Java version and the forwarded options): {@code classpath.txt}, {@code cp/<n>/} (the copies of the
 * classpath elements that lived in the worktree: the module's and its reactor siblings' classes),
 * {@code build.log} and {@code COMPLETE}. An entry is built in a hidden directory beside it and moved into place
 * once complete, so a half-built entry is never reused. While it builds, {@code <name>.log} holds the log (kept
 * after a failure) and {@code worktree-<name>} the checkout, which is removed whatever happens, from a shutdown hook
 * on Ctrl-C too.
 */
public final class AgainstSide {

    /**
     * Removed from the nested build's environment whatever the caller gave: {@code mvn} and {@code mvnw} export the
     * outer command line in them, and a nested build that inherits them replays the outer goals.
     */
    static final List<String> NOT_INHERITED = List.of("MAVEN_ARGS", "MAVEN_CMD_LINE_ARGS");

    /** How many of the nested build's last lines a failure shows. */
    static final int FAILURE_LINES = 20;

    static final String COMPLETE = "COMPLETE";
    static final String CLASSPATH = "classpath.txt";
    static final String BUILD_LOG = "build.log";

    /** The nested build's lines shown as progress: the reactor's modules and the result. */
    private static final Pattern PROGRESS = Pattern.compile(
            "^\\[INFO] (Building [^:]+?|BUILD SUCCESS|BUILD FAILURE|Total time: .+?)\\s*$");

    private AgainstSide() {
    }

    /**
     * Checks the revision out into a detached worktree under the cache root, builds the module there
     * ({@code <mvn> -B <forwarded> -f <worktree reactor root>/pom.xml [-pl <module path> -am] test-compile
     * <pluginGoal> -Dperfgate.classpathFile=<file> -Dperfgate.classpathFor=<moduleId>}), copies the classpath
     * elements that live in the worktree into the cache and removes the worktree; or reuses a complete entry for the
     * same key.
     *
     * @param progress receives short progress lines, never the raw log
     * @throws RevisionException    the build failed (the message holds its last lines and the full log's path), its
     *                              timeout passed, or git failed
     * @throws InterruptedException this thread was interrupted; the build was stopped and the worktree removed
     */
    public static BuiltSide build(SideRequest request, Consumer<String> progress)
            throws RevisionException, InterruptedException {
        return build(request, progress, Git.at(request.moduleDirectory(), request.timeout()));
    }

    static BuiltSide build(SideRequest request, Consumer<String> progress, Git git)
            throws RevisionException, InterruptedException {
        Revision revision = request.revision();
        String what = revision.describe();
        Path cacheRoot = realDirectory(request.cacheRoot());
        String name = revision.sha().substring(0, 12) + "-" + keyHash(request);
        Path entry = cacheRoot.resolve(name);
        Optional<BuiltSide> cached = reusable(entry);
        if (cached.isPresent()) {
            progress.accept("perfgate: reusing the build of " + what + " from an earlier run: " + entry);
            return cached.get();
        }
        Path worktree = cacheRoot.resolve("worktree-" + name);
        Path staging = cacheRoot.resolve("." + name + ".partial");
        Path log = cacheRoot.resolve(name + ".log");
        WorktreeGuard guard = new WorktreeGuard(git, worktree);
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            guard.clearStale();
            progress.accept("perfgate: building " + what + " in a worktree: " + worktree);
            guard.add(revision.sha());
            Path rawClasspath = staging.resolve("nested-classpath.txt");
            runNestedBuild(request, nestedCommand(request, git.topLevel(), worktree, rawClasspath), worktree, log,
                    guard, progress, what);
            if (!Files.isRegularFile(rawClasspath)) {
                throw new RevisionException("The nested build of " + what + " passed but wrote no test classpath"
                        + " for " + request.moduleId() + ": the module is not in that commit's reactor, or has another"
                        + " groupId:artifactId there. Full log: " + log);
            }
            List<Path> classpath = relocate(Files.readAllLines(rawClasspath, StandardCharsets.UTF_8), worktree,
                    staging, entry);
            Files.delete(rawClasspath);
            StringBuilder text = new StringBuilder();
            classpath.forEach(element -> text.append(element).append('\n'));
            AtomicFiles.write(staging.resolve(CLASSPATH), text.toString(), AtomicFiles.Permissions.DEFAULT);
            Files.move(log, staging.resolve(BUILD_LOG), StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.write(staging.resolve(COMPLETE), revision.sha() + "\n", AtomicFiles.Permissions.DEFAULT);
            deleteTree(entry);
            Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
            return new BuiltSide(classpath, entry.resolve(BUILD_LOG), false);
        } catch (IOException e) {
            throw new RevisionException("Could not keep the against side " + what + " in " + cacheRoot + ": " + e
                    + ". Check that the build directory is writable.", e);
        } finally {
            boolean interrupted = Thread.interrupted();
            try {
                guard.close();
                deleteTree(staging);
            } catch (IOException ignored) {
                // A hidden leftover in the build directory; the next build of this key starts by removing it.
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The nested build's command line. */
    static List<String> nestedCommand(SideRequest request, Path topLevel, Path worktree, Path classpathFile)
            throws RevisionException {
        Path reactorRoot = real(request.reactorRoot());
        Path module = real(request.moduleDirectory());
        if (!reactorRoot.startsWith(topLevel) || !module.startsWith(reactorRoot)) {
            throw new RevisionException("The module " + module + " is not inside its reactor " + reactorRoot
                    + " in the git repository " + topLevel + ", so it cannot be built from another commit.");
        }
        Path nestedRoot = worktree.resolve(topLevel.relativize(reactorRoot).toString());
        List<String> command = new ArrayList<>();
        command.add(request.maven().executable().toString());
        List<String> forwarded = request.maven().forwardedArguments();
        if (!forwarded.contains("-B") && !forwarded.contains("--batch-mode")) {
            command.add("-B");
        }
        command.addAll(forwarded);
        command.add("-f");
        command.add(nestedRoot.resolve("pom.xml").toString());
        if (!module.equals(reactorRoot)) {
            command.add("-pl");
            command.add(reactorRoot.relativize(module).toString().replace('\\', '/'));
            command.add("-am");
        }
        command.add("test-compile");
        command.add(request.pluginGoal());
        command.add("-Dperfgate.classpathFile=" + classpathFile);
        command.add("-Dperfgate.classpathFor=" + request.moduleId());
        return command;
    }

    private static void runNestedBuild(SideRequest request, List<String> command, Path worktree, Path log,
            WorktreeGuard guard, Consumer<String> progress, String what)
            throws RevisionException, InterruptedException, IOException {
        OutputTail tail = new OutputTail(FAILURE_LINES);
        Deadline deadline = Deadline.after(request.timeout());
        ProcessSupervisor.Completion completion;
        try (BufferedWriter writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            writer.write("perfgate: " + String.join(" ", command) + "\n");
            Map<String, String> environment = new HashMap<>(request.maven().environment());
            NOT_INHERITED.forEach(environment::remove);
            SupervisedProcess process = new ProcessSupervisor().start(
                    new CommandLaunch(command, worktree, environment));
            guard.building(process);
            completion = ProcessSupervisor.completed(process, deadline, line -> {
                tail.add(line);
                try {
                    writer.write(line);
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Matcher progressLine = PROGRESS.matcher(line);
                if (progressLine.matches()) {
                    progress.accept("perfgate:   " + progressLine.group(1).replaceAll("\\s+", " "));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (ProcessException e) {
            throw switch (e.kind()) {
                case START_FAILED -> new RevisionException("Could not start the nested Maven build of " + what + ": "
                        + e.getMessage() + ". perfgate runs the outer build's own Maven; check maven.home.", e);
                case TIMEOUT -> new RevisionException("The nested build of " + what + " did not finish within "
                        + Deadline.format(request.timeout()) + " and was stopped." + lastLines(tail)
                        + "\nFull log: " + log, e);
                case INTERRUPTED -> new RevisionException("The build was stopped while " + what + " was being built;"
                        + " perfgate stopped the nested build. Log: " + log, e);
            };
        } finally {
            guard.building(null);
        }
        if (completion.exitCode() != 0) {
            throw new RevisionException("The against side " + what + " did not build: the nested Maven build"
                    + " exited with code " + completion.exitCode() + "." + lastLines(tail) + "\nFull log: " + log
                    + "\nFix that commit's build, or compare with another revision (-Dperfgate.against=...).");
        }
    }

    private static String lastLines(OutputTail tail) {
        List<String> lines = tail.lines();
        if (lines.isEmpty()) {
            return " It printed nothing.";
        }
        return " Its last lines:\n  " + String.join("\n  ", lines);
    }

    /**
     * The classpath with every element that lives in the worktree copied to {@code staging/cp/<n>} and named by
     * its place in {@code entry}, where the staging directory will be moved; elements outside stay as they are.
     * Elements in the worktree that do not exist (a module without test sources) are left out.
     */
    static List<Path> relocate(List<String> elements, Path worktree, Path staging, Path entry) throws IOException {
        List<Path> classpath = new ArrayList<>();
        int n = 0;
        for (String line : elements) {
            if (line.isBlank()) {
                continue;
            }
            Path element = Path.of(line.strip()).toAbsolutePath().normalize();
            if (!element.startsWith(worktree)) {
                classpath.add(element);
                continue;
            }
            if (!Files.exists(element)) {
                continue;
            }
            String slot = "cp/" + n++;
            Path copy = staging.resolve(slot);
            if (Files.isDirectory(element)) {
                copyTree(element, copy);
                classpath.add(entry.resolve(slot));
            } else {
                Files.createDirectories(copy);
                Files.copy(element, copy.resolve(element.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                classpath.add(entry.resolve(slot).resolve(element.getFileName().toString()));
            }
        }
        return classpath;
    }

    /** A complete entry whose every classpath element still exists; a stale one is removed. */
    static Optional<BuiltSide> reusable(Path entry) throws RevisionException {
        if (!Files.isRegularFile(entry.resolve(COMPLETE))) {
            return Optional.empty();
        }
        try {
            List<Path> classpath = Files.readAllLines(entry.resolve(CLASSPATH), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).map(Path::of).toList();
            if (classpath.stream().allMatch(Files::exists)) {
                return Optional.of(new BuiltSide(classpath, entry.resolve(BUILD_LOG), true));
            }
            deleteTree(entry);
            return Optional.empty();
        } catch (IOException e) {
            throw new RevisionException("Could not read the against side built before in " + entry + ": " + e
                    + ". Delete that directory to build it again.", e);
        }
    }

    /** Eight hex digits over what makes a built side different besides its commit. */
    static String keyHash(SideRequest request) {
        String key = String.join("\n", request.revision().sha(), request.moduleId(), request.pluginGoal(),
                System.getProperty("java.version"), request.cacheKeyExtra());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Path realDirectory(Path directory) throws RevisionException {
        try {
            return Files.createDirectories(directory.toAbsolutePath()).toRealPath();
        } catch (IOException e) {
            throw new RevisionException("Could not create " + directory + " for the A/B mode's against side: " + e
                    + ". Check that the build directory is writable.", e);
        }
    }

    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException missing) {
            return absolute;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Deletes a directory tree if it is there; tolerates files that go away meanwhile. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (var walk = Files.walk(root)) {
            paths = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return;
            }
            throw e.getCause();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
