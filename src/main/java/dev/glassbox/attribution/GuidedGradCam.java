package dev.glassbox.attribution;

import dev.glassbox.model.GradientEngine;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Selvaraju et al. (2017): guided backpropagation times the upsampled Grad-CAM (with ReLU), channel by channel:
 * the fine detail of the one where the other says the class is.
 */
public final class GuidedGradCam implements AttributionMethod {

    private final GuidedBackprop guided;
    private final GradCam cam;

    /** @param layer a layer with spatial output, or null for the last one */
    public GuidedGradCam(GradientEngine engine, String layer) {
        this.cam = new GradCam(engine, layer, true, true);
        this.guided = new GuidedBackprop(engine);
    }

    @Override
    public String name() {
        return "guided-grad-cam";
    }

    @Override
    public Attribution attribute(INDArray inputs, int[] targets) {
        INDArray g = guided.attribute(inputs, targets).maps();
        INDArray c = cam.attribute(inputs, targets).maps();
        return Attribution.of(g.muli(c.castTo(g.dataType())));
    }
}
