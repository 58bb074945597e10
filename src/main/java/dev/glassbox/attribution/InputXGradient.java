package dev.glassbox.attribution;

import dev.glassbox.model.BackwardRule;
import dev.glassbox.model.GradientEngine;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The input times the gradient of the target logit (Shrikumar et al. 2016): signed. */
public final class InputXGradient implements AttributionMethod {

    private final GradientEngine engine;

    public InputXGradient(GradientEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "input-x-gradient";
    }

    @Override
    public Attribution attribute(INDArray inputs, int[] targets) {
        Tensors.requireTargets(inputs, targets);
        INDArray g = Passes.inputGradient(engine, inputs, targets, BackwardRule.NONE);
        return Attribution.of(g.muli(inputs.castTo(g.dataType())));
    }
}
