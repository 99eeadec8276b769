package io.github.perfgate.jmh;

import io.github.perfgate.cpu.CpuProfilerInstall;
import io.github.perfgate.process.JvmLaunch;
import io.github.perfgate.process.ProcessSupervisor;
import io.github.perfgate.watchdog.WatchdogInstall;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JMH host's command line: {@code java <hostJvmArguments> @<argfile> ParentWatchdog org.openjdk.jmh.Main
 * <jmhArguments>}, where the argfile (a JDK {@code @argfiles} file in the request's temporary directory) holds
 * {@code -cp <classpath>}, so long classpaths do not hit command-line length limits. The classpath starts with the
 * watchdog's directory and ends with the directory of perfgate's CPU-time profiler ({@link CpuProfilerInstall}, last,
 * so that nothing of the project's is shadowed); entries that do not exist are left out (the JVM skips them anyway, and JMH's classpath jar
 * refuses them). JMH forks one JVM per benchmark fork with {@code -cp <its own java.class.path>}; for classpaths
 * over 30,000 characters the host also gets {@code -Djmh.separateClasspathJAR=true}, which makes JMH pass the forks
 * a manifest-only jar in the temp directory instead (JMH falls back to {@code -cp} if an entry is on another drive
 * than the temp directory).
 *
 * <p>Closing it deletes the argfile; the argfiles of a build that was killed before it could are deleted when the
 * next one is prepared in the same directory.
 */
final class JmhCommandLine implements AutoCloseable {

    static final String JMH_MAIN = "org.openjdk.jmh.Main";

    private static final int LONG_CLASSPATH = 30_000;
    private static final String ARG_FILE_PREFIX = "perfgate-jmh-";
    private static final String ARG_FILE_SUFFIX = ".args";
    private static final String SEPARATE_CLASSPATH_JAR = "jmh.separateClasspathJAR";

    private final JmhRunRequest request;
    private final Path argFile;
    private final boolean longClasspath;

    private JmhCommandLine(JmhRunRequest request, Path argFile, boolean longClasspath) {
        this.request = request;
        this.argFile = argFile;
        this.longClasspath = longClasspath;
    }

    /** Writes the watchdog class and the argfile for the request. */
    static JmhCommandLine prepare(JmhRunRequest request) throws JmhRunException {
        removeLeftovers(request.temporaryDirectory());
        List<Path> classpath = new ArrayList<>();
        classpath.add(classDirectory(WatchdogInstall::classDirectory, request.temporaryDirectory(), "watchdog class"));
        request.classpath().stream().filter(Files::exists).forEach(classpath::add);
        classpath.add(classDirectory(CpuProfilerInstall::classDirectory, request.temporaryDirectory(),
                "CPU-time profiler"));
        Path argFile = writeArgFile(classpath, request.temporaryDirectory());
        return new JmhCommandLine(request, argFile, classpathString(classpath).length() > LONG_CLASSPATH);
    }

    /** The JMH host with the given arguments for {@code org.openjdk.jmh.Main}. */
    JvmLaunch launch(List<String> jmhArguments) {
        List<String> options = new ArrayList<>(request.hostJvmArguments());
        boolean separateJarSet = options.stream().anyMatch(a -> a.contains(SEPARATE_CLASSPATH_JAR));
        if (longClasspath && !separateJarSet) {
            options.add("-D" + SEPARATE_CLASSPATH_JAR + "=true");
        }
        options.add("@" + argFile);
        return new JvmLaunch(request.javaExecutable(), options, JMH_MAIN, jmhArguments, request.workingDirectory());
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(argFile);
        } catch (IOException ignored) {
            // A leftover file is removed at the next start.
        }
    }

    /** Removes the argfiles of a build that was killed before it could (they are only ever this build's). */
    private static void removeLeftovers(Path temporaryDirectory) {
        if (!Files.isDirectory(temporaryDirectory)
                || temporaryDirectory.equals(Path.of(System.getProperty("java.io.tmpdir")))) {
            return;
        }
        try (var files = Files.newDirectoryStream(temporaryDirectory, ARG_FILE_PREFIX + "*" + ARG_FILE_SUFFIX)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // Leftovers are harmless.
        }
    }

    /** Writes one of perfgate's class directories ({@code install}), {@code what} naming it in the error. */
    private static Path classDirectory(ClassDirectory install, Path temporaryDirectory, String what)
            throws JmhRunException {
        try {
            return install.write(temporaryDirectory);
        } catch (IOException e) {
            throw new JmhRunException(JmhRunException.Kind.JMH_FAILED, "Could not write perfgate's " + what + " to "
                    + temporaryDirectory + ": " + e.getMessage(), e);
        }
    }

    /** {@link WatchdogInstall#classDirectory} or {@link CpuProfilerInstall#classDirectory}. */
    @FunctionalInterface
    private interface ClassDirectory {
        Path write(Path temporaryDirectory) throws IOException;
    }

    private static String classpathString(List<Path> classpath) {
        return classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Writes {@code -cp "<classpath>"} in the JDK's {@code @argfiles} syntax: inside double quotes a backslash
     * escapes the next character, so backslashes and double quotes are escaped. The launcher reads the file in
     * the platform's native encoding.
     */
    static Path writeArgFile(List<Path> classpath, Path directory) throws JmhRunException {
        String escaped = classpathString(classpath).replace("\\", "\\\\").replace("\"", "\\\"");
        try {
            Files.createDirectories(directory);
            Path file = Files.createTempFile(directory, ARG_FILE_PREFIX, ARG_FILE_SUFFIX);
            try (Writer writer = Files.newBufferedWriter(file, ProcessSupervisor.nativeCharset())) {
                writer.write("-cp \"" + escaped + "\"\n");
            }
            return file;
        } catch (IOException e) {
            throw new JmhRunException(JmhRunException.Kind.JMH_FAILED,
                    "Could not write the JMH classpath to a temporary file: " + e.getMessage(), e);
        }
    }
}
