package dev.glassbox.attribution;

import dev.glassbox.model.BackwardRule;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.LayerInfo;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Springenberg et al. (2015): the gradient, with only positive gradients passed back through each ReLU. Fails the
 * sanity checks of Adebayo et al. (2018); kept because people ask for it and the checks should show why.
 */
public final class GuidedBackprop implements AttributionMethod {

    /** Only positive gradients enter a ReLU; its own backprop then masks by input &gt; 0. */
    static final BackwardRule GUIDED = new BackwardRule() {
        @Override
        public INDArray atOutput(LayerInfo layer, INDArray eps) {
            return actsOn(layer) ? Transforms.relu(eps, true) : eps;
        }

        @Override
        public boolean actsOn(LayerInfo layer) {
            return layer.activation() instanceof ActivationReLU;
        }
    };

    private final GradientEngine engine;

    public GuidedBackprop(GradientEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "guided-backprop";
    }

    @Override
    public Attribution attribute(INDArray inputs, int[] targets) {
        Tensors.requireTargets(inputs, targets);
        return Attribution.of(Passes.inputGradient(engine, inputs, targets, GUIDED));
    }
}
