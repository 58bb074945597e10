package dev.glassbox.attribution;

import dev.glassbox.model.BackwardRule;
import dev.glassbox.model.GradientEngine;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Simonyan et al. (2014): the absolute gradient of the target logit, Captum's default {@code abs=True}. */
public final class Saliency implements AttributionMethod {

    private final GradientEngine engine;

    public Saliency(GradientEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "saliency";
    }

    @Override
    public Attribution attribute(INDArray inputs, int[] targets) {
        Tensors.requireTargets(inputs, targets);
        return Attribution.of(Transforms.abs(Passes.inputGradient(engine, inputs, targets, BackwardRule.NONE), false));
    }
}
