package dev.glassbox.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WilsonTest {

    @Test
    void eightOfTenMatchesTheHandComputedInterval() {
        // p = 0.8, n = 10, z = 1.959964, z² = 3.841459, z²/n = 0.3841459
        // centre = (p + z²/2n) / (1 + z²/n) = 0.9920729 / 1.3841459 = 0.7167402
        // half   = z / (1 + z²/n) * sqrt(p(1-p)/n + z²/4n²) = 1.4160097 * sqrt(0.016 + 0.0096036) = 0.2265777
        // → [0.4901625, 0.9433178], the textbook Wilson interval for 8 of 10
        Wilson w = Wilson.of(8, 10);
        assertEquals(0.490162, w.lower(), 1e-6);
        assertEquals(0.943318, w.upper(), 1e-6);
    }

    @Test
    void noTrialsSayNothing() {
        Wilson w = Wilson.of(0, 0);
        assertEquals(0, w.lower());
        assertEquals(1, w.upper());
    }

    @Test
    void allOrNoneStaysInsideZeroToOne() {
        for (long n : new long[] {1, 2, 10, 100, 12_345}) {
            Wilson all = Wilson.of(n, n);
            assertTrue(all.upper() <= 1, n + " of " + n + ": " + all);
            assertTrue(all.lower() > 0 && all.lower() < 1, n + " of " + n + ": " + all);
            Wilson none = Wilson.of(0, n);
            assertTrue(none.lower() >= 0, "0 of " + n + ": " + none);
            assertTrue(none.upper() > 0 && none.upper() < 1, "0 of " + n + ": " + none);
        }
        // n of n: centre + half is 1 exactly (up to rounding), and the lower end is n / (n + z²) = 10 / 13.841459
        assertEquals(10 / (10 + Wilson.Z95 * Wilson.Z95), Wilson.of(10, 10).lower(), 1e-12);
        assertEquals(1.0, Wilson.of(10, 10).upper(), 1e-12);
    }

    @Test
    void intervalNarrowsWithMoreTrials() {
        Wilson small = Wilson.of(9, 10);
        Wilson large = Wilson.of(900, 1000);
        assertTrue(large.upper() - large.lower() < (small.upper() - small.lower()) / 5);
        assertTrue(large.lower() < 0.9 && large.upper() > 0.9);
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Wilson.of(11, 10));
        assertThrows(IllegalArgumentException.class, () -> Wilson.of(-1, 10));
    }
}
