package dev.glassbox.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The statistics the diagnosis decides with, against hand-worked and published figures. */
class PairedAndMultipleTestsTest {

    @Test
    void mcNemarIsTheExactBinomialTestOnTheDiscordantPairs() {
        McNemar twelveToNone = McNemar.of(12, 0);
        assertEquals(2 * Math.pow(0.5, 12), twelveToNone.p(), 1e-15);
        assertEquals(Math.pow(0.5, 12), twelveToNone.pFirst(), 1e-15);
        McNemar fiveToOne = McNemar.of(5, 1);
        assertEquals(14.0 / 64, fiveToOne.p(), 1e-15, "2 P(X ≤ 1), X ~ Bin(6, 1/2) = 2 · 7/64");
        assertEquals(7.0 / 64, fiveToOne.pFirst(), 1e-15);
        assertEquals(63.0 / 64, McNemar.of(1, 5).pFirst(), 1e-15, "P(X ≥ 1), X ~ Bin(6, 1/2)");
        assertEquals(1, McNemar.of(0, 0).p());
        assertEquals(1, McNemar.of(3, 3).p(), 1e-12);
        assertTrue(McNemar.of(900, 800).p() > 0 && McNemar.of(900, 800).p() < 0.05, "large n stays finite");
    }

    @Test
    void mcNemarPairsOutcomesPictureForPicture() {
        McNemar m = McNemar.of(new boolean[] {true, true, false, false, true},
                new boolean[] {false, true, true, false, false});
        assertEquals(2, m.firstOnly());
        assertEquals(1, m.secondOnly());
    }

    @Test
    void newcombesIntervalMatchesHisWorkedExample() {
        // Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 − 48/80, method 10: 0.0524 to 0.3339
        ProportionDifference d = ProportionDifference.of(56, 70, 48, 80);
        assertEquals(0.2, d.difference(), 1e-12);
        assertEquals(0.0524, d.lower(), 5e-5);
        assertEquals(0.3339, d.upper(), 5e-5);
        assertTrue(d.clearlyPositive());
        assertTrue(d.pGreater() < 0.01);
        assertEquals(1, ProportionDifference.of(0, 0, 3, 4).pGreater());
    }

    @Test
    void fishersExactTestSumsTheHypergeometricTail() {
        // 2 of 8 against 0 of 60: only the tables with both events in the first group are as extreme, C(8,2)/C(68,2)
        assertEquals(28.0 / 2278, FisherExact.greater(2, 8, 0, 60), 1e-12);
        // the tea-tasting lady: 3 of 4 against 1 of 4, P(X ≥ 3) = (16 + 1) / 70
        assertEquals(17.0 / 70, FisherExact.greater(3, 4, 1, 4), 1e-12);
        assertEquals(1, FisherExact.greater(0, 5, 3, 5), 1e-12);
    }

    @Test
    void benjaminiHochbergKeepsTheLargestRankUnderItsLine() {
        assertArrayEquals(new boolean[] {true, false, false, false},
                FalseDiscovery.discoveries(new double[] {0.01, 0.04, 0.03, 0.2}, 0.05));
        assertArrayEquals(new boolean[] {true, true, true, true},
                FalseDiscovery.discoveries(new double[] {0.04, 0.01, 0.03, 0.02}, 0.05));
        assertArrayEquals(new boolean[0], FalseDiscovery.discoveries(new double[0], 0.05));
    }

    @Test
    void normalTailsKeepTheirDigitsFarOut() {
        assertEquals(0.025, Normal.upperTail(1.959963984540054), 1e-8);
        assertEquals(2.866515718791939e-7, Normal.upperTail(5), 1e-13);
        assertEquals(0.5, Normal.upperTail(0), 1e-7);
        assertEquals(0.975, Normal.upperTail(-1.959963984540054), 1e-8);
    }
}
