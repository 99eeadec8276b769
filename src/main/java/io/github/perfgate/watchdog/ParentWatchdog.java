package io.github.perfgate.watchdog;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The main class of every JVM perfgate starts (the JMH host, the machine calibration): it runs the real main class
 * named by its first argument, and ends its JVM, and every process that JVM started (JMH's forks), as soon as the
 * process that started it is gone.
 *
 * <p>perfgate keeps the child's standard input open as a pipe and never writes to it. When Maven ends in any way,
 * SIGKILL included (a CI runner's timeout), the kernel closes the pipe's writing end and the read here returns end of
 * file; the watchdog then kills the JVM's descendants and halts the JVM. A JVM whose parent is alive is unaffected.
 *
 * <p>Depends on nothing but the JDK: it runs on the benchmark classpath, loaded from a directory that holds only this
 * class. It must compile for the oldest JDK perfgate supports.
 */
public final class ParentWatchdog {

    /** The exit status when the parent went away: 128 + SIGKILL, as if the child had been killed with it. */
    static final int PARENT_GONE = 137;

    private ParentWatchdog() {
    }

    /**
     * @param args the main class to run, then its arguments
     */
    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: " + ParentWatchdog.class.getName() + " <main class> [arguments]");
            System.exit(2);
        }
        Thread watchdog = new Thread(() -> awaitEndOfInput(System.in), "perfgate-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Method main;
        try {
            main = Class.forName(args[0], false, ParentWatchdog.class.getClassLoader())
                    .getMethod("main", String[].class);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            // The launcher's own wording, which perfgate recognises (no JMH on the classpath).
            System.err.println("Error: Could not find or load main class " + args[0]);
            System.err.println("Caused by: " + e);
            System.exit(1);
            return;
        }
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Blocks until the input ends, then kills this JVM's descendants and halts it. */
    static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // perfgate writes nothing; whatever arrives is ignored.
            }
        } catch (IOException closed) {
            // The same as end of input: the parent is gone.
        }
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(PARENT_GONE);
    }
}
