package io.github.perfgate.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last lines a child printed, at most a fixed number, in the order printed: what a failure shows of the output.
 * Thread-safe: the supervisor's output pump adds while a caller reads.
 */
public final class OutputTail {

    /** How many lines a supervised process keeps: enough for a stack trace's head and JMH's last words. */
    public static final int LINES = 40;

    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();

    public OutputTail(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds a line, dropping the oldest one when full. */
    public synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** The lines kept, oldest first. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last {@code count} lines kept (all of them if fewer), oldest first. */
    public static List<String> last(List<String> lines, int count) {
        return new ArrayList<>(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
