package dev.glassbox.attribution;

import dev.glassbox.GlassboxException;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.LayerInfo;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastCopyOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Selvaraju et al. (2017): at a layer with spatial output, each channel's weight α_c is the spatial mean of
 * d(target logit)/d(A_c), and the map is Σ_c α_c A_c. By default negative values are cut off (the paper's ReLU;
 * Captum's {@code relu_attributions}) and the map is resized bilinearly to the input and copied into every channel.
 */
public final class GradCam implements AttributionMethod {

    private final GradientEngine engine;
    private final LayerInfo layer;
    private final boolean relu;
    private final boolean upsample;
    private final boolean sumChannels;
    private final boolean layerInput;

    /** At the last layer with spatial output, with ReLU and upsampling. */
    public GradCam(GradientEngine engine) {
        this(engine, null, true, true);
    }

    /** @param layer a layer with spatial output, or null for the last one */
    public GradCam(GradientEngine engine, String layer, boolean relu, boolean upsample) {
        this(engine, layer, relu, upsample, true, false);
    }

    /**
     * @param sumChannels false gives one map per channel, {@code [n, c, h, w]} at the layer's size (Captum's
     *                    {@code attr_dim_summation=False}); it needs {@code upsample} off
     * @param layerInput  attribute to the layer's input rather than its output (Captum's
     *                    {@code attribute_to_layer_input}): the activations and gradients of what feeds the layer
     */
    public GradCam(GradientEngine engine, String layer, boolean relu, boolean upsample, boolean sumChannels,
                   boolean layerInput) {
        this.engine = engine;
        this.layer = spatialLayer(engine, layer, "grad-cam");
        this.relu = relu;
        this.upsample = upsample;
        this.sumChannels = sumChannels;
        this.layerInput = layerInput;
        if (!sumChannels && upsample) {
            throw GlassboxException.usage("grad-cam with sum-channels=false gives one map per channel at the layer's"
                    + " size; set upsample=false as well");
        }
        if (layerInput && engine.inputOf(this.layer.name()).isEmpty() && !engine.input().isImage()) {
            throw GlassboxException.usage("grad-cam with layer-input=true at '" + this.layer.name() + "' attributes"
                    + " to the network input, which is not an image here");
        }
    }

    /** The named layer, checked to have spatial output; or the last such layer when {@code name} is null. */
    static LayerInfo spatialLayer(GradientEngine engine, String name, String method) {
        List<String> spatial = engine.spatialLayers().stream().map(LayerInfo::name).toList();
        if (spatial.isEmpty()) {
            throw GlassboxException.usage(method + " needs a layer with spatial output (height and width), and this"
                    + " model has none: its input is " + engine.input().describe() + " and its layers are "
                    + String.join(", ", engine.layers().stream().map(LayerInfo::toString).toList())
                    + "; use a method on the input such as saliency or integrated-gradients");
        }
        if (name == null) {
            return engine.layer(spatial.get(spatial.size() - 1));
        }
        if (engine.layers().stream().noneMatch(l -> l.name().equals(name))) {
            throw GlassboxException.usage("the model has no layer '" + name + "'; layers with spatial output for "
                    + method + ": " + String.join(", ", spatial));
        }
        LayerInfo info = engine.layer(name);
        if (!info.spatial()) {
            throw GlassboxException.usage("layer '" + name + "' (output " + info.shapeText() + ") has no spatial"
                    + " output; layers with spatial output for " + method + ": " + String.join(", ", spatial));
        }
        return info;
    }

    @Override
    public String name() {
        return "grad-cam";
    }

    public LayerInfo layer() {
        return layer;
    }

    @Override
    public Attribution attribute(INDArray inputs, int[] targets) {
        Tensors.requireTargets(inputs, targets);
        java.util.Optional<String> source = layerInput ? engine.inputOf(layer.name())
                : java.util.Optional.of(layer.name());
        INDArray maps;
        if (source.isEmpty()) {
            InputSpec in = engine.input();
            Shape shape = new Shape(in.channels(), in.height(), in.width(), in.layout() == InputLayout.NHWC);
            maps = maps(inputs.castTo(engine.dataType()), Passes.inputGradient(engine, inputs, targets,
                    dev.glassbox.model.BackwardRule.NONE), shape);
        } else {
            LayerInfo at = engine.layer(source.get());
            if (!at.spatial()) {
                throw GlassboxException.usage("the input of layer '" + layer.name() + "' (" + at + ") has no spatial"
                        + " output, so grad-cam cannot attribute to it");
            }
            Shape shape = new Shape((int) at.channels(), (int) at.spatialSize()[0], (int) at.spatialSize()[1],
                    at.channelsLast());
            // computed inside each pass, upsampling included: the layer's activations and gradient never leave the
            // engine's workspaces, and each of its lanes scales its own maps (1 of the CIFAR CNN's 9 ms on the caller)
            boolean scale = sumChannels && upsample && engine.input().isImage();
            maps = engine.reducedLayerGradient(inputs, targets, at.name(), (a, g) -> scale
                    ? upsampled(maps(a, g, shape), rowsOf(inputs.shape(), a.size(0))) : maps(a, g, shape));
            if (scale) {
                return Attribution.of(maps);
            }
        }
        return Attribution.of(sumChannels && upsample ? upsampled(maps, inputs.shape()) : maps);
    }

    /** {@code shape} with {@code rows} rows. */
    private static long[] rowsOf(long[] shape, long rows) {
        long[] s = shape.clone();
        s[0] = rows;
        return s;
    }

    /** Where a map's values come from: channels, height, width and whether the channels come last. */
    private record Shape(int channels, int h, int w, boolean channelsLast) {}

    /**
     * Grad-CAM from activations {@code a} and the target's gradient {@code g} there: {@code [n, h, w]} (channels
     * summed), or {@code [n, c, h, w]} without {@code sumChannels}; with {@code relu}, negative values cut off.
     */
    private INDArray maps(INDArray a, INDArray g, Shape at) {
        long n = a.size(0);
        long plane = (long) at.h() * at.w();
        // alpha_c, the spatial mean of the gradient of each example's channels: [n, c]
        INDArray alpha = g.mean(at.channelsLast() ? new int[] {1, 2} : new int[] {2, 3});
        if (!sumChannels) {
            INDArray weighted = Nd4j.createUninitialized(a.dataType(), a.shape(), 'c');
            Nd4j.getExecutioner().exec(new BroadcastMulOp(a, alpha, weighted, 0, at.channelsLast() ? 3 : 1));
            INDArray maps = at.channelsLast() ? weighted.permute(0, 3, 1, 2).dup('c') : weighted;
            return relu ? Transforms.relu(maps, false) : maps;
        }
        // Σ_c alpha_c A_c for each example, as one batched product: [n, h·w, c] × [n, c, 1], or [n, 1, c] × [n, c, h·w]
        INDArray flat = contiguous(a).reshape('c', n, at.channelsLast() ? plane : at.channels(),
                at.channelsLast() ? at.channels() : plane);
        INDArray cams = (at.channelsLast() ? Nd4j.matmul(flat, alpha.reshape('c', n, at.channels(), 1))
                : Nd4j.matmul(alpha.reshape('c', n, 1, at.channels()), flat)).reshape('c', n, at.h(), at.w());
        return relu ? Transforms.relu(cams, false) : cams;
    }

    private static INDArray contiguous(INDArray a) {
        return a.ordering() == 'c' && !a.isView() ? a : a.dup('c');
    }

    /**
     * The maps, {@code [n, h, w]}, scaled bilinearly to the input's size (half-pixel centres, Captum's
     * {@code interpolate} with {@code align_corners=False}) and copied into each of its channels, in the input's shape.
     */
    private INDArray upsampled(INDArray cams, long[] inputShape) {
        InputSpec in = engine.input();
        if (!in.isImage()) {
            return upsampledFlat(cams, inputShape);
        }
        long n = cams.size(0);
        INDArray big = cams;
        if (cams.size(1) != in.height() || cams.size(2) != in.width()) {
            big = Nd4j.createUninitialized(cams.dataType(), n, in.height(), in.width(), 1);
            Nd4j.exec(DynamicCustomOp.builder("resize_bilinear").addInputs(cams.reshape('c', n, cams.size(1),
                    cams.size(2), 1)).addOutputs(big).addIntegerArguments(in.height(), in.width())
                    .addBooleanArguments(false, true).build());
            big = big.reshape('c', n, in.height(), in.width());
        }
        INDArray spread = Nd4j.createUninitialized(cams.dataType(), in.batchShape(n), 'c');
        int[] pixelAxes = in.layout() == InputLayout.NHWC ? new int[] {0, 1, 2} : new int[] {0, 2, 3};
        Nd4j.getExecutioner().exec(new BroadcastCopyOp(spread, big, spread, pixelAxes));
        return spread.reshape('c', inputShape);
    }

    /** As {@link #upsampled} for a model whose input is a flat vector: each map stretched over the vector. */
    private INDArray upsampledFlat(INDArray cams, long[] inputShape) {
        Geometry geometry = Geometry.of(engine.input());
        int n = (int) cams.size(0);
        int h = (int) cams.size(1);
        int w = (int) cams.size(2);
        double[] values = Tensors.values(cams);
        double[] out = new double[n * geometry.size()];
        for (int i = 0; i < n; i++) {
            double[] cam = java.util.Arrays.copyOfRange(values, i * h * w, (i + 1) * h * w);
            double[] big = Filters.bilinear(cam, h, w, geometry.height(), geometry.width());
            System.arraycopy(geometry.spread(big), 0, out, i * geometry.size(), geometry.size());
        }
        return Tensors.array(out, inputShape, engine.dataType());
    }
}
