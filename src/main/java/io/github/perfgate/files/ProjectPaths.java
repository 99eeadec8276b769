package io.github.perfgate.files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Paths as a user hint names them: relative to the project's base directory, where the commands of the hints run
 * ({@code git add perf/baseline.json}), never to the working directory of the process, which may be anywhere
 * (a reactor's root, an IDE's directory).
 */
public final class ProjectPaths {

    private ProjectPaths() {
    }

    /**
     * {@code file} relative to {@code baseDirectory}; the absolute path when there is no base directory or when
     * no relative path leads from one to the other (another drive on Windows, another file system).
     *
     * @param baseDirectory the project's base directory, or null when there is no project
     */
    public static String forUser(Path baseDirectory, Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath().normalize();
        if (baseDirectory == null) {
            return absolute.toString();
        }
        Path base = baseDirectory.toAbsolutePath().normalize();
        if (!Objects.equals(base.getRoot(), absolute.getRoot())) {
            return absolute.toString();
        }
        try {
            String relative = base.relativize(absolute).toString();
            return relative.isEmpty() ? "." : relative;
        } catch (IllegalArgumentException e) {
            // another file system provider, or a root relativize cannot cross
            return absolute.toString();
        }
    }
}
