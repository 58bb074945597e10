package dev.glassbox.model;

import java.util.Optional;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D convolution layer run with ND4J's own {@code conv2d} operation instead of DL4J's layer code, forward and
 * backward to its input. DL4J's {@code ConvolutionLayer} unfolds the input (im2col) into a strided array, permutes
 * NHWC inputs to NCHW and back with copies, recomputes the forward pass inside backprop and computes the weight
 * gradients that attribution never needs: on the Keras ResNet-20 that was over 90% of the engine's time (see
 * BENCHMARKS.md). The {@code conv2d} operation takes either layout as it is and, in ND4J's oneDNN build, runs oneDNN's
 * kernels.
 *
 * <p>The input gradient of a stride-1 convolution is itself a convolution: of the output gradient with the kernel
 * turned by 180 degrees and its input and output channels swapped, padded by {@code dilation × (kernel − 1) −
 * padding}. That costs what the forward pass costs. Strided or unevenly padded convolutions use ND4J's
 * {@code deconv2d_tf} (TensorFlow's input gradient of a convolution, oneDNN's backward-data kernel) where the input
 * size is the one a transposed convolution gives back, and {@code conv2d_bp} otherwise, which also computes the weight
 * gradients (thrown away): on the ResNet-20 those four strided convolutions' {@code conv2d_bp} took as long as its
 * seventeen others' input gradients together (BENCHMARKS.md, "Real models").
 *
 * <p>Holds the input and pre-activation of the latest forward pass, as DL4J layers do; not thread-safe.
 */
final class ConvolutionPass {

    private static final int NCHW = 0;
    private static final int NHWC = 1;
    /** Kernel layout [out channels, in channels, height, width]: DL4J's. */
    private static final int WEIGHTS_OIHW = 1;

    private final INDArray weights;
    private final INDArray bias;
    private final IActivation activation;
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean same;
    private final int format;
    /** The turned kernel of the input gradient, or null where it is computed by {@code conv2d_bp}. */
    private INDArray turned;
    private int[] turnedPadding;
    /**
     * The kernel as {@code deconv2d_tf} takes it, [height, width, in channels, out channels], where the turned kernel
     * cannot serve and the dilation is 1; else null.
     */
    private INDArray transposable;

    private INDArray input;
    /** The latest pre-activation; with a plain ReLU, the output, which the ReLU overwrote it with. */
    private INDArray preActivation;

