package io.github.perfgate.watchdog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Copies some of perfgate's own class files into a directory that a child JVM gets on its classpath, so that the
 * child gains those classes and nothing else of the plugin: the watchdog's ({@link WatchdogInstall}) and the CPU-time
 * profiler's. JDK only, like the rest of this package. The classes are named, never loaded: one that needs JMH
 * can be copied from Maven's JVM, which has no JMH.
 */
public final class ClassFiles {

    private ClassFiles() {
    }

    /**
     * Writes the class files of {@code classNames} under {@code root} (again, if they are there already), each
     * written aside and moved into place, so that a JVM starting now never loads a half-written class.
     *
     * @return {@code root}
     * @throws IOException if a class file cannot be read from perfgate's jar or written
     */
    public static Path install(Path root, List<String> classNames) throws IOException {
        for (String name : classNames) {
            String resource = name.replace('.', '/') + ".class";
            Path target = root.resolve(resource);
            Files.createDirectories(target.getParent());
            Path written = Files.createTempFile(target.getParent(), "perfgate-class", ".tmp");
            try (InputStream in = ClassFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("perfgate's own class " + resource + " is missing from its jar");
                }
                Files.copy(in, written, StandardCopyOption.REPLACE_EXISTING);
                Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(written);
            }
        }
        return root;
    }
}
