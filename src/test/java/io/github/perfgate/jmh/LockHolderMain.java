package io.github.perfgate.jmh;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Another process that holds the lock for {@link MeasurementLockTest}: {@code <dir> perfgate|jmh}. It takes the lock
 * as perfgate does, or as plain JMH does (a file lock and no owner file), prints {@code LOCKED}, and lets go when its
 * standard input ends.
 */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        if (args[1].equals("perfgate")) {
            try (MeasurementLock.Held held = MeasurementLock.acquire(dir, "acme:other-build (/src/other)",
                    Duration.ofMinutes(1), why -> { })) {
                holdUntilInputEnds();
            }
        } else {
            try (FileChannel channel = FileChannel.open(dir.resolve(MeasurementLock.JMH_LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                holdUntilInputEnds();
            }
        }
    }

    private static void holdUntilInputEnds() throws Exception {
        System.out.println("LOCKED");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait
        }
    }
}
