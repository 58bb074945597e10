package dev.glassbox.imaging;

import java.awt.image.BufferedImage;

/** Draws a saliency map over the image it explains. */
public final class Overlay {

    /** The percentile at which the map is clipped before colouring. */
    public static final double CLIP_PERCENTILE = 99;

    /** How much of the colour map shows at the strongest pixels; weaker pixels show more of the image. */
    private static final double MAX_OPACITY = 0.85;

    private Overlay() {}

    /**
     * The image in gray (so that its own colours are not mistaken for the map's), with viridis blended in where the
     * map is strong: opacity grows with the map's value, clipped at the 99th percentile.
     */
    public static BufferedImage of(BufferedImage image, SaliencyMap map) {
        if (image.getWidth() != map.width() || image.getHeight() != map.height()) {
            throw new IllegalArgumentException("a " + map.height() + "x" + map.width() + " map for a "
                    + image.getHeight() + "x" + image.getWidth() + " image");
        }
        float[] v = map.normalized(CLIP_PERCENTILE);
        BufferedImage out = new BufferedImage(map.width(), map.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                int p = image.getRGB(x, y);
                double gray = 0.299 * (p >> 16 & 0xff) + 0.587 * (p >> 8 & 0xff) + 0.114 * (p & 0xff);
                double t = v[y * map.width() + x];
                int c = Viridis.rgb(t);
                double a = MAX_OPACITY * Math.sqrt(t);
                out.setRGB(x, y, blend(gray, c >> 16 & 0xff, a) << 16 | blend(gray, c >> 8 & 0xff, a) << 8
                        | blend(gray, c & 0xff, a));
            }
        }
        return out;
    }

    /** The map alone in viridis, clipped at the same percentile: the legend-free view of the same numbers. */
    public static BufferedImage mapOnly(SaliencyMap map) {
        float[] v = map.normalized(CLIP_PERCENTILE);
        BufferedImage out = new BufferedImage(map.width(), map.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                out.setRGB(x, y, Viridis.rgb(v[y * map.width() + x]));
            }
        }
        return out;
    }

    private static int blend(double under, int over, double alpha) {
        return (int) Math.round(under * (1 - alpha) + over * alpha);
    }
}
