package dev.glassbox.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    @Test
    void sameOrderIsOneWhateverTheScale() {
        assertEquals(1, RankCorrelation.spearman(new float[] {1, 2, 3, 4}, new float[] {10, 20, 300, 4000}), 1e-12);
    }

    @Test
    void reversedOrderIsMinusOne() {
        assertEquals(-1, RankCorrelation.spearman(new float[] {1, 2, 3, 4, 5}, new float[] {5, 4, 3, 2, 1}), 1e-12);
    }

    @Test
    void tiesShareTheirMeanRank() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankCorrelation.ranks(new float[] {1, 5, 5, 9}));
        // ranks a = [1, 2.5, 2.5, 4], b = [1, 2, 3, 4]; both have mean 2.5
        // Σ(a - 2.5)(b - 2.5) = 2.25 + 0 + 0 + 2.25 = 4.5; Σ(a - 2.5)² = 4.5; Σ(b - 2.5)² = 5
        // ρ = 4.5 / sqrt(4.5 * 5) = sqrt(0.9) = 0.9486833
        assertEquals(Math.sqrt(0.9), RankCorrelation.spearman(new float[] {1, 5, 5, 9}, new float[] {1, 2, 3, 4}),
                1e-12);
    }

    @Test
    void aConstantSideHasNoRankingToCompare() {
        assertEquals(0, RankCorrelation.spearman(new float[] {3, 3, 3}, new float[] {1, 2, 3}));
        assertEquals(0, RankCorrelation.spearman(new float[] {1, 2, 3}, new float[] {0, 0, 0}));
    }

    @Test
    void differentLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RankCorrelation.spearman(new float[] {1, 2}, new float[] {1, 2, 3}));
    }
}