    private ConvolutionPass(INDArray weights, INDArray bias, IActivation activation, int[] kernel, int[] stride,
                            int[] padding, int[] dilation, boolean same, int format) {
        this.weights = weights;
        this.bias = bias;
        this.activation = activation;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.same = same;
        this.format = format;
        try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            prepareTurned();
            if (turned == null && dilation[0] == 1 && dilation[1] == 1) {
                transposable = weights.permute(2, 3, 1, 0).dup('c');
            }
        }
    }

    /**
     * The pass for a vertex that is a plain 2-D convolution layer with no preprocessor and an activation ND4J
     * differentiates itself; empty for anything else (DL4J's own code runs it).
     * {@code -Dglassbox.convolution=dl4j} turns the pass off everywhere.
     */
    static Optional<ConvolutionPass> of(GraphVertex vertex) {
        if ("dl4j".equals(System.getProperty("glassbox.convolution"))
                || !(vertex instanceof LayerVertex lv) || lv.getLayerPreProcessor() != null
                || lv.getLayer().getClass() != ConvolutionLayer.class) {
            return Optional.empty();
        }
        ConvolutionLayer layer = (ConvolutionLayer) lv.getLayer();
        var conf = layer.layerConf();
        if (conf.getClass() != org.deeplearning4j.nn.conf.layers.ConvolutionLayer.class
                || conf.getConvolutionMode() == ConvolutionMode.Causal) {
            return Optional.empty();
        }
        INDArray w = layer.getParam(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray b = conf.hasBias() ? layer.getParam(ConvolutionParamInitializer.BIAS_KEY).reshape(-1) : null;
        return Optional.of(new ConvolutionPass(w, b, conf.getActivationFn(), conf.getKernelSize().clone(),
                conf.getStride().clone(), conf.getPadding().clone(), conf.getDilation().clone(),
                conf.getConvolutionMode() == ConvolutionMode.Same,
                conf.getCnn2dDataFormat() == CNN2DFormat.NHWC ? NHWC : NCHW));
    }

    /**
     * This convolution with {@code norm} folded into it: {@code W' = scale · W} per output channel and {@code b' =
     * scale · b + shift}; empty where the convolution has an activation of its own, or the two disagree on where
     * the channels are.
     */
    Optional<ConvolutionPass> foldedWith(BatchNormPass norm) {
        if (!(activation instanceof ActivationIdentity) || norm.channelsLast() != (format == NHWC)) {
            return Optional.empty();
        }
        try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray scale = norm.scale().castTo(weights.dataType());
            INDArray shift = norm.shift().castTo(weights.dataType());
            INDArray w = weights.mul(scale.reshape(scale.length(), 1, 1, 1));
            INDArray b = bias == null ? shift.dup() : bias.mul(scale).addi(shift);
            return Optional.of(new ConvolutionPass(w, b, activation, kernel, stride, padding, dilation, same, format));
        }
    }

    /** The layer's output for {@code x}; keeps what the backward pass needs. */
    INDArray forward(INDArray x) {
        long[] in = spatial(x);
        long[] out = outputSize(in);
        long n = x.size(0);
        long channels = weights.size(0);
        long[] shape = format == NHWC ? new long[] {n, out[0], out[1], channels}
                : new long[] {n, channels, out[0], out[1]};
        INDArray z = Nd4j.createUninitialized(x.dataType(), shape, 'c');
        INDArray[] inputs = bias == null ? new INDArray[] {x, weights} : new INDArray[] {x, weights, bias};
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(inputs).addOutputs(z)
                .addIntegerArguments(arguments(padding, same)).build());
        input = x;
        preActivation = z;
        if (activation instanceof ActivationIdentity) {
            return z;
        }
        if (ReluPass.plain(activation)) {
            // in place: the output is above 0 exactly where the pre-activation was, so the backward pass's mask is
            // the same from either, and the pass writes and keeps one array, not two
            Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear(z, z));
            return z;
        }
        return activation.getActivation(z.dup(), false);
    }

    /** d(objective)/d(input) from d(objective)/d(output), for the latest forward pass. */
    INDArray backward(INDArray epsilon) {
        INDArray delta = activation instanceof ActivationIdentity ? epsilon
                : ReluPass.plain(activation) ? ReluPass.gradient(preActivation, epsilon)
                : activation.backprop(preActivation.dup(), epsilon).getFirst();
        INDArray gradient = Nd4j.createUninitialized(input.dataType(), input.shape(), 'c');
        if (turned != null) {
            Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(contiguous(delta), turned).addOutputs(gradient)
                    .addIntegerArguments(arguments(turnedPadding, false)).build());
        } else if (transposable != null && transposes(spatial(input), spatial(delta))) {
            long[] shape = input.shape();
            INDArray inputShape = Nd4j.createFromArray((int) shape[0], (int) shape[1], (int) shape[2], (int) shape[3]);
            Nd4j.exec(DynamicCustomOp.builder("deconv2d_tf").addInputs(inputShape, transposable, contiguous(delta))
                    .addOutputs(gradient).addIntegerArguments(kernel[0], kernel[1], stride[0], stride[1], padding[0],
                            padding[1], dilation[0], dilation[1], same ? 1 : 0, format).build());
        } else {
            INDArray weightGradient = Nd4j.createUninitialized(weights.dataType(), weights.shape(), 'c');
            INDArray[] inputs = bias == null ? new INDArray[] {input, weights, delta}
                    : new INDArray[] {input, weights, bias, delta};
            INDArray[] outputs = bias == null ? new INDArray[] {gradient, weightGradient}
                    : new INDArray[] {gradient, weightGradient,
                            Nd4j.createUninitialized(bias.dataType(), bias.shape(), 'c')};
            Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(inputs).addOutputs(outputs)
                    .addIntegerArguments(arguments(padding, same)).build());
        }
        return gradient;
    }

    /**
     * Whether a transposed convolution of the output gradient gives back exactly the input's size, as
     * {@code deconv2d_tf} requires: {@code out × stride} in "same" mode, {@code (out − 1) × stride + kernel − 2 ×
     * padding} otherwise (a strided convolution that leaves rows or columns out does not).
     */
    private boolean transposes(long[] in, long[] out) {
        for (int d = 0; d < 2; d++) {
            long back = same ? out[d] * stride[d] : (out[d] - 1) * stride[d] + kernel[d] - 2L * padding[d];
            if (back != in[d]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes the turned kernel once: possible where the stride is 1 and the padding the same on both sides, so that
     * the transposed convolution is an ordinary one.
     */
    private void prepareTurned() {
        int[] pad = new int[2];
        boolean possible = stride[0] == 1 && stride[1] == 1;
        for (int d = 0; d < 2 && possible; d++) {
            int span = dilation[d] * (kernel[d] - 1);
            int before = same ? span / 2 : padding[d];
            int after = same ? span - before : padding[d];
            possible = before == after && before <= span;
            pad[d] = span - before;
        }
        turnedPadding = pad;
        if (!possible) {
            return;
        }
        long out = weights.size(0);
        long inC = weights.size(1);
        long kh = weights.size(2);
        long kw = weights.size(3);
        // turned[i][o][y][x] = weights[o][i][kh-1-y][kw-1-x]
        INDArray t = weights.permute(1, 0, 2, 3).dup('c');
        for (long y = 0; y < kh / 2; y++) {
            swapRows(t, 2, y, kh - 1 - y);
        }
        for (long x = 0; x < kw / 2; x++) {
            swapRows(t, 3, x, kw - 1 - x);
        }
        turned = t;
        if (turned.size(0) != inC || turned.size(1) != out) {
            throw new IllegalStateException("turned kernel of shape " + java.util.Arrays.toString(turned.shape()));
        }
    }

    private static void swapRows(INDArray t, int dimension, long a, long b) {
        org.nd4j.linalg.indexing.INDArrayIndex[] ia = all(t.rank());
        org.nd4j.linalg.indexing.INDArrayIndex[] ib = all(t.rank());
        ia[dimension] = org.nd4j.linalg.indexing.NDArrayIndex.point(a);
        ib[dimension] = org.nd4j.linalg.indexing.NDArrayIndex.point(b);
        INDArray first = t.get(ia).dup();
        t.get(ia).assign(t.get(ib));
        t.get(ib).assign(first);
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex[] all(int rank) {
        org.nd4j.linalg.indexing.INDArrayIndex[] idx = new org.nd4j.linalg.indexing.INDArrayIndex[rank];
        java.util.Arrays.fill(idx, org.nd4j.linalg.indexing.NDArrayIndex.all());
        return idx;
    }

    private static INDArray contiguous(INDArray a) {
        return a.ordering() == 'c' && !a.isView() ? a : a.dup('c');
    }

    private int[] arguments(int[] pad, boolean sameMode) {
        return new int[] {kernel[0], kernel[1], stride[0], stride[1], pad[0], pad[1], dilation[0], dilation[1],
                sameMode ? 1 : 0, format, WEIGHTS_OIHW};
    }

    private long[] spatial(INDArray x) {
        return format == NHWC ? new long[] {x.size(1), x.size(2)} : new long[] {x.size(2), x.size(3)};
    }

    private long[] outputSize(long[] in) {
        long[] out = new long[2];
        for (int d = 0; d < 2; d++) {
            long span = (long) dilation[d] * (kernel[d] - 1) + 1;
            out[d] = same ? (in[d] + stride[d] - 1) / stride[d] : (in[d] + 2L * padding[d] - span) / stride[d] + 1;
        }
        return out;
    }
}
