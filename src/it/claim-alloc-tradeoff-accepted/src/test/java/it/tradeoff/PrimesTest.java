package it.tradeoff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tests that show the sieve counts what trial division counts: a claim is accepted only when they pass. */
class PrimesTest {

    @Test
    void bothWaysCountTheSamePrimes() {
        for (int n : new int[] {0, 1, 2, 3, 4, 10, 100, 20_000}) {
            assertEquals(Primes.countByTrialDivision(n), Primes.countBySieve(n), "primes below " + n);
        }
    }

    @Test
    void thereAre2262PrimesBelow20000() {
        assertEquals(2262, Primes.countBySieve(20_000));
    }
}
