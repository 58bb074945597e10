package dev.glassbox.attribution;

import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;

/**
 * One example seen as channels × height × width, whatever its layout: a flat vector that is not an image is one
 * channel, one row and {@code length} columns. Lets blur, masks and upsampling treat every input alike.
 */
record Geometry(InputLayout layout, int channels, int height, int width) {

    static Geometry of(InputSpec spec) {
        if (!spec.isImage()) {
            return new Geometry(InputLayout.FLAT, 1, 1, (int) spec.length());
        }
        return new Geometry(spec.layout(), spec.channels(), spec.height(), spec.width());
    }

    int size() {
        return channels * height * width;
    }

    int pixels() {
        return height * width;
    }

    /** Where channel {@code c} of pixel (y, x) lies in one example. */
    int index(int c, int y, int x) {
        return layout == InputLayout.NHWC ? (y * width + x) * channels + c : (c * height + y) * width + x;
    }

    /** Copies a height × width plane into every channel of an example. */
    double[] spread(double[] plane) {
        double[] out = new double[size()];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out[index(c, y, x)] = plane[y * width + x];
                }
            }
        }
        return out;
    }
}
