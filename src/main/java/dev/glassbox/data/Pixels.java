package dev.glassbox.data;

/**
 * An image's pixels as its file stores them, in 0-255: one plane for a gray file, three (red, green, blue) for a
 * colour one, row-major. A model with one channel sees a colour file's luma, and a model with three sees a gray
 * file's value in each channel, as Pillow's {@code convert("L")} and {@code convert("RGB")} give them.
 *
 * @param width  in pixels
 * @param height in pixels
 * @param planes 1 (gray) or 3 (red, green, blue)
 * @param values {@code planes * height * width} values, plane after plane
 */
public record Pixels(int width, int height, int planes, byte[] values) {

    public Pixels {
        if (planes != 1 && planes != 3) {
            throw new IllegalArgumentException(planes + " planes; 1 (gray) or 3 (RGB)");
        }
        if (values.length != planes * width * height) {
            throw new IllegalArgumentException(values.length + " values for " + planes + "x" + height + "x" + width);
        }
    }

    public boolean isGray() {
        return planes == 1;
    }

    /** Channel {@code c} (0 red, 1 green, 2 blue) of pixel (x, y); a gray pixel has its value in every channel. */
    public int value(int c, int x, int y) {
        int p = y * width + x;
        return values[planes == 1 ? p : c * width * height + p] & 0xff;
    }

    /**
     * The gray value of pixel (x, y): a gray file's own value, a colour file's luma by ITU-R 601-2 in Pillow's
     * fixed-point form ({@code (299 R + 587 G + 114 B) / 1000}, rounded), so that a gray pixel stays what it is.
     */
    public int gray(int x, int y) {
        int p = y * width + x;
        if (planes == 1) {
            return values[p] & 0xff;
        }
        int plane = width * height;
        return luma(values[p] & 0xff, values[plane + p] & 0xff, values[2 * plane + p] & 0xff);
    }

    /** Pillow's {@code L24}: the weights sum to 65,536, so R = G = B = v gives v. */
    static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    /**
     * The pixels as {@code channels} (1 or 3) planes, channels first, each value through {@code f(channel, value)}.
     *
     * @param into   where they go, from {@code offset}
     */
    public void toChannelsFirst(int channels, ValueMap f, float[] into, int offset) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException(channels + " channels; pictures give 1 or 3");
        }
        int plane = width * height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = offset + y * width + x;
                if (channels == 1) {
                    into[p] = (float) f.apply(0, gray(x, y));
                } else {
                    for (int c = 0; c < 3; c++) {
                        into[p + c * plane] = (float) f.apply(c, value(c, x, y));
                    }
                }
            }
        }
    }

    /** What a raw pixel value (0-255) of a channel becomes. */
    @FunctionalInterface
    public interface ValueMap {
        double apply(int channel, int value);
    }
}
