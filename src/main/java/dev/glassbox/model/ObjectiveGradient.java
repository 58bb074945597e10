package dev.glassbox.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The input gradient of an objective defined on a layer's activations (feature visualization's building block).
 *
 * @param activations the layer's true activations for the batch
 * @param input       d(objective)/d(input)
 */
public record ObjectiveGradient(INDArray activations, INDArray input) {}
