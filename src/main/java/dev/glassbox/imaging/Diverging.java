package dev.glassbox.imaging;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A diverging colour map for signed attributions: blue for negative, near-white for zero, orange for positive
 * (the ends of ColorBrewer's PuOr/RdBu families). Blue against orange stays apart for readers with red-green
 * colour blindness, unlike the usual red-green or red-blue maps of attribution tools.
 */
public final class Diverging {

    private static final int[] NEGATIVE = {33, 102, 172};
    private static final int[] ZERO = {247, 247, 247};
    private static final int[] POSITIVE = {230, 97, 1};

    private Diverging() {}

    /** The colour of {@code t} (clamped to [−1, 1]) as packed {@code 0xRRGGBB}. */
    public static int rgb(double t) {
        double s = Math.max(-1, Math.min(1, Double.isNaN(t) ? 0 : t));
        int[] end = s < 0 ? NEGATIVE : POSITIVE;
        double a = Math.abs(s);
        int r = (int) Math.round(ZERO[0] + (end[0] - ZERO[0]) * a);
        int g = (int) Math.round(ZERO[1] + (end[1] - ZERO[1]) * a);
        int b = (int) Math.round(ZERO[2] + (end[2] - ZERO[2]) * a);
        return r << 16 | g << 8 | b;
    }

    /**
     * Values divided by the {@code p}-th percentile of their absolute values and clipped to [−1, 1], so that zero
     * stays white and one extreme value does not wash out the rest. An all-zero map stays zero.
     */
    public static float[] normalized(float[] values, double p) {
        float[] abs = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            abs[i] = Math.abs(values[i]);
        }
        Arrays.sort(abs);
        int rank = (int) Math.ceil(p / 100.0 * abs.length);
        float scale = abs.length == 0 ? 0 : abs[Math.max(0, Math.min(abs.length - 1, rank - 1))];
        if (scale == 0 && abs.length > 0) {
            scale = abs[abs.length - 1];
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = scale == 0 ? 0 : Math.max(-1, Math.min(1, values[i] / scale));
        }
        return out;
    }

    /** The signed map alone, {@code values[y * width + x]}. */
    public static BufferedImage mapOnly(float[] values, int height, int width) {
        float[] v = normalized(values, Overlay.CLIP_PERCENTILE);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, rgb(v[y * width + x]));
            }
        }
        return out;
    }

    /** The image in gray with the signed map blended in, more opaque where the map is strong in either sign. */
    public static BufferedImage overlay(BufferedImage image, float[] values) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (values.length != width * height) {
            throw new IllegalArgumentException(values.length + " values for a " + height + "x" + width + " image");
        }
        float[] v = normalized(values, Overlay.CLIP_PERCENTILE);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = image.getRGB(x, y);
                double gray = 0.299 * (p >> 16 & 0xff) + 0.587 * (p >> 8 & 0xff) + 0.114 * (p & 0xff);
                double t = v[y * width + x];
                int c = rgb(t);
                double a = 0.85 * Math.sqrt(Math.abs(t));
                out.setRGB(x, y, blend(gray, c >> 16 & 0xff, a) << 16 | blend(gray, c >> 8 & 0xff, a) << 8
                        | blend(gray, c & 0xff, a));
            }
        }
        return out;
    }

    private static int blend(double under, int over, double alpha) {
        return (int) Math.round(under * (1 - alpha) + over * alpha);
    }
}
