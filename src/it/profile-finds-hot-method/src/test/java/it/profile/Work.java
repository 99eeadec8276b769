package it.profile;

/** The hot method: a mixing loop that does nearly all of the benchmark's work. */
public final class Work {

    private Work() {
    }

    /** About 20,000 dependent multiply-xor-shift steps; the result depends on every step. */
    public static long crunch(long seed) {
        long x = seed;
        for (int i = 0; i < 20_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            x *= 0x9E3779B97F4A7C15L;
        }
        return x;
    }
}
