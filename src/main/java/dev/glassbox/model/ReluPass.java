package dev.glassbox.model;

import java.util.Optional;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A plain ReLU, {@code max(x, 0)}, in one pass over the values each way: DL4J's activation layer copies its input
 * and then applies the function in place, and its backprop copies the input again before masking the gradient.
 * The operations are the ones DL4J's {@code ActivationReLU} runs, so the values are the same.
 *
 * <p>Holds the input of the latest forward pass; not thread-safe.
 */
final class ReluPass {

    private INDArray input;

    /** Whether {@code activation} is the plain ReLU (no ceiling, threshold 0, no slope below it). */
    static boolean plain(IActivation activation) {
        return activation instanceof ActivationReLU && activation.equals(new ActivationReLU());
    }

    /** The pass for an activation layer with a plain ReLU and no preprocessor; empty for anything else. */
    static Optional<ReluPass> of(GraphVertex vertex) {
        if ("dl4j".equals(System.getProperty("glassbox.convolution")) || !(vertex instanceof LayerVertex lv)
                || lv.getLayerPreProcessor() != null
                || lv.getLayer().getClass() != org.deeplearning4j.nn.layers.ActivationLayer.class
                || !(lv.getLayer().conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer a)
                || !plain(a.getActivationFn())) {
            return Optional.empty();
        }
        return Optional.of(new ReluPass());
    }

    INDArray forward(INDArray x) {
        input = x;
        return apply(x);
    }

    INDArray backward(INDArray epsilon) {
        return gradient(input, epsilon);
    }

    /** {@code max(x, 0)} into a new array. */
    static INDArray apply(INDArray x) {
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
        Nd4j.getExecutioner().exec(new RectifiedLinear(x, out));
        return out;
    }

    /**
     * The gradient at a ReLU's input: {@code epsilon} where the input was above 0, else 0 (with {@code epsilon}'s
     * sign: {@code -0.0} where it was negative). A step mask (1 where the input was above 0) multiplied by the
     * gradient: two passes over the values, 3-5x faster than ND4J's single {@code relu_bp} operation, which took an
     * eighth of a ResNet-20 input gradient (BENCHMARKS.md, "Real models").
     */
    static INDArray gradient(INDArray x, INDArray epsilon) {
        INDArray out = Nd4j.createUninitialized(epsilon.dataType(), epsilon.shape(), 'c');
        Nd4j.getExecutioner().exec(new Step(x, out, 0.0));
        Nd4j.exec(DynamicCustomOp.builder("multiply").addInputs(out, epsilon).addOutputs(out).build());
        return out;
    }

}
