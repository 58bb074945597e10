package dev.glassbox.report;

import dev.glassbox.model.GradientEngine;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A way of showing where a model looks, drawn for every gallery sample. The gallery shows one picture per method,
 * side by side; attribution methods plug in here.
 */
public interface GalleryMethod {

    /** The name shown under each picture ("saliency", "integrated-gradients"). */
    String name();

    /**
     * Maps for a batch, explaining each example's target class: either in the input's shape (a value per input
     * value; shown as the largest magnitude over channels) or {@code [batch, height, width]} at a layer's size
     * (Grad-CAM without upsampling; stretched to the image).
     */
    INDArray maps(GradientEngine engine, INDArray inputs, int[] targets);

    /**
     * The method and its settings as the checks name them, the key under which its maps are shared with the checks;
     * empty for a way of drawing that is not one of the attribution methods.
     */
    default java.util.Optional<dev.glassbox.checks.MethodSpec> spec() {
        return java.util.Optional.empty();
    }

    /**
     * An attribution method of {@link dev.glassbox.attribution.AttributionMethods} with these parameters, made for
     * each model the gallery explains.
     */
    static GalleryMethod attribution(String method, java.util.Map<String, String> params) {
        java.util.Map<String, String> fixed = java.util.Map.copyOf(params);
        dev.glassbox.attribution.AttributionMethods.parameters(method); // unknown names fail here, not mid-report
        return new GalleryMethod() {
            @Override
            public String name() {
                return method;
            }

            @Override
            public INDArray maps(GradientEngine engine, INDArray inputs, int[] targets) {
                return dev.glassbox.attribution.AttributionMethods.create(method, engine, fixed)
                        .attribute(inputs, targets).maps();
            }

            @Override
            public java.util.Optional<dev.glassbox.checks.MethodSpec> spec() {
                return java.util.Optional.of(new dev.glassbox.checks.MethodSpec(method, fixed));
            }
        };
    }

    /** |d logit / d input|: the plain saliency map, and the gallery's default. */
    static GalleryMethod saliency() {
        return new GalleryMethod() {
            @Override
            public String name() {
                return "saliency";
            }

            @Override
            public INDArray maps(GradientEngine engine, INDArray inputs, int[] targets) {
                return Transforms.abs(engine.inputGradient(inputs, targets).input(), false);
            }

            @Override
            public java.util.Optional<dev.glassbox.checks.MethodSpec> spec() {
                return java.util.Optional.of(new dev.glassbox.checks.MethodSpec("saliency", java.util.Map.of()));
            }
        };
    }
}
