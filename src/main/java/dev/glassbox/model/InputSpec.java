package dev.glassbox.model;

import java.util.Arrays;

/**
 * The shape of one example as the model takes it, and how an image maps onto it.
 *
 * @param layout   NCHW, NHWC or flat
 * @param channels image channels (1 = grayscale); for a flat input that is not an image, 1
 * @param height   image height, or 0 when a flat input has no known image shape
 * @param width    image width, or the vector length when a flat input has no known image shape
 * @param length   number of values in one example
 */
public record InputSpec(InputLayout layout, int channels, int height, int width, long length) {

    public InputSpec {
        if (channels < 1 || width < 1 || height < 0 || length < 1) {
            throw new IllegalArgumentException("invalid input spec " + layout + " c=" + channels + " h=" + height
                    + " w=" + width + " n=" + length);
        }
        if (height > 0 && (long) channels * height * width != length) {
            throw new IllegalArgumentException("input spec " + channels + "x" + height + "x" + width
                    + " does not hold " + length + " values");
        }
    }

    public static InputSpec image(InputLayout layout, int channels, int height, int width) {
        return new InputSpec(layout, channels, height, width, (long) channels * height * width);
    }

    /** A flat vector that is not an image (a 3-feature dense net). */
    public static InputSpec vector(long length) {
        return new InputSpec(InputLayout.FLAT, 1, 0, (int) length, length);
    }

    /** A flat vector holding a row-major image (LeNet's [784] = 28x28x1, channels first). */
    public static InputSpec flatImage(int channels, int height, int width) {
        return new InputSpec(InputLayout.FLAT, channels, height, width, (long) channels * height * width);
    }

    /**
     * Reads {@code LAYOUT:SHAPE} as a user writes it: {@code NCHW:3x32x32}, {@code NHWC:28x28x1}, {@code flat:784}
     * (a vector) or {@code flat:1x28x28} (a flat row-major image, channels first).
     */
    public static InputSpec parse(String text) {
        int colon = text.indexOf(':');
        String help = "input '" + text + "' is not LAYOUT:SHAPE, for example NCHW:3x32x32, NHWC:32x32x3 or flat:784";
        if (colon < 0) {
            throw dev.glassbox.GlassboxException.usage(help);
        }
        InputLayout layout = InputLayout.parse(text.substring(0, colon));
        int[] dims;
        try {
            dims = java.util.Arrays.stream(text.substring(colon + 1).trim().split("[xX,]"))
                    .mapToInt(d -> Integer.parseInt(d.trim())).toArray();
        } catch (NumberFormatException e) {
            throw dev.glassbox.GlassboxException.usage(help);
        }
        if (java.util.Arrays.stream(dims).anyMatch(d -> d < 1)) {
            throw dev.glassbox.GlassboxException.usage(help);
        }
        return switch (layout) {
            case NCHW -> dims.length == 3 ? image(layout, dims[0], dims[1], dims[2]) : fail(help);
            case NHWC -> dims.length == 3 ? image(layout, dims[2], dims[0], dims[1]) : fail(help);
            case FLAT -> dims.length == 1 ? InputSpecDetector.flat(dims[0])
                    : dims.length == 3 ? flatImage(dims[0], dims[1], dims[2]) : fail(help);
        };
    }

    private static InputSpec fail(String message) {
        throw dev.glassbox.GlassboxException.usage(message);
    }

    public boolean isImage() {
        return height > 0;
    }

    /** The shape of one example, without the batch dimension. */
    public long[] exampleShape() {
        return switch (layout) {
            case NCHW -> new long[] {channels, height, width};
            case NHWC -> new long[] {height, width, channels};
            case FLAT -> new long[] {length};
        };
    }

    /** The shape of a batch of {@code n} examples. */
    public long[] batchShape(long n) {
        long[] e = exampleShape();
        long[] s = new long[e.length + 1];
        s[0] = n;
        System.arraycopy(e, 0, s, 1, e.length);
        return s;
    }

    public String describe() {
        String shape = Arrays.toString(exampleShape());
        return switch (layout) {
            case NCHW, NHWC -> shape + " " + layout + ", " + channels + (channels == 1 ? " channel" : " channels");
            case FLAT -> isImage()
                    ? shape + " flat (a " + height + "x" + width + "x" + channels + " image, row-major)"
                    : shape + " flat";
        };
    }
}
