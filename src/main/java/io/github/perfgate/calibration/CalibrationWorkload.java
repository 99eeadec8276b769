package io.github.perfgate.calibration;

import java.util.Locale;

/**
 * A fixed CPU workload that measures how fast this machine is right now. It runs in its own JVM (started by
 * {@link CalibrationRunner}) and prints one line: {@code PERFGATE-CALIBRATION <ns/op> <ns/op> ...}, one value per
 * measurement iteration.
 *
 * <p>One operation runs 4,096 steps of a 64-bit mixing function (the SplitMix64 finaliser: additions, shifts and
 * multiplications), each step consuming the previous one's result. It measures what every benchmark's time shares
 * on a shared or different machine: the share of a CPU the thread gets and the speed at which that CPU runs. The
 * work is identical in every run and on every machine, so a change in its time per operation is a change of the
 * machine (a CPU-bound neighbour, frequency scaling, another instance type), not of the user's code.
 *
 * <p>It is arithmetic only, on purpose. The first workload ({@code sort-4096-v1}: fill, sort and hash 4,096
 * integers) also exercised branches and memory, and on the 2-core CI machine it was measured on its time varied
 * twice as much as this one on a quiet machine (iteration coefficient of variation 3.8% against 1.8%, between
 * JVMs 5.1% against 2.5%); a variant that added look-ups in a 16 KiB table varied 4%. That noise is the
 * calibration's, not the benchmarks', and every drift-corrected interval carries it. Interference that hits only
 * memory-bound code (a neighbour thrashing the shared cache) shows in that benchmark's own samples and widens its
 * own interval; the calibration does not try to model it.
 *
 * <p>This class must not depend on anything but the JDK: it runs with only the plugin's own jar on its classpath.
 */
public final class CalibrationWorkload {

    /** Printed before the values so that JVM warnings on stdout are ignored. */
    public static final String MARKER = "PERFGATE-CALIBRATION";

    /** Names the workload in the baseline; change it whenever {@link #operation} changes. */
    public static final String ID = "mix64-4096-v2";

    private static final int STEPS = 4096;

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
        long warmupOperations = args.length > 0 ? Long.parseLong(args[0]) : 30_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long iterationMillis = args.length > 2 ? Long.parseLong(args[2]) : 200;
        long warm = 0;
        for (long i = 0; i < warmupOperations; i++) {
            warm += operation(i);
        }
        sink += warm;
        StringBuilder out = new StringBuilder(MARKER);
        for (int i = 0; i < iterations; i++) {
            out.append(' ').append(String.format(Locale.ROOT, "%.3f", measure(iterationMillis)));
        }
        System.out.println(out);
        System.out.flush();
    }

    /** Runs operations for about {@code millis} and returns nanoseconds per operation. */
    static double measure(long millis) {
        long start = System.nanoTime();
        long deadline = start + millis * 1_000_000L;
        long operations = 0;
        long now;
        long hash = 0;
        do {
            hash += operation(operations);
            operations++;
            now = System.nanoTime();
        } while (now < deadline);
        sink += hash;
        return (double) (now - start) / operations;
    }

    /** 4,096 dependent steps of the SplitMix64 finaliser, started from {@code seed}. */
    static long operation(long seed) {
        long z = seed;
        for (int i = 0; i < STEPS; i++) {
            z += 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
        }
        return z;
    }
}
