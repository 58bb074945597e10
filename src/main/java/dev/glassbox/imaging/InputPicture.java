package dev.glassbox.imaging;

import dev.glassbox.model.InputSpec;
import java.awt.image.BufferedImage;

/** Reads one example of a model's input as a picture, and its gradient as a saliency map. */
public final class InputPicture {

    private InputPicture() {}

    /** Three channels draw as RGB; any other count as the mean of its channels in gray. */
    public static BufferedImage of(float[] example, InputSpec spec, PixelRange range) {
        requireImage(example, spec);
        int c = spec.channels();
        BufferedImage out = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < spec.height(); y++) {
            for (int x = 0; x < spec.width(); x++) {
                int rgb;
                if (c == 3) {
                    rgb = range.toByte(example[index(spec, 0, y, x)]) << 16
                            | range.toByte(example[index(spec, 1, y, x)]) << 8
                            | range.toByte(example[index(spec, 2, y, x)]);
                } else {
                    double sum = 0;
                    for (int ch = 0; ch < c; ch++) {
                        sum += example[index(spec, ch, y, x)];
                    }
                    int g = range.toByte(sum / c);
                    rgb = g << 16 | g << 8 | g;
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    /**
     * Saliency as Simonyan et al. (2014) and Captum define it: the absolute gradient, and for colour images its
     * maximum over the channels at each pixel.
     */
    public static SaliencyMap saliency(float[] gradient, InputSpec spec) {
        requireImage(gradient, spec);
        float[] map = new float[spec.height() * spec.width()];
        for (int y = 0; y < spec.height(); y++) {
            for (int x = 0; x < spec.width(); x++) {
                float m = 0;
                for (int ch = 0; ch < spec.channels(); ch++) {
                    m = Math.max(m, Math.abs(gradient[index(spec, ch, y, x)]));
                }
                map[y * spec.width() + x] = m;
            }
        }
        return new SaliencyMap(spec.height(), spec.width(), map);
    }

    /** Where channel {@code c} of pixel (y, x) lies in one example; a flat image is row-major, channels first. */
    static int index(InputSpec spec, int c, int y, int x) {
        int h = spec.height();
        int w = spec.width();
        return switch (spec.layout()) {
            case NCHW, FLAT -> (c * h + y) * w + x;
            case NHWC -> (y * w + x) * spec.channels() + c;
        };
    }

    private static void requireImage(float[] example, InputSpec spec) {
        if (!spec.isImage()) {
            throw new IllegalArgumentException("input " + spec.describe() + " is not an image");
        }
        if (example.length != spec.length()) {
            throw new IllegalArgumentException(example.length + " values for input " + spec.describe());
        }
    }
}
