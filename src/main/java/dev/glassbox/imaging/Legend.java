package dev.glassbox.imaging;

import java.awt.image.BufferedImage;

/** The colour bar that tells a reader how to read the gallery's overlays: from "hardly matters" to "matters most". */
public final class Legend {

    private Legend() {}

    /**
     * The overlay's own colours, drawn by {@link Overlay} over a mid-grey strip whose map rises evenly from left to
     * right, so that the bar looks exactly like the pictures it explains.
     */
    public static BufferedImage overlayBar(int width, int height) {
        BufferedImage grey = new BufferedImage(width, 1, BufferedImage.TYPE_INT_RGB);
        float[] ramp = new float[width];
        for (int x = 0; x < width; x++) {
            grey.setRGB(x, 0, 0x808080);
            ramp[x] = x / (float) (width - 1);
        }
        BufferedImage line = Overlay.of(grey, new SaliencyMap(1, width, ramp));
        BufferedImage bar = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                bar.setRGB(x, y, line.getRGB(x, 0));
            }
        }
        return bar;
    }
}
