package dev.glassbox.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DivergingTest {

    @Test
    void negativeIsBlueZeroIsNearWhitePositiveIsOrange() {
        int neg = Diverging.rgb(-1);
        int pos = Diverging.rgb(1);
        int zero = Diverging.rgb(0);
        assertTrue((neg & 0xff) > (neg >> 16 & 0xff), "blue end");
        assertTrue((pos >> 16 & 0xff) > (pos & 0xff), "orange end");
        assertEquals(0xf7f7f7, zero);
        assertEquals(Diverging.rgb(-1), Diverging.rgb(-5), "clamped");
    }

    @Test
    void normalizesBySignedPercentileAndKeepsZeroAtZero() {
        assertArrayEquals(new float[] {-1, 0, 0.5f, 1}, Diverging.normalized(new float[] {-4, 0, 2, 4}, 100), 1e-6f);
        assertArrayEquals(new float[] {0, 0}, Diverging.normalized(new float[] {0, 0}, 99), 0f);
    }
}
