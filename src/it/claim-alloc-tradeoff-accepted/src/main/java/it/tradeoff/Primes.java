package it.tradeoff;

/** Counts primes, two ways: one allocates nothing and is slow, the other allocates a sieve and is fast. */
public final class Primes {

    private Primes() {
    }

    /** The primes below {@code n} by trial division: nothing allocated, about n * sqrt(n) / ln(n) divisions. */
    public static int countByTrialDivision(int n) {
        int count = n > 2 ? 1 : 0;
        for (int candidate = 3; candidate < n; candidate += 2) {
            boolean prime = true;
            for (int d = 3; d * d <= candidate; d += 2) {
                if (candidate % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                count++;
            }
        }
        return count;
    }

    /** The primes below {@code n} with a sieve of Eratosthenes: n bytes allocated per call, about n log log n steps. */
    public static int countBySieve(int n) {
        if (n <= 2) {
            return 0;
        }
        boolean[] composite = new boolean[n];
        int count = 1;
        for (int i = 3; i < n; i += 2) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j < n; j += 2L * i) {
                    composite[(int) j] = true;
                }
            }
        }
        return count;
    }
}
