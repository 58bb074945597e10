package dev.glassbox.featurevis;

import java.util.Random;

/**
 * Transformation robustness (Lucid's {@code standard_transforms}): at every step each picture is shown to the model
 * slightly shifted, scaled and rotated, with grey where the view leaves the picture. A picture that raises its
 * objective under all of these cannot rely on a pixel-exact pattern, which is what makes optimized pictures
 * readable rather than adversarial noise.
 *
 * @param pad         the largest shift in pixels from padding (Lucid: 12 at 128-224 pixels)
 * @param jitter      a further random shift in pixels (Lucid: 8, then 4)
 * @param maxScaleChange the largest relative change of size, e.g. 0.05 for 95% to 105%
 * @param maxDegrees  the largest rotation either way, in degrees
 */
public record Transforms(int pad, int jitter, double maxScaleChange, double maxDegrees) {

    /** The grey shown where a view leaves the picture (Lucid pads with 0.5). */
    static final float GREY = 0.5f;

    /** No transformation at all: the picture as it is. */
    public static final Transforms NONE = new Transforms(0, 0, 0, 0);

    public Transforms {
        if (pad < 0 || jitter < 0 || maxScaleChange < 0 || maxScaleChange >= 0.5 || maxDegrees < 0
                || maxDegrees > 45) {
            throw new IllegalArgumentException("transforms: pad " + pad + ", jitter " + jitter + ", scale change "
                    + maxScaleChange + ", rotation " + maxDegrees);
        }
    }

    /**
     * Lucid's transforms scaled to the model's input: shifts of about a thirty-second of the side each (a pixel at
     * 32×32, 7 at 224), sizes 95% to 105%, rotations up to 5 degrees.
     */
    public static Transforms forSize(int height, int width) {
        int side = Math.min(height, width);
        int shift = Math.max(1, Math.round(side / 32f));
        return new Transforms(shift, shift, 0.05, 5);
    }

    /** One random view for each of {@code batch} pictures of {@code height × width}. */
    Warp draw(int batch, int height, int width, Random random) {
        double[][] views = new double[batch][];
        for (int b = 0; b < batch; b++) {
            double scale = 1 + maxScaleChange * (2 * random.nextDouble() - 1);
            double angle = Math.toRadians(maxDegrees * (2 * random.nextDouble() - 1));
            double dx = shift(random);
            double dy = shift(random);
            views[b] = new double[] {scale, angle, dx, dy};
        }
        return new Warp(height, width, views);
    }

    /** Padding then cropping shifts by a whole number of pixels, and so does the jitter after it. */
    private int shift(Random random) {
        return random.nextInt(2 * pad + 1) - pad + random.nextInt(2 * jitter + 1) - jitter;
    }
}
