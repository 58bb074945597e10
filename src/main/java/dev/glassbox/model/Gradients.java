package dev.glassbox.model;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradients of one backward pass.
 *
 * @param input  d(objective)/d(input), in the input's shape {@code [batch, ...]}; null when the backward pass
 *               stopped at the layers asked for
 * @param layers d(objective)/d(layer output) for each layer that was asked for
 */
public record Gradients(INDArray input, Map<String, INDArray> layers) {

    public INDArray layer(String name) {
        INDArray g = layers.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no gradient was recorded at layer '" + name + "'");
        }
        return g;
    }
}
