package io.github.perfgate.jmh;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Another process that holds the lock for {@link MeasurementLockTest}: {@code <dir> perfgate|jmh}. It takes the lock
 * as perfgate does, or as plain JMH does (a file lock and no owner file), or as a perfgate build looks to a waiter in
 * the instant after it took the file lock ({@code late}: the owner file follows 400 ms later), prints {@code LOCKED},
 * and lets go when its standard input ends.
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
        } else if (args[1].equals("late")) {
            try (FileChannel channel = FileChannel.open(dir.resolve(MeasurementLock.JMH_LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                System.out.println("LOCKED");
                System.out.flush();
                Thread.sleep(400);
                Files.writeString(dir.resolve(MeasurementLock.OWNER_FILE),
                        "pid " + ProcessHandle.current().pid() + ", acme:late (/src/late)\n");
                while (System.in.read() >= 0) {
                    // wait
                }
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
