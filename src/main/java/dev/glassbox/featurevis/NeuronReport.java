package dev.glassbox.featurevis;

import java.util.List;

/**
 * What groups of neurons inside one model respond to, and what the model "thinks" each class looks like.
 *
 * @param steps         optimization steps behind every picture
 * @param classPictures one picture per class, optimized to raise that class's score
 * @param layers        the neuron groups of each layer examined, in the network's order
 */
public record NeuronReport(int steps, List<ClassPicture> classPictures, List<LayerGroups> layers) {

    /** No neuron analysis (a report built without one). */
    public static final NeuronReport NONE = new NeuronReport(0, List.of(), List.of());

    public NeuronReport {
        classPictures = List.copyOf(classPictures);
        layers = List.copyOf(layers);
    }

    /** The same report with these layers (their groups flagged, say). */
    public NeuronReport withLayers(List<LayerGroups> replaced) {
        return new NeuronReport(steps, classPictures, replaced);
    }

    public boolean isEmpty() {
        return classPictures.isEmpty() && layers.isEmpty();
    }
}
