package io.github.perfgate.watchdog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts {@link ParentWatchdog} where a child JVM can load it: a directory under the build's temporary directory that
 * holds that one class file, so that the benchmark classpath (which JMH's forks inherit) gains one class, not the
 * whole plugin.
 */
public final class WatchdogInstall {

    /** The main class to name on a child's command line, before the real main class. */
    public static final String MAIN_CLASS = ParentWatchdog.class.getName();

    private WatchdogInstall() {
    }

    /**
     * Writes the watchdog's class file under {@code temporaryDirectory/perfgate-watchdog} (again, if it is there already) and
     * returns the directory to put on the child's classpath.
     */
    public static Path classDirectory(Path temporaryDirectory) throws IOException {
        String resource = MAIN_CLASS.replace('.', '/') + ".class";
        Path root = temporaryDirectory.resolve("perfgate-watchdog");
        Path target = root.resolve(resource);
        Files.createDirectories(target.getParent());
        // Written aside and moved into place, so that a JVM starting now never loads a half-written class.
        Path written = Files.createTempFile(target.getParent(), "ParentWatchdog", ".tmp");
        try (InputStream in = ParentWatchdog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("perfgate's own class " + resource + " is missing from its jar");
            }
            Files.copy(in, written, StandardCopyOption.REPLACE_EXISTING);
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
        return root;
    }
}
