package dev.glassbox.diagnosis;

import java.util.Arrays;

/**
 * Sets of pixel positions ({@code boolean[height * width]}) that cues occupy, and the colours found in them, on
 * pixel arrays {@code [channels * height * width]}, channels first, values in [0, 1].
 */
final class Selections {

    private Selections() {}

    /** The corner names in the order the corner edit numbers them. */
    static final String[] CORNERS = {"top-left", "top-right", "bottom-left", "bottom-right"};

    /** The outermost {@code width} pixels all round. */
    static boolean[] ring(int h, int w, int width) {
        boolean[] out = new boolean[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = y < width || x < width || y >= h - width || x >= w - width;
            }
        }
        return out;
    }

    /** The {@code side}-pixel square at corner {@code corner} (0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right). */
    static boolean[] corner(int h, int w, int side, int corner) {
        int x0 = corner == 0 || corner == 2 ? 0 : w - side;
        int y0 = corner == 0 || corner == 1 ? 0 : h - side;
        return window(h, w, x0, y0, side);
    }

    /** The {@code side}-pixel square whose top-left pixel is (x0, y0), cut at the picture's edges. */
    static boolean[] window(int h, int w, int x0, int y0, int side) {
        boolean[] out = new boolean[h * w];
        for (int y = Math.max(0, y0); y < Math.min(h, y0 + side); y++) {
            for (int x = Math.max(0, x0); x < Math.min(w, x0 + side); x++) {
                out[y * w + x] = true;
            }
        }
        return out;
    }

    /** Where a mask is above zero. */
    static boolean[] of(float[] mask) {
        boolean[] out = new boolean[mask.length];
        for (int p = 0; p < mask.length; p++) {
            out[p] = mask[p] > 0;
        }
        return out;
    }

    static int count(boolean[] s) {
        int n = 0;
        for (boolean b : s) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** |a ∩ b| / min(|a|, |b|): 1 when one lies inside the other, 0 when they do not meet (or one is empty). */
    static double overlap(boolean[] a, boolean[] b) {
        int both = 0;
        for (int p = 0; p < a.length; p++) {
            both += a[p] && b[p] ? 1 : 0;
        }
        int smaller = Math.min(count(a), count(b));
        return smaller == 0 ? 0 : (double) both / smaller;
    }

    /** The mean colour over the selection (per channel); the whole picture's when the selection is empty. */
    static float[] meanColour(float[] px, boolean[] where, int channels) {
        int hw = where.length;
        float[] out = new float[channels];
        int n = count(where);
        for (int c = 0; c < channels; c++) {
            double s = 0;
            for (int p = 0; p < hw; p++) {
                if (n == 0 || where[p]) {
                    s += px[c * hw + p];
                }
            }
            out[c] = (float) (s / (n == 0 ? hw : n));
        }
        return out;
    }

    /** The median of each channel over several colours. */
    static float[] median(float[][] colours, int channels) {
        float[] out = new float[channels];
        for (int c = 0; c < channels; c++) {
            float[] v = new float[colours.length];
            for (int i = 0; i < colours.length; i++) {
                v[i] = colours[i][c];
            }
            Arrays.sort(v);
            out[c] = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
        return out;
    }

    /** The median colour of the picture's outermost pixels: usually its background. */
    static float[] borderMedian(float[] px, int channels, int h, int w) {
        boolean[] border = ring(h, w, 1);
        int hw = h * w;
        float[] out = new float[channels];
        float[] v = new float[count(border)];
        for (int c = 0; c < channels; c++) {
            int k = 0;
            for (int p = 0; p < hw; p++) {
                if (border[p]) {
                    v[k++] = px[c * hw + p];
                }
            }
            Arrays.sort(v);
            out[c] = v[v.length / 2];
        }
        return out;
    }

    /** Luma (ITU-R BT.601) of a colour; a one-channel colour is its own. */
    static double luma(float[] colour) {
        return colour.length == 3 ? 0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2] : colour[0];
    }
}
