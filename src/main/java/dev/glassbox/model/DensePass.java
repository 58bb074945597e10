package dev.glassbox.model;

import java.util.Optional;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense layer, {@code y = act(x·W + b)}, in one matrix product each way. DL4J's backprop recomputes the forward
 * product and computes the weight and bias gradients, which attribution never needs: three products where one
 * suffices, and on the CIFAR CNN its three dense layers took a sixth of a saliency pass and a quarter of Grad-CAM's
 * (BENCHMARKS.md, "Real models"). The layer's preprocessor (Keras's flatten, say) runs as DL4J runs it.
 *
 * <p>Holds the pre-activation of the latest forward pass; not thread-safe.
 */
final class DensePass {

    /** [inputs, outputs]. */
    private final INDArray weights;
    /** [1, outputs], or null. */
    private final INDArray bias;
    private final boolean relu;
    private final InputPreProcessor preprocessor;
    private INDArray preActivation;

    private DensePass(INDArray weights, INDArray bias, boolean relu, InputPreProcessor preprocessor) {
        this.weights = weights;
        this.bias = bias;
        this.relu = relu;
        this.preprocessor = preprocessor;
    }

    /**
     * The pass for a plain dense layer (no layer normalization or weight noise) whose activation is the identity or a
     * plain ReLU; empty for anything else, which DL4J's own code runs.
     */
    static Optional<DensePass> of(GraphVertex vertex) {
        if ("dl4j".equals(System.getProperty("glassbox.convolution")) || !(vertex instanceof LayerVertex lv)
                || lv.getLayer().getClass() != org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer.class
                || !(lv.getLayer().conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.DenseLayer conf)
                || conf.getClass() != org.deeplearning4j.nn.conf.layers.DenseLayer.class || conf.hasLayerNorm()
                || conf.getWeightNoise() != null) {
            return Optional.empty();
        }
        IActivation activation = conf.getActivationFn();
        boolean identity = activation instanceof ActivationIdentity;
        if (!identity && !ReluPass.plain(activation)) {
            return Optional.empty();
        }
        var layer = lv.getLayer();
        INDArray b = conf.hasBias() ? layer.getParam(DefaultParamInitializer.BIAS_KEY) : null;
        return Optional.of(new DensePass(layer.getParam(DefaultParamInitializer.WEIGHT_KEY),
                b == null ? null : b.reshape(1, b.length()), !identity, lv.getLayerPreProcessor()));
    }

    INDArray forward(INDArray x) {
        INDArray in = preprocessor == null ? x
                : preprocessor.preProcess(x, (int) x.size(0), EngineWorkspaces.forwardArrays());
        INDArray z = Nd4j.createUninitialized(weights.dataType(), new long[] {in.size(0), weights.size(1)}, 'c');
        product(in, weights, false, z);
        if (bias != null) {
            Nd4j.exec(DynamicCustomOp.builder("add").addInputs(z, bias).addOutputs(z).build());
        }
        if (!relu) {
            return z;
        }
        preActivation = z;
        return ReluPass.apply(z);
    }

    /** d(objective)/d(input) from d(objective)/d(output), for the latest forward pass. */
    INDArray backward(INDArray epsilon) {
        INDArray delta = relu ? ReluPass.gradient(preActivation, epsilon) : epsilon;
        INDArray dx = Nd4j.createUninitialized(delta.dataType(), new long[] {delta.size(0), weights.size(0)}, 'c');
        product(delta, weights, true, dx);
        return preprocessor == null ? dx
                : preprocessor.backprop(dx, (int) delta.size(0), EngineWorkspaces.backwardArrays());
    }

    /**
     * {@code a · b} (or {@code a · bᵀ}) into {@code out} with ND4J's {@code matmul} operation, which runs oneDNN's
     * kernel on the engine's threads: 2.6x faster than {@code mmuli}'s single-threaded OpenBLAS call on the CIFAR CNN's
     * first dense layer (68 × 1600 × 128).
     */
    private static void product(INDArray a, INDArray b, boolean transposeB, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("matmul").addInputs(a, b).addOutputs(out)
                .addIntegerArguments(0, transposeB ? 1 : 0).build());
    }
}
