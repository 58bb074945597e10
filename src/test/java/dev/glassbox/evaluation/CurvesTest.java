package dev.glassbox.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CurvesTest {

    @Test
    void areaIsTheTrapezoidRuleOverZeroToOne() {
        assertEquals(1, Curves.area(new double[] {1, 1, 1}), 1e-12);
        assertEquals(0.5, Curves.area(new double[] {0, 1}), 1e-12); // the diagonal
        assertEquals(0.5, Curves.area(new double[] {1, 0.75, 0.5, 0.25, 0}), 1e-12);
        // x = 0, 0.5, 1; y = 0, 1, 0: two trapezoids of width 0.5 and mean height 0.5
        assertEquals(0.5, Curves.area(new double[] {0, 1, 0}), 1e-12);
        // x = 0, 1/3, 2/3, 1; y = 1, 0, 0, 0: one triangle of width 1/3
        assertEquals(1.0 / 6, Curves.area(new double[] {1, 0, 0, 0}), 1e-12);
    }

    @Test
    void aCurveNeedsTwoPoints() {
        assertThrows(IllegalArgumentException.class, () -> Curves.area(new double[] {1}));
    }
}
