package dev.glassbox.model;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one forward and backward pass gives; every array belongs to the caller.
 *
 * @param logits      pre-softmax class scores {@code [batch, k]}, or null when the forward pass stopped early
 * @param activations the true outputs of the layers asked for
 * @param gradients   the input gradient and the gradients at the layers asked for
 */
public record Differentiation(INDArray logits, Map<String, INDArray> activations, Gradients gradients) {}
