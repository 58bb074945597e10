package dev.glassbox.model;

import java.util.List;

/**
 * How a raw 0-255 pixel of channel {@code c} becomes a model input: {@code (pixel * scale - mean[c]) / std[c]}.
 *
 * @param scale what a raw pixel is multiplied by, greater than 0
 * @param mean  one entry per channel
 * @param std   one entry per channel, each greater than 0
 */
public record Preprocessing(double scale, List<Double> mean, List<Double> std) {

    public Preprocessing {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (!(scale > 0) || Double.isInfinite(scale) || mean.isEmpty() || mean.size() != std.size()
                || std.stream().anyMatch(s -> !(s > 0))) {
            throw new IllegalArgumentException("preprocessing scale " + scale + " mean " + mean + " std " + std
                    + " is not a positive scale and one mean and positive std per channel");
        }
    }

    public int channels() {
        return mean.size();
    }

    /** The model input for a raw pixel value of a channel. */
    public double apply(int channel, double raw) {
        return (raw * scale - mean.get(channel)) / std.get(channel);
    }

    /** Whether this is a plain scaling, with mean 0 and std 1 in every channel. */
    public boolean isScaleOnly() {
        return mean.stream().allMatch(m -> m == 0) && std.stream().allMatch(s -> s == 1);
    }
}
