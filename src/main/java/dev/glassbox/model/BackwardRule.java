package dev.glassbox.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A change to the gradient arriving at a layer's output, applied before it flows back through that layer.
 * Plain gradients use {@link #NONE}; guided backpropagation passes only positive gradients into ReLU layers.
 */
@FunctionalInterface
public interface BackwardRule {

    /** The ordinary chain rule. */
    BackwardRule NONE = new BackwardRule() {
        @Override
        public INDArray atOutput(LayerInfo layer, INDArray epsilon) {
            return epsilon;
        }

        @Override
        public boolean actsOn(LayerInfo layer) {
            return false;
        }
    };

    /**
     * Whether the rule may change the gradient at this layer's output. The engine runs a convolution and its batch
     * normalization as one folded convolution only where the rule leaves both alone; a rule that does not say acts
     * everywhere.
     */
    default boolean actsOn(LayerInfo layer) {
        return true;
    }

    /**
     * @param layer   the layer the gradient is about to flow through
     * @param epsilon d(objective)/d(layer output); must not be modified in place
     * @return the gradient to propagate instead
     */
    INDArray atOutput(LayerInfo layer, INDArray epsilon);
}
