package io.github.perfgate.jmh;

import io.github.perfgate.process.Deadline;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The machine-wide measurement lock: while a build holds it, no other perfgate build and no other JMH run on this
 * machine measures anything, so nothing runs beside its calibration JVMs, its JMH host or its forks.
 *
 * <p>The lock is JMH's own lock file, {@code jmh.lock} in {@code java.io.tmpdir} (JMH 1.37's {@code Runner} takes a
 * {@link FileLock} on it for the whole run and refuses to start while it is taken), so a plain JMH run of another
 * project waits for perfgate, and perfgate waits for it. perfgate takes it before its first calibration and keeps it
 * until the last fork of the build has ended; the JMH host it starts then runs with {@code -Djmh.ignoreLock=true}.
 *
 * <p>Within one JVM (a {@code mvn -T 2} reactor) a file lock cannot be taken twice
 * ({@link OverlappingFileLockException}), so the modules of one build queue on a JVM-wide fair lock first. The lock
 * is re-entrant for the thread that holds it: a check that holds it across its first measurement and its re-measure
 * can call code that takes it again. The holder is written to {@code perfgate-measurement.owner} beside the lock
 * file (a separate file: a locked region cannot be read on every platform), so a waiting build can say who it waits
 * for.
 */
public final class MeasurementLock {

    /** JMH's lock file name in {@code java.io.tmpdir} ({@code org.openjdk.jmh.runner.Runner}). */
    public static final String JMH_LOCK_FILE = "jmh.lock";
    /** Who holds the lock: a line written by the holder, removed when it lets go. */
    static final String OWNER_FILE = "perfgate-measurement.owner";
    /** The host JVM option that makes JMH run while perfgate holds its lock file. */
    public static final String IGNORE_JMH_LOCK = "-Djmh.ignoreLock=true";

    private static final long POLL_MILLIS = 200;
    private static final String UNNAMED_HOLDER = "a JMH run that is not perfgate's";
    private static final Duration REMIND_EVERY = Duration.ofMinutes(1);
    /**
     * How long a holder that names nobody is waited out before it is announced as a plain JMH run: a perfgate holder
     * writes its owner file just after it took the lock and removes it just before it lets go, so a waiter that
     * looks in between would otherwise blame a JMH run that is not there.
     */
    static final Duration UNNAMED_GRACE = Duration.ofSeconds(1);

    /** Modules of one Maven JVM queue here, in arrival order. */
    private static final ReentrantLock JVM_WIDE = new ReentrantLock(true);
    /** Guarded by {@link #JVM_WIDE}: the file lock while the holder's hold count is above 0. */
    private static FileChannel channel;
    private static FileLock fileLock;
    private static Path ownerFile;
    /** The owner line of this JVM's holder, read by modules that wait for it. */
    private static volatile String jvmHolder;

    private MeasurementLock() {
    }

