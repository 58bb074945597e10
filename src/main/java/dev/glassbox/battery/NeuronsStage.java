package dev.glassbox.battery;

import dev.glassbox.Progress;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.featurevis.NeuronAnalysis;
import dev.glassbox.featurevis.NeuronReport;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.model.ModelUnderTest;
import java.util.List;

/** A model's neuron groups and class pictures, as the plan asks for them. */
final class NeuronsStage {

    private final RunPlan plan;

    NeuronsStage(RunPlan plan) {
        this.plan = plan;
    }

    NeuronReport run(ModelUnderTest model, int index, List<LabelledImages> datasets, ImageStore pictures,
                     Progress progress) {
        NeuronPlan neurons = plan.neurons();
        var analysis = new NeuronAnalysis(model.engine(), model.name(), index, pictures,
                new NeuronAnalysis.Settings(neurons.layersOf(model.name()), neurons.groups(), neurons.stepsOf(model.name()),
                        plan.seed(), plan.batchSize(), plan.pictureSize()), progress);
        return analysis.run(datasets);
    }
}
