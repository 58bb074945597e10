package dev.glassbox.model;

import java.util.Optional;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalization in inference: per channel, {@code y = scale · x + shift} with {@code scale = gamma /
 * sqrt(runningVar + eps)} and {@code shift = beta − runningMean · scale}, so {@code dx = scale · dy}.
 *
 * <p>DL4J's own backprop assumes batch statistics, so the backward pass was always the engine's. The forward pass is
 * too: DL4J's layer makes four full-size arrays per pass and detaches two of them from the workspace for a backprop
 * that the engine does not use; detached arrays live until a garbage collection frees them, which on the ResNet-20
 * let native memory grow by gigabytes (BENCHMARKS.md).
 */
final class BatchNormPass {

    private final INDArray scale;
    private final INDArray shift;
    private final boolean channelsLast;

    private BatchNormPass(INDArray scale, INDArray shift, boolean channelsLast) {
        this.scale = scale;
        this.shift = shift;
        this.channelsLast = channelsLast;
    }

    /** The pass for a batch-normalization vertex, or empty for any other vertex. */
    static Optional<BatchNormPass> of(GraphVertex vertex, DataType dataType) {
        if (!(vertex instanceof LayerVertex lv) || !(lv.getLayer() instanceof BatchNormalization bn)) {
            return Optional.empty();
        }
        try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            var conf = bn.layerConf();
            INDArray var;
            if (conf.isUseLogStd()) {
                INDArray log10std = bn.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
                var = Transforms.pow(Nd4j.valueArrayOf(log10std.shape(), 10.0, log10std.dataType()), log10std);
                var.muli(var);
            } else {
                var = bn.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).dup();
            }
            INDArray std = Transforms.sqrt(var.addi(conf.getEps()), false).reshape(-1);
            INDArray gamma;
            INDArray beta;
            if (conf.isLockGammaBeta()) {
                // Mirrors DL4J's forward pass, which applies locked values only when beta is also non-zero.
                boolean applied = conf.getGamma() != 1.0 && conf.getBeta() != 0.0;
                gamma = Nd4j.valueArrayOf(std.shape(), applied ? conf.getGamma() : 1.0, std.dataType());
                beta = Nd4j.valueArrayOf(std.shape(), applied ? conf.getBeta() : 0.0, std.dataType());
            } else {
                gamma = bn.getParam(BatchNormalizationParamInitializer.GAMMA).reshape(-1);
                beta = bn.getParam(BatchNormalizationParamInitializer.BETA).reshape(-1);
            }
            INDArray mean = bn.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).reshape(-1);
            INDArray scale = gamma.div(std);
            INDArray shift = beta.sub(mean.mul(scale));
            return Optional.of(new BatchNormPass(scale.castTo(dataType), shift.castTo(dataType),
                    conf.getCnn2DFormat() == CNN2DFormat.NHWC));
        }
    }

    INDArray scale() {
        return scale;
    }

    INDArray shift() {
        return shift;
    }

    boolean channelsLast() {
        return channelsLast;
    }

    /** Whether the vertex's input goes through a preprocessor first (the engine leaves those to DL4J). */
    static boolean preprocessed(GraphVertex vertex) {
        return vertex instanceof LayerVertex lv && lv.getLayerPreProcessor() != null;
    }

    INDArray forward(INDArray x) {
        INDArray y = Nd4j.createUninitialized(x.dataType(), x.shape(), 'c');
        // ND4J's broadcasting multiply and add: on a [64, 32, 32, 16] batch several times faster than its
        // broadcast-along-a-dimension operations, which DL4J's layer uses, in either layout.
        Nd4j.exec(DynamicCustomOp.builder("multiply").addInputs(x, perChannel(scale, x)).addOutputs(y).build());
        Nd4j.exec(DynamicCustomOp.builder("add").addInputs(y, perChannel(shift, x)).addOutputs(y).build());
        return y;
    }

    INDArray backward(INDArray epsilon) {
        INDArray dx = Nd4j.createUninitialized(epsilon.dataType(), epsilon.shape(), 'c');
        Nd4j.exec(DynamicCustomOp.builder("multiply").addInputs(epsilon, perChannel(scale, epsilon)).addOutputs(dx)
                .build());
        return dx;
    }

    /** The per-channel values shaped to broadcast over {@code x}: [1, C], [1, C, 1, 1] or [1, 1, 1, C]. */
    private INDArray perChannel(INDArray values, INDArray x) {
        long[] shape = new long[x.rank()];
        java.util.Arrays.fill(shape, 1);
        shape[channelDimension(x)] = values.length();
        return values.reshape(shape);
    }

    private int channelDimension(INDArray x) {
        return x.rank() == 2 || !channelsLast ? 1 : 3;
    }
}
