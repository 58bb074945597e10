package dev.glassbox.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients of each example's target logit.
 *
 * @param logits          pre-softmax class scores {@code [batch, k]}
 * @param input           d(target logit)/d(input), in the input's shape; null from layerGradientOnly
 * @param activations     the true activations of the requested layer, or null
 * @param layerGradient   d(target logit)/d(those activations), or null
 */
public record TargetGradient(INDArray logits, INDArray input, INDArray activations, INDArray layerGradient) {}
