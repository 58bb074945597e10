package dev.glassbox.model;

import java.util.List;

/**
 * How many rows one pass of the engine takes within a {@link MemoryBudget}. The memory of a row is measured: the
 * engine runs one small forward and backward pass when it is made and reads how much its workspaces allocated
 * ({@link #measured}); {@link #OUTSIDE_WORKSPACES} adds what oneDNN and DL4J allocate beside them. Where nothing can be
 * measured (workspaces turned off) the rows come from the layer shapes ({@link #estimated}).
 *
 * <p>The estimate from shapes was 1.7-3.7 times the measured memory (BENCHMARKS.md, "Memory by budget"): a convolution
 * folded into its batch normalization keeps no output of its own, and layers differ in the copies they make, so no
 * one factor fits every model. On the ResNet-20 it split 68 pictures into three passes where one fits the budget, and
 * a pass costs about 10 ms beyond its rows there, so saliency took 40% longer than it needed.
 *
 * @param forwardRowBytes  the memory of one row's forward pass
 * @param gradientRowBytes the memory of one row's forward and backward pass
 * @param forwardRows      rows per forward pass within the budget
 * @param gradientRows     rows per forward and backward pass within the budget
 */
public record PassSizes(long forwardRowBytes, long gradientRowBytes, int forwardRows, int gradientRows) {

    /** The rows of the measuring pass: enough that per-pass scraps are a small share, cheap on any model. */
    static final int MEASURED_ROWS = 4;
    /**
     * Memory beside the workspaces, as a factor on theirs: oneDNN's scratch and DL4J's own arrays. The process's
     * resident memory grew by 1.27 times the workspaces' per row between passes of 23 and 68 rows on the ResNet-20;
     * the rest is room for passes that record layers or change the chain rule and so keep a little more.
     */
    static final double OUTSIDE_WORKSPACES = 1.5;
    /** Without a measurement: the summed layer outputs times these (the most the three models measured needed). */
    static final double FORWARD_FACTOR = 2.5;
    static final double GRADIENT_FACTOR = 6.5;
    /** No pass needs more rows than this to run at full speed. */
    static final int MAX_ROWS = 1024;

    /**
     * Rows from a measuring pass of {@code rows} rows whose forward workspace allocated {@code forwardBytes} and
     * whose backward workspace allocated {@code backwardBytes}.
     */
    static PassSizes measured(long forwardBytes, long backwardBytes, int rows, MemoryBudget budget) {
        long forward = (long) Math.ceil((double) forwardBytes / rows * OUTSIDE_WORKSPACES);
        long gradient = (long) Math.ceil((double) (forwardBytes + backwardBytes) / rows * OUTSIDE_WORKSPACES);
        return new PassSizes(forward, gradient, rows(budget.bytes(), forward), rows(budget.bytes(), gradient));
    }

    /** Rows from the layers' output shapes, where no pass could be measured. */
    static PassSizes estimated(List<LayerInfo> layers, long inputValues, int bytesPerValue, MemoryBudget budget) {
        long values = inputValues;
        for (LayerInfo layer : layers) {
            long v = 1;
            for (long d : layer.outputShape()) {
                v *= d;
            }
            values += v;
        }
        long forward = (long) Math.ceil(values * bytesPerValue * FORWARD_FACTOR);
        long gradient = (long) Math.ceil(values * bytesPerValue * GRADIENT_FACTOR);
        return new PassSizes(forward, gradient, rows(budget.bytes(), forward), rows(budget.bytes(), gradient));
    }

    private static int rows(long budget, long perRow) {
        return (int) Math.max(1, Math.min(MAX_ROWS, budget / Math.max(1, perRow)));
    }
}
