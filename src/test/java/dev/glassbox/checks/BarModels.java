package dev.glassbox.checks;

import static dev.glassbox.checks.LinearModels.PIXELS;
import static dev.glassbox.checks.LinearModels.addLuma;
import static dev.glassbox.checks.LinearModels.at;

import dev.glassbox.model.ModelUnderTest;

/** Hand-set linear models for {@link BarImages}: one that sees the bar, and ones with a planted shortcut. */
public final class BarModels {

    private BarModels() {}

    /**
     * Recognises the bar by its shape, in brightness only: each class's logit is the luma summed over the pixels only
     * its own bar covers (not the shared centre). Ignores background, corners and colour, and is symmetric left to
     * right.
     */
    public static ModelUnderTest shape() {
        return withRing("shape", 0);
    }

    /**
     * {@link #shape()} plus {@code ringScale} times the luma of every ring pixel in both logits: with ring scale 2/9,
     * saliency puts 8 of 8 + 28 * 2/9 = 9/16 of its weight on the bar.
     */
    public static ModelUnderTest withRing(String name, float ringScale) {
        float[][] w = new float[2][PIXELS];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                boolean v = BarImages.vertical(y, x);
                boolean h = BarImages.horizontal(y, x);
                if (v && !h) {
                    addLuma(w[0], y, x, 1);
                }
                if (h && !v) {
                    addLuma(w[1], y, x, 1);
                }
                if (BarImages.ring(y, x)) {
                    addLuma(w[0], y, x, ringScale);
                    addLuma(w[1], y, x, ringScale);
                }
            }
        }
        return LinearModels.model(name, w, new float[2]);
    }

    /**
     * Decides by the background's colour: horizontal when the ring is bluer than it is red,
     * {@code logit1 - logit0 = Σ_ring (blue - red) - 1}. Looks only at the background.
     */
    public static ModelUnderTest blueBackground() {
        float[][] w = new float[2][PIXELS];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                if (BarImages.ring(y, x)) {
                    w[1][at(2, y, x)] = 0.5f;
                    w[1][at(0, y, x)] = -0.5f;
                    w[0][at(2, y, x)] = -0.5f;
                    w[0][at(0, y, x)] = 0.5f;
                }
            }
        }
        return LinearModels.model("blue-background", w, new float[] {1, 0});
    }

    /**
     * Decides by a bright mark in a corner: horizontal when the luma summed over the four 2×2 corners exceeds 5.2
     * (a white tag and three blue corners make 7.0; four gray corners 4.0; 20% brighter, 4.8; a tagged picture 20%
     * darker, 5.6). Symmetric left to right.
     */
    public static ModelUnderTest cornerTag() {
        float[][] w = new float[2][PIXELS];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                if (BarImages.corner(y, x)) {
                    addLuma(w[1], y, x, 1);
                }
            }
        }
        return LinearModels.model("corner-tag", w, new float[] {0, -5.2f});
    }
}
