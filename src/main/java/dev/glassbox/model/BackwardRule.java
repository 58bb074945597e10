package dev.glassbox.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A change to the gradient arriving at a layer's output, applied before it flows back through that layer.
 * Plain gradients use {@link #NONE}; guided backpropagation passes only positive gradients into ReLU layers.
 */
@FunctionalInterface
public interface BackwardRule {

    /** The ordinary chain rule. */
    BackwardRule NONE = (layer, epsilon) -> epsilon;

    /**
     * @param layer   the layer the gradient is about to flow through
     * @param epsilon d(objective)/d(layer output); must not be modified in place
     * @return the gradient to propagate instead
     */
    INDArray atOutput(LayerInfo layer, INDArray epsilon);
}
