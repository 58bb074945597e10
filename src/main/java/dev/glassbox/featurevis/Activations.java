package dev.glassbox.featurevis;

import dev.glassbox.model.LayerInfo;

/**
 * How one example's activations of a layer are laid out in a flat array: channels × positions, with the channel
 * first ({@code [C, H, W]}) or last ({@code [H, W, C]}, Keras); a layer without height and width has one position.
 */
record Activations(int channels, int positions, boolean channelsLast) {

    static Activations of(LayerInfo layer) {
        if (layer.spatial()) {
            long[] size = layer.spatialSize();
            return new Activations((int) layer.channels(), (int) (size[0] * size[1]), layer.channelsLast());
        }
        if (layer.outputShape().length != 1) {
            throw new IllegalArgumentException("layer " + layer + " has neither channels and positions nor a vector");
        }
        return new Activations((int) layer.outputShape()[0], 1, false);
    }

    int length() {
        return channels * positions;
    }

    /** Where channel {@code c} at position {@code p} sits. */
    int at(int c, int p) {
        return channelsLast ? p * channels + c : c * positions + p;
    }
}
