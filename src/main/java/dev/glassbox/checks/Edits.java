package dev.glassbox.checks;

import java.util.Arrays;

/**
 * Edits that change how an image looks but not what it shows, on pixel arrays ({@code [channels * height * width]},
 * channels first, values in [0, 1]). Each returns a new array.
 */
final class Edits {

    /** Brightness edits scale every pixel by 1 ± this. */
    static final double BRIGHTNESS = 0.2;
    /** A corner patch's side as a share of the image's shorter side. */
    static final double PATCH = 0.2;

    private Edits() {}

    /**
     * The background (where the mask is 0) in the opposite colour at the same brightness: each pixel's chroma is
     * negated in YCbCr (BT.601) while its luma stays, so blue turns olive and red turns teal, and the object stands out
     * from the background exactly as much as before. A model that recognises the object by its shape does not care.
     */
    static float[] recolourBackground(float[] px, float[] mask, int h, int w) {
        float[] out = px.clone();
        int hw = h * w;
        for (int p = 0; p < hw; p++) {
            if (mask[p] > 0) {
                continue;
            }
            float r = px[p];
            float g = px[hw + p];
            float b = px[2 * hw + p];
            float y = 0.299f * r + 0.587f * g + 0.114f * b;
            out[p] = clip(2 * y - r);
            out[hw + p] = clip((0.174f * y + 0.299f * r + 0.114f * b) / 0.587f);
            out[2 * hw + p] = clip(2 * y - b);
        }
        return out;
    }

    private static float clip(float v) {
        return Math.min(1, Math.max(0, v));
    }

    /** The side of a corner patch in pixels. */
    static int patchSide(int h, int w) {
        return Math.max(2, (int) Math.round(PATCH * Math.min(h, w)));
    }

    /**
     * A square patch over corner {@code corner} (0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right), filled with
     * the median colour of the image's border, which is usually the background: it hides whatever is in the corner.
     */
    static float[] patchCorner(float[] px, int channels, int h, int w, int corner) {
        float[] out = px.clone();
        int side = patchSide(h, w);
        int x0 = corner == 0 || corner == 2 ? 0 : w - side;
        int y0 = corner == 0 || corner == 1 ? 0 : h - side;
        int hw = h * w;
        for (int c = 0; c < channels; c++) {
            float fill = borderMedian(px, c, h, w);
            for (int y = y0; y < y0 + side; y++) {
                for (int x = x0; x < x0 + side; x++) {
                    out[c * hw + y * w + x] = fill;
                }
            }
        }
        return out;
    }

    static float borderMedian(float[] px, int c, int h, int w) {
        int hw = h * w;
        float[] border = new float[2 * w + 2 * Math.max(0, h - 2)];
        int k = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y == 0 || y == h - 1 || x == 0 || x == w - 1) {
                    border[k++] = px[c * hw + y * w + x];
                }
            }
        }
        Arrays.sort(border, 0, k);
        return border[k / 2];
    }

    /** The mirror image, left to right. */
    static float[] mirror(float[] px, int channels, int h, int w) {
        float[] out = new float[px.length];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[c * h * w + y * w + x] = px[c * h * w + y * w + (w - 1 - x)];
                }
            }
        }
        return out;
    }

    /** Every pixel times {@code factor}, clipped to [0, 1]. */
    static float[] brightness(float[] px, double factor) {
        float[] out = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = (float) Math.min(1, Math.max(0, px[i] * factor));
        }
        return out;
    }

    /** Each pixel's luma (ITU-R BT.601 weights) in all three channels. */
    static float[] grayscale(float[] px, int h, int w) {
        float[] out = new float[px.length];
        int hw = h * w;
        for (int p = 0; p < hw; p++) {
            float y = 0.299f * px[p] + 0.587f * px[hw + p] + 0.114f * px[2 * hw + p];
            out[p] = y;
            out[hw + p] = y;
            out[2 * hw + p] = y;
        }
        return out;
    }
}
