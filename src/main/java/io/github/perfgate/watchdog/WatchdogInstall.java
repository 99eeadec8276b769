package io.github.perfgate.watchdog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
        return ClassFiles.install(temporaryDirectory.resolve("perfgate-watchdog"), List.of(MAIN_CLASS));
    }
}
