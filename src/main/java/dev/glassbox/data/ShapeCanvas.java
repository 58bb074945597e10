package dev.glassbox.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** The pixel work of drawing one shapes picture: background, mask, noise, colours as packed RGB. */
final class ShapeCanvas {

    /** Antialiased coverage (0-255) from which a pixel counts as object in the mask. */
    private static final int MASK_COVERAGE = 64;

    private ShapeCanvas() {}

    /** The background colour with a gentle linear gradient in a random direction (two draws from {@code rng}). */
    static BufferedImage background(float[] bg, SplittableRandom rng) {
        BufferedImage image = new BufferedImage(ShapesGenerator.SIDE, ShapesGenerator.SIDE, BufferedImage.TYPE_INT_RGB);
        double gradient = rng.nextDouble() * 0.15;
        double gradientAngle = rng.nextDouble() * 2 * Math.PI;
        double gx = Math.cos(gradientAngle);
        double gy = Math.sin(gradientAngle);
        for (int y = 0; y < ShapesGenerator.SIDE; y++) {
            for (int x = 0; x < ShapesGenerator.SIDE; x++) {
                double f = 1 + gradient * ((x - 15.5) * gx + (y - 15.5) * gy) / 16.0;
                image.setRGB(x, y, rgb(bg[0] * f, bg[1] * f, bg[2] * f));
            }
        }
        return image;
    }

    /** The shape drawn white on black, anti-aliased as the picture is (binarized afterwards). */
    static BufferedImage maskOf(Shape shape) {
        BufferedImage mask = new BufferedImage(ShapesGenerator.SIDE, ShapesGenerator.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D m = mask.createGraphics();
        hints(m);
        m.setColor(Color.WHITE);
        m.fill(shape);
        m.dispose();
        return mask;
    }

    /** Per-pixel noise: a shared brightness jitter of ±6 and ±2 per channel. */
    static void addNoise(BufferedImage image, SplittableRandom rng) {
        for (int y = 0; y < ShapesGenerator.SIDE; y++) {
            for (int x = 0; x < ShapesGenerator.SIDE; x++) {
                int c = image.getRGB(x, y);
                int l = rng.nextInt(-6, 7);
                int r = ((c >> 16) & 0xff) + l + rng.nextInt(-2, 3);
                int gg = ((c >> 8) & 0xff) + l + rng.nextInt(-2, 3);
                int b = (c & 0xff) + l + rng.nextInt(-2, 3);
                image.setRGB(x, y, rgb(r, gg, b));
            }
        }
    }

    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /**
     * Sets the mask to 255 where the antialiased object covers at least a quarter of the pixel, 0 elsewhere; returns
     * the bounding box {x, y, w, h}.
     */
    static int[] binarize(BufferedImage mask) {
        int x0 = ShapesGenerator.SIDE;
        int y0 = ShapesGenerator.SIDE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < ShapesGenerator.SIDE; y++) {
            for (int x = 0; x < ShapesGenerator.SIDE; x++) {
                if (mask.getRaster().getSample(x, y, 0) >= MASK_COVERAGE) {
                    mask.getRaster().setSample(x, y, 0, 255);
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                } else {
                    mask.getRaster().setSample(x, y, 0, 0);
                }
            }
        }
        return new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    static int rgb(double r, double g, double b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
