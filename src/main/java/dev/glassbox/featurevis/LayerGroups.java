package dev.glassbox.featurevis;

import java.util.List;

/**
 * The neuron groups of one layer: its channels factored by non-negative matrix factorization into a few directions.
 *
 * @param layer     the layer's name, as {@code glassbox inspect} lists it
 * @param shape     the shape of one example's output, as text
 * @param channels  how many channels (neurons per position) the layer has
 * @param images    how many data set images the activations were collected from
 * @param positions how many (image, position) activation vectors the factorization was fitted on
 * @param explained the share of the sampled activations the groups reproduce, 1 - |A - WH| / |A|
 * @param groups    the groups, most active first
 */
public record LayerGroups(String layer, String shape, int channels, int images, int positions, double explained,
                          List<NeuronGroup> groups) {

    public LayerGroups {
        groups = List.copyOf(groups);
    }

    /** The same layer with these groups (flagged, say). */
    public LayerGroups withGroups(List<NeuronGroup> replaced) {
        return new LayerGroups(layer, shape, channels, images, positions, explained, replaced);
    }
}
