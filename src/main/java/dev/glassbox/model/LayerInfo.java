package dev.glassbox.model;

import java.util.Arrays;
import org.nd4j.linalg.activations.IActivation;

/**
 * One layer (graph vertex) of the network as {@code inspect} shows it.
 *
 * @param name        the name to pass as {@code --layer}
 * @param type        the DL4J layer or vertex type
 * @param outputShape the shape of one example's output, without the batch dimension
 * @param params      number of parameters
 * @param activation  the layer's activation function, or null where it has none
 * @param spatial     whether the output has height and width (a Grad-CAM layer)
 * @param channelsLast for a spatial layer, whether its output is [height, width, channels] (Keras) rather than
 *                     [channels, height, width]
 */
public record LayerInfo(String name, String type, long[] outputShape, long params, IActivation activation,
                        boolean spatial, boolean channelsLast) {

    /** Number of channels of a spatial layer's output. */
    public long channels() {
        return channelsLast ? outputShape[2] : outputShape[0];
    }

    /** Height and width of a spatial layer's output. */
    public long[] spatialSize() {
        return channelsLast ? new long[] {outputShape[0], outputShape[1]} : new long[] {outputShape[1], outputShape[2]};
    }

    public String shapeText() {
        return Arrays.toString(outputShape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerInfo l && l.name.equals(name) && l.type.equals(type)
                && Arrays.equals(l.outputShape, outputShape) && l.params == params && l.spatial == spatial
                && l.channelsLast == channelsLast;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(outputShape);
    }

    @Override
    public String toString() {
        return name + " (" + type + ", " + shapeText() + ")";
    }
}
