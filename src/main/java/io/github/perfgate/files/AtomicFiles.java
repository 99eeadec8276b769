package io.github.perfgate.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file atomically, for the files perfgate keeps under version control (the baseline, the journal).
 *
 * <p>The content goes to a hidden temporary file beside the target, is forced to disk, then moved over the target
 * in one step, so a crash, a full disk or Ctrl-C leaves either the old file or the new one, never a half-written
 * one. When anything fails, the target is left as it was and the temporary file is removed.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** What is done to the written temporary file before it replaces the target, such as giving it permissions. */
    @FunctionalInterface
    public interface BeforeMove {

        /**
         * @param temp the temporary file, holding the whole content, forced to disk
         * @throws IOException to abandon the write; the target is then left as it was
         */
        void apply(Path temp) throws IOException;
    }

    /**
     * Replaces {@code target} with {@code content}, or creates it, creating its parent directories as needed.
     * The temporary file is created with the file system's default permissions; {@code beforeMove} may change them.
     *
     * @throws IOException when the file cannot be written; the target is then untouched
     */
    public static void write(Path target, byte[] content, BeforeMove beforeMove) throws IOException {
        Path file = target.toAbsolutePath();
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            beforeMove.apply(temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and harmless
                }
            }
        }
    }
}
