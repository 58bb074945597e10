package dev.glassbox.attribution;

import dev.glassbox.GlassboxException;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.LayerInfo;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

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
        int n = (int) inputs.size(0);
        Activations at = activations(inputs, targets);
        // alpha_c A_c for each example and channel, channels first: Grad-CAM's map is their sum over channels
        double[] weighted = weighted(Tensors.values(at.values()), Tensors.values(at.gradient()), n, at.channels(),
                at.h() * at.w(), at.channelsLast());
        if (!sumChannels) {
            if (relu) {
                for (int j = 0; j < weighted.length; j++) {
                    weighted[j] = Math.max(0, weighted[j]);
                }
            }
            return Attribution.of(Tensors.array(weighted, new long[] {n, at.channels(), at.h(), at.w()},
                    engine.dataType()));
        }
        double[][] cams = cams(weighted, n, at.channels(), at.h() * at.w());
        return Attribution.of(upsample ? upsampled(cams, at, inputs.shape())
                : Tensors.array(flat(cams), new long[] {n, at.h(), at.w()}, engine.dataType()));
    }

    /** What the map is made of: a layer's (or the input's) values and the target's gradient there. */
    private record Activations(INDArray values, INDArray gradient, int channels, int h, int w, boolean channelsLast) {}

    /** The attributed layer's activations and gradients, or the input's where the layer's input is the model's. */
    private Activations activations(INDArray inputs, int[] targets) {
        java.util.Optional<String> source = layerInput ? engine.inputOf(layer.name()) : java.util.Optional.of(layer.name());
        if (source.isEmpty()) {
            InputSpec in = engine.input();
            return new Activations(inputs.castTo(engine.dataType()), Passes.inputGradient(engine, inputs, targets,
                    dev.glassbox.model.BackwardRule.NONE), in.channels(), in.height(), in.width(),
                    in.layout() == dev.glassbox.model.InputLayout.NHWC);
        }
        LayerInfo at = engine.layer(source.get());
        if (!at.spatial()) {
            throw GlassboxException.usage("the input of layer '" + layer.name() + "' (" + at + ") has no spatial"
                    + " output, so grad-cam cannot attribute to it");
        }
        INDArray[] ag = Passes.layerGradient(engine, inputs, targets, at.name());
        return new Activations(ag[0], ag[1], (int) at.channels(), (int) at.spatialSize()[0],
                (int) at.spatialSize()[1], at.channelsLast());
    }

    /** Each example's map: the weighted channels summed, then (with {@code relu}) its negative part dropped. */
    private double[][] cams(double[] weighted, int n, int channels, int plane) {
        int size = channels * plane;
        double[][] cams = new double[n][plane];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < plane; p++) {
                    cams[i][p] += weighted[i * size + c * plane + p];
                }
            }
            if (relu) {
                for (int p = 0; p < plane; p++) {
                    cams[i][p] = Math.max(0, cams[i][p]);
                }
            }
        }
        return cams;
    }

    private static double[] flat(double[][] rows) {
        int plane = rows.length == 0 ? 0 : rows[0].length;
        double[] out = new double[rows.length * plane];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * plane, plane);
        }
        return out;
    }

    /** The maps scaled bilinearly to the input's size and spread over its channels, in the input's shape. */
    private INDArray upsampled(double[][] cams, Activations at, long[] inputShape) {
        Geometry geometry = Geometry.of(engine.input());
        int size = geometry.size();
        double[] out = new double[cams.length * size];
        for (int i = 0; i < cams.length; i++) {
            double[] big = Filters.bilinear(cams[i], at.h(), at.w(), geometry.height(), geometry.width());
            System.arraycopy(geometry.spread(big), 0, out, i * size, size);
        }
        return Tensors.array(out, inputShape, engine.dataType());
    }

    /** α_c · A_c for each example and channel, channels first, where α_c is the spatial mean of the gradient. */
    private static double[] weighted(double[] a, double[] g, int n, int channels, int plane, boolean last) {
        int size = channels * plane;
        double[] out = new double[n * size];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                double alpha = 0;
                for (int p = 0; p < plane; p++) {
                    alpha += g[i * size + at(c, p, channels, plane, last)];
                }
                alpha /= plane;
                for (int p = 0; p < plane; p++) {
                    out[i * size + c * plane + p] = alpha * a[i * size + at(c, p, channels, plane, last)];
                }
            }
        }
        return out;
    }

    /** Offset of channel {@code c} at spatial position {@code p} within one example's activations. */
    private static int at(int c, int p, int channels, int plane, boolean channelsLast) {
        return channelsLast ? p * channels + c : c * plane + p;
    }
}
