package dev.glassbox.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassSizesTest {

    private static final long MIB = 1L << 20;

    @Test
    void measuredRowsAreTheBudgetOverTheMeasuredRowWithTheMarginBesideTheWorkspaces() {
        // 4 rows: 4 MiB forward, 6 MiB backward -> 1 MiB and 2.5 MiB a row, times 1.5 beside the workspaces
        PassSizes sizes = PassSizes.measured(4 * MIB, 6 * MIB, 4, MemoryBudget.parse("300m"));
        assertEquals(3 * MIB / 2, sizes.forwardRowBytes());
        assertEquals(15 * MIB / 4, sizes.gradientRowBytes());
        assertEquals(200, sizes.forwardRows());
        assertEquals(80, sizes.gradientRows());
    }

    @Test
    void rowsStayBetweenOneAndTheMostAnyPassNeeds() {
        PassSizes tiny = PassSizes.measured(4L << 10, 4L << 10, 4, MemoryBudget.parse("1g"));
        assertEquals(PassSizes.MAX_ROWS, tiny.gradientRows());
        PassSizes huge = PassSizes.measured(400 * MIB, 800 * MIB, 4, MemoryBudget.parse("16m"));
        assertEquals(1, huge.forwardRows());
        assertEquals(1, huge.gradientRows());
    }

    @Test
    void withoutAMeasurementRowsComeFromTheLayerShapes() {
        // input 100,000 values + one layer of 2 x 50,000: 200,000 values of 4 bytes, times the factors
        LayerInfo layer = new LayerInfo("dense", "DenseLayer", new long[] {2, 50_000}, 0, null, false, false);
        PassSizes sizes = PassSizes.estimated(List.of(layer), 100_000, 4, MemoryBudget.parse("16m"));
        assertEquals((long) Math.ceil(800_000 * PassSizes.FORWARD_FACTOR), sizes.forwardRowBytes());
        assertEquals((long) Math.ceil(800_000 * PassSizes.GRADIENT_FACTOR), sizes.gradientRowBytes());
        assertEquals(8, sizes.forwardRows());
        assertEquals(3, sizes.gradientRows());
    }
}