    /** A held lock; {@link #close()}, on the thread that took it, lets go of one hold. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The directory of JMH's lock file: this JVM's {@code java.io.tmpdir}, as JMH's host has by default. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Takes the lock, waiting for its holder to finish.
     *
     * @param directory where the lock file is ({@link #defaultDirectory()})
     * @param owner who takes it, for the messages of those who wait, e.g. {@code acme:parser (/src/parser)}
     * @param timeout how long to wait at most
     * @param waiting receives a sentence when this call starts to wait, when the holder changes and once a minute
     * @throws JmhRunException of kind {@link JmhRunException.Kind#LOCKED} when the lock stayed taken for the whole
     *         timeout or the lock file cannot be opened; nothing has been measured then
     */
    public static Held acquire(Path directory, String owner, Duration timeout, Consumer<String> waiting)
            throws JmhRunException, InterruptedException {
        Objects.requireNonNull(owner, "owner");
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String lastHolder = null;
        long unnamedSince = 0;
        boolean unnamedSeen = false;
        long nextReminder = start + REMIND_EVERY.toNanos();
        boolean inJvm = false;
        try {
            while (true) {
                if (!inJvm) {
                    inJvm = JVM_WIDE.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
                if (inJvm && (JVM_WIDE.getHoldCount() > 1 || tryFileLock(directory, owner))) {
                    java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
                    return () -> {
                        if (!closed.get()) {
                            release();
                            closed.set(true);
                        }
                    };
                }
                long now = System.nanoTime();
                String holder = inJvm ? holderOf(directory) : jvmHolderOrUnknown();
                if (now - deadline >= 0) {
                    throw new JmhRunException(JmhRunException.Kind.LOCKED,
                            JmhHints.lockWaitTimedOut(timeout, holder));
                }
                boolean unnamed = holder.startsWith(UNNAMED_HOLDER);
                if (unnamed && !unnamedSeen) {
                    unnamedSince = now;
                }
                unnamedSeen = unnamed;
                boolean settled = !unnamed || now - unnamedSince >= UNNAMED_GRACE.toNanos();
                if (settled && (!holder.equals(lastHolder) || now - nextReminder >= 0)) {
                    waiting.accept("waiting for another measurement on this machine to finish (held by " + holder
                            + (lastHolder == null ? "" : "; waiting for "
                            + Deadline.format(Duration.ofNanos(now - start).withNanos(0)) + " so far")
                            + "): benchmarks measured side by side disturb each other's timings");
                    lastHolder = holder;
                    nextReminder = now + REMIND_EVERY.toNanos();
                }
                if (inJvm) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (JmhRunException | InterruptedException | RuntimeException e) {
            if (inJvm) {
                JVM_WIDE.unlock();
            }
            throw e;
        }
    }

    /** Takes the file lock for the first hold of this JVM; false while another process (or class realm) has it. */
    private static boolean tryFileLock(Path directory, String owner) throws JmhRunException {
        FileChannel opened;
        try {
            Files.createDirectories(directory);
            opened = FileChannel.open(directory.resolve(JMH_LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new JmhRunException(JmhRunException.Kind.LOCKED, "Cannot open the measurement lock file "
                    + directory.resolve(JMH_LOCK_FILE) + ": " + e.getMessage() + ". Make java.io.tmpdir writable.", e);
        }
        FileLock lock;
        try {
            lock = opened.tryLock();
        } catch (OverlappingFileLockException | IOException sameJvm) {
            // Another class realm of this JVM (another plugin version in the reactor) holds it.
            lock = null;
        }
        if (lock == null) {
            closeQuietly(opened);
            return false;
        }
        channel = opened;
        fileLock = lock;
        jvmHolder = "pid " + ProcessHandle.current().pid() + ", " + owner;
        try {
            Files.writeString(directory.resolve(OWNER_FILE), jvmHolder + "\n", StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // Only the waiting messages lose the holder's name.
        }
        ownerFile = directory.resolve(OWNER_FILE);
        return true;
    }

    private static void release() {
        if (!JVM_WIDE.isHeldByCurrentThread()) {
            throw new IllegalStateException("the measurement lock is let go by the thread that took it, not by "
                    + Thread.currentThread().getName());
        }
        if (JVM_WIDE.getHoldCount() == 1) {
            try {
                if (ownerFile != null) {
                    Files.deleteIfExists(ownerFile);
                }
            } catch (IOException ignored) {
                // A stale owner line is recognised by its pid.
            }
            try {
                if (fileLock != null) {
                    fileLock.release();
                }
            } catch (IOException ignored) {
                // Closing the channel releases it too.
            }
            closeQuietly(channel);
            channel = null;
            fileLock = null;
            ownerFile = null;
            jvmHolder = null;
        }
        JVM_WIDE.unlock();
    }

    /** The holder as its owner file says, when that process still lives; else a plain JMH run. */
    static String holderOf(Path directory) {
        try {
            String line = Files.readString(directory.resolve(OWNER_FILE), StandardCharsets.UTF_8).strip();
            if (line.startsWith("pid ")) {
                int end = line.indexOf(',');
                long pid = Long.parseLong(line.substring(4, end < 0 ? line.length() : end).strip());
                if (pid == ProcessHandle.current().pid()) {
                    return line + ", another module of this build";
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    return line;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // Fall through: nobody said who holds it.
        }
        return UNNAMED_HOLDER + " (" + directory.resolve(JMH_LOCK_FILE) + ")";
    }

    private static String jvmHolderOrUnknown() {
        String holder = jvmHolder;
        return (holder == null ? "pid " + ProcessHandle.current().pid() : holder) + ", another module of this build";
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
