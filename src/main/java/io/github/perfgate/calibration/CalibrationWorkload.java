package io.github.perfgate.calibration;

import java.util.Arrays;
import java.util.Locale;

/**
 * A fixed CPU workload that measures how fast this machine is right now. It runs in its own JVM (started by
 * {@link CalibrationRunner}) and prints one line: {@code PERFGATE-CALIBRATION <ns/op> <ns/op> ...}, one value per
 * measurement iteration.
 *
 * <p>One operation fills 4,096 integers from a fixed xorshift sequence, sorts them and folds them into a hash:
 * integer arithmetic, branches and memory traffic within the L1/L2 caches, as typical benchmark code has. The
 * work is identical in every run and on every machine, so a change in its time per operation is a change of the
 * machine (a CPU-bound neighbour, frequency scaling, another instance type), not of the user's code.
 *
 * <p>This class must not depend on anything but the JDK: it runs with only the plugin's own jar on its classpath.
 */
public final class CalibrationWorkload {

    /** Printed before the values so that JVM warnings on stdout are ignored. */
    public static final String MARKER = "PERFGATE-CALIBRATION";

    /** Names the workload in the baseline; change it whenever {@link #operation} changes. */
    public static final String ID = "sort-4096-v1";

    private static final int SIZE = 4096;

    private static volatile long sink;

    private CalibrationWorkload() {
    }

    /**
     * Arguments: warm-up operations, iterations, milliseconds per iteration.
     *
     * <p>The warm-up is a number of operations, not a time: on a machine shared with CPU-bound neighbours a
     * time-based warm-up ends before the JIT compiler (itself starved of CPU) has compiled the workload, and the
     * first iterations then measure the interpreter, many times slower than the benchmarks' compiled code. With a
     * fixed count, run under {@code -Xbatch} (compilation in the foreground), the measured code is compiled
     * whatever the load.
     */
    public static void main(String[] args) {
        long warmupOperations = args.length > 0 ? Long.parseLong(args[0]) : 3000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long iterationMillis = args.length > 2 ? Long.parseLong(args[2]) : 200;
        int[] data = new int[SIZE];
        long warm = 0;
        for (long i = 0; i < warmupOperations; i++) {
            warm += operation(data, i);
        }
        sink += warm;
        StringBuilder out = new StringBuilder(MARKER);
        for (int i = 0; i < iterations; i++) {
            out.append(' ').append(String.format(Locale.ROOT, "%.3f", measure(data, iterationMillis)));
        }
        System.out.println(out);
        System.out.flush();
    }

    /** Runs operations for about {@code millis} and returns nanoseconds per operation. */
    static double measure(int[] data, long millis) {
        long start = System.nanoTime();
        long deadline = start + millis * 1_000_000L;
        long operations = 0;
        long now;
        long hash = 0;
        do {
            hash += operation(data, operations);
            operations++;
            now = System.nanoTime();
        } while (now < deadline);
        sink += hash;
        return (double) (now - start) / operations;
    }

    static long operation(int[] data, long seed) {
        int x = (int) (seed * 0x9E3779B9L) | 1;
        for (int i = 0; i < data.length; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            data[i] = x;
        }
        Arrays.sort(data);
        long hash = 1125899906842597L;
        for (int value : data) {
            hash = 31 * hash + value;
        }
        return hash;
    }
}
