package dev.glassbox.imaging;

import java.awt.image.BufferedImage;

/**
 * Nearest-neighbour enlargement: each pixel becomes a square block. Smoothing would blur a 32x32 image into mush and
 * invent in-between values that the model never saw.
 */
public final class Upscale {

    private Upscale() {}

    public static BufferedImage nearest(BufferedImage image, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("upscale factor " + factor + " < 1");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w * factor, h * factor, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * factor; y++) {
            for (int x = 0; x < w * factor; x++) {
                out.setRGB(x, y, image.getRGB(x / factor, y / factor));
            }
        }
        return out;
    }

    /** The smallest factor that makes the image at least {@code minSize} pixels on its shorter side. */
    public static int factorFor(int width, int height, int minSize) {
        int shorter = Math.max(1, Math.min(width, height));
        return Math.max(1, (minSize + shorter - 1) / shorter);
    }
}
