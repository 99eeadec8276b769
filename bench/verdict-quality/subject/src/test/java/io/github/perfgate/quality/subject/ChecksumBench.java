package io.github.perfgate.quality.subject;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One workload at five known sizes, so that the verdict-quality benchmark knows the true change between any two.
 *
 * <p>An operation hashes a fixed 64-byte message with 64-bit FNV-1a, {@code rounds} times over, each round seeded
 * with the previous round's hash. The rounds form one serial dependency chain (every byte's multiply waits for the
 * one before), so the JIT can neither vectorise nor hoist them and the time per operation is exactly linear in the
 * number of rounds. Nothing is allocated. The round counts are instance fields, not constants, so every variant
 * runs the same compiled loop and only its trip count differs.
 *
 * <p>{@code base} runs {@value #BASE_ROUNDS} rounds; the others run 1.1x, 1.3x, 2x and 10/7 (1.4286x) of that.
 * {@code slow43} read as the baseline with {@code base} as the current run is a 30% speed-up (1 - 7/10).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChecksumBench {

    /** Rounds of {@code base}; a multiple of 70 makes every variant's round count an exact integer. */
    public static final int BASE_ROUNDS = 70;

    static final int MESSAGE_BYTES = 64;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private byte[] message;
    private int baseRounds;
    private int slow10Rounds;
    private int slow30Rounds;
    private int slow43Rounds;
    private int slow2xRounds;

    @Setup
    public void setUp() {
        message = message(MESSAGE_BYTES);
        baseRounds = BASE_ROUNDS;
        slow10Rounds = BASE_ROUNDS * 11 / 10;
        slow30Rounds = BASE_ROUNDS * 13 / 10;
        slow43Rounds = BASE_ROUNDS * 10 / 7;
        slow2xRounds = BASE_ROUNDS * 2;
    }

    /** 1.0x: the reference amount of work. */
    @Benchmark
    public long base() {
        return checksum(message, baseRounds);
    }

    /** 1.1x the work of {@link #base}: a 10% slowdown. */
    @Benchmark
    public long slow10() {
        return checksum(message, slow10Rounds);
    }

    /** 1.3x the work of {@link #base}: a 30% slowdown. */
    @Benchmark
    public long slow30() {
        return checksum(message, slow30Rounds);
    }

    /** 10/7 the work of {@link #base}: from this to {@code base} is a 30% speed-up. */
    @Benchmark
    public long slow43() {
        return checksum(message, slow43Rounds);
    }

    /** 2x the work of {@link #base}: a 100% slowdown. */
    @Benchmark
    public long slow2x() {
        return checksum(message, slow2xRounds);
    }

    /** FNV-1a over the message, {@code rounds} times, each round continuing from the previous hash. */
    static long checksum(byte[] message, int rounds) {
        long hash = FNV_OFFSET;
        for (int r = 0; r < rounds; r++) {
            for (byte b : message) {
                hash ^= b & 0xff;
                hash *= FNV_PRIME;
            }
        }
        return hash;
    }

    /** A fixed pseudo-random message: the same bytes in every run. */
    static byte[] message(int length) {
        byte[] bytes = new byte[length];
        int x = 0x2545F491;
        for (int i = 0; i < length; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            bytes[i] = (byte) x;
        }
        return bytes;
    }
}
