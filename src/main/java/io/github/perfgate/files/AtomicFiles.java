package io.github.perfgate.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a file atomically: the one writer of every file perfgate writes (the baseline, the journal, the reports).
 *
 * <p>The content goes to a hidden temporary file beside the target, is forced to disk, then moved over the target
 * in one step, so a crash, a full disk or Ctrl-C leaves either the old file or the new one, never a half-written
 * one, and a reader (or a CI step that collects the files) never sees half of one. When anything fails, the target
 * is left as it was and the temporary file is removed. The temporary file is created like any other file (not with
 * {@link Files#createTempFile}, whose owner-only permissions would stay with the target); {@link Permissions} says
 * what it gets before the move.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** The permissions the written file ends up with. */
    public enum Permissions {
        /** Whatever the file system gives a new file (the umask on POSIX): for generated files such as reports. */
        DEFAULT,
        /**
         * The target's permissions when it exists, {@code rw-r--r--} for a new file, whatever the umask gives: for
         * committed files (baseline, journal) that must stay readable as before. Ignored where the file system has
         * no POSIX permissions.
         */
        KEEP_OR_WORLD_READABLE
    }

    /** The permissions of a new committed file under {@link Permissions#KEEP_OR_WORLD_READABLE}. */
    static final Set<PosixFilePermission> NEW_COMMITTED_FILE = PosixFilePermissions.fromString("rw-r--r--");

    /**
     * Replaces {@code target} with {@code content} as UTF-8, or creates it, creating its parent directories as needed.
     *
     * @throws IOException when the file cannot be written; the target is then untouched
     */
    public static void write(Path target, String content, Permissions permissions) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8), permissions);
    }

    /**
     * Replaces {@code target} with {@code content}, or creates it, creating its parent directories as needed.
     *
     * @throws IOException when the file cannot be written; the target is then untouched
     */
    public static void write(Path target, byte[] content, Permissions permissions) throws IOException {
        Path file = target.toAbsolutePath();
        write(file, content, temp -> {
            if (permissions == Permissions.KEEP_OR_WORLD_READABLE) {
                keepOrWorldReadable(file, temp);
            }
        });
    }

    /** What is done to the written temporary file before it replaces the target (a seam for the tests). */
    @FunctionalInterface
    interface BeforeMove {

        /**
         * @param temp the temporary file, holding the whole content, forced to disk
         * @throws IOException to abandon the write; the target is then left as it was
         */
        void apply(Path temp) throws IOException;
    }

    static void write(Path target, byte[] content, BeforeMove beforeMove) throws IOException {
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

    private static void keepOrWorldReadable(Path target, Path temp) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : NEW_COMMITTED_FILE);
    }
}
