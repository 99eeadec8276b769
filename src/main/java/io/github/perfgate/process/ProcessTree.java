package io.github.perfgate.process;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process and all its descendants: {@code destroy()} (descendants first), then {@code destroyForcibly()} for
 * whatever is alive after the grace period, then up to 10 more seconds for the killed ones to go. While the root
 * lives, its descendants are looked up again every few milliseconds: JMH may start a fork between two look-ups, and a
 * fork whose JMH host has died is no longer a descendant but keeps running (checked with JMH 1.37).
 */
final class ProcessTree {

    private static final Duration FORCED_EXIT_WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    private ProcessTree() {
    }

    /** Stops the tree; keeps the caller's interrupt status (and waits on regardless). */
    static void destroy(ProcessHandle root, Duration gracePeriod) {
        boolean interrupted = Thread.interrupted();
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        destroyNew(root, tree);
        long graceEnd = System.nanoTime() + gracePeriod.toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() - graceEnd < 0) {
            if (root.isAlive()) {
                destroyNew(root, tree);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (tree.stream().anyMatch(ProcessHandle::isAlive)) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            interrupted |= !awaitExit(tree, FORCED_EXIT_WAIT);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void destroyNew(ProcessHandle root, Set<ProcessHandle> tree) {
        root.descendants().forEach(process -> {
            if (tree.add(process)) {
                process.destroy();
            }
        });
        if (tree.add(root)) {
            root.destroy();
        }
    }

    /** Waits for the processes to exit; returns {@code false} only if interrupted. */
    private static boolean awaitExit(Set<ProcessHandle> processes, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // Nothing more to do than SIGKILL; go on waiting for the others.
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }
}
