package dev.glassbox.model;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The input gradient of a sum of objectives on several layers ({@link GradientEngine#objectivesGradient}).
 *
 * @param activations each objective layer's true activations for the batch, by layer name
 * @param input       d(sum of the objectives)/d(input)
 */
public record MultiObjectiveGradient(Map<String, INDArray> activations, INDArray input) {}
