package dev.glassbox.model;

import java.util.List;

/**
 * How many rows one pass of the engine takes within a {@link MemoryBudget}, from the model's layer shapes: a row's
 * forward pass keeps every layer's output (and copies where DL4J's layers make them), a backward pass a gradient of
 * each and the operations' scratch.
 *
 * <p>The factors are measured (BENCHMARKS.md, "Memory by budget"): ND4J's workspaces held 1.0-1.9 times the summed
 * layer outputs after a forward pass and 1.9-3.9 times more after the backward pass, on the ResNet-20, the Keras
 * CIFAR CNN and the demo's CNN; oneDNN's scratch outside the workspaces adds about one more.
 *
 * @param forwardRowBytes  the memory of one row's forward pass
 * @param gradientRowBytes the memory of one row's forward and backward pass
 * @param forwardRows      rows per forward pass within the budget
 * @param gradientRows     rows per forward and backward pass within the budget
 */
public record PassSizes(long forwardRowBytes, long gradientRowBytes, int forwardRows, int gradientRows) {

    static final double FORWARD_FACTOR = 2.5;
    static final double GRADIENT_FACTOR = 6.5;
    /** No pass needs more rows than this to run at full speed. */
    static final int MAX_ROWS = 1024;

    static PassSizes of(List<LayerInfo> layers, long inputValues, int bytesPerValue, MemoryBudget budget) {
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
