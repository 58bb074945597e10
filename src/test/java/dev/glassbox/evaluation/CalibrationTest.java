package dev.glassbox.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void expectedCalibrationErrorMatchesHandComputedValue() {
        // 10 bins. 0.95 and 0.95 in (0.9, 1]: one right, gap |0.5 - 0.95| = 0.45, weight 2/5
        //          0.65 and 0.65 in (0.6, 0.7]: both right, gap |1 - 0.65| = 0.35, weight 2/5
        //          0.35 in (0.3, 0.4]: wrong, gap |0 - 0.35| = 0.35, weight 1/5
        // ECE = 0.4 * 0.45 + 0.4 * 0.35 + 0.2 * 0.35 = 0.18 + 0.14 + 0.07 = 0.39
        Calibration c = Calibration.of(new float[] {0.95f, 0.95f, 0.65f, 0.65f, 0.35f},
                new boolean[] {true, false, true, true, false}, 10);
        assertEquals(0.39, c.ece(), 1e-6);
        assertArrayEquals(new long[] {0, 0, 0, 1, 0, 0, 2, 0, 0, 2}, c.count());
        assertEquals(0.95, c.confidence()[9], 1e-6);
        assertEquals(0.5, c.accuracy()[9], 1e-12);
        assertEquals(1.0, c.accuracy()[6], 1e-12);
        assertTrue(Double.isNaN(c.confidence()[0]) && Double.isNaN(c.accuracy()[0]), "an empty bin has no point");
        assertEquals(3.55 / 5, c.meanConfidence(), 1e-6);
        assertEquals(0.6, c.accuracyAll(), 1e-12);
    }

    @Test
    void confidencesThatMatchAccuracyHaveNoError() {
        // 0.75 four times, three right; 0.5 twice, one right
        Calibration c = Calibration.of(new float[] {0.75f, 0.75f, 0.75f, 0.75f, 0.5f, 0.5f},
                new boolean[] {true, true, false, true, true, false}, 15);
        assertEquals(0, c.ece(), 1e-12);
    }

    @Test
    void binsAreClosedOnTheRight() {
        // 15 bins: 0.5 * 15 = 7.5, so 0.5 is in bin 7, (7/15, 8/15] = (0.4667, 0.5333]
        assertEquals(1, Calibration.of(new float[] {0.5f}, new boolean[] {true}, 15).count()[7]);
        // 10 bins: 0.5 is the right edge of bin 4, (0.4, 0.5], not the left edge of bin 5
        assertEquals(1, Calibration.of(new float[] {0.5f}, new boolean[] {true}, 10).count()[4]);
        // 0 goes in the first bin, 1 in the last
        long[] ends = Calibration.of(new float[] {0f, 1f}, new boolean[] {true, true}, 10).count();
        assertEquals(1, ends[0]);
        assertEquals(1, ends[9]);
    }

    @Test
    void noAnswersGiveNoError() {
        Calibration c = Calibration.of(new float[0], new boolean[0], 15);
        assertEquals(0, c.ece());
        assertEquals(0, c.meanConfidence());
    }
}
