package dev.glassbox.imaging;

/**
 * Which input values show as black and as white when an input tensor is drawn as a picture; values outside are
 * clamped. Preprocessed inputs are rarely 0-255, so the data set says what its numbers mean.
 *
 * @param black the value drawn as 0
 * @param white the value drawn as 255
 */
public record PixelRange(double black, double white) {

    /** Inputs scaled to [0, 1], the most common preprocessing. */
    public static final PixelRange UNIT = new PixelRange(0, 1);

    public PixelRange {
        if (!(white > black) || Double.isInfinite(black) || Double.isInfinite(white)) {
            throw new IllegalArgumentException("pixel range [" + black + ", " + white + "] is empty or unbounded");
        }
    }

    /** The range of raw 0-255 pixels after {@code (raw * scale - mean) / std}. */
    public static PixelRange ofPreprocessing(double scale, double mean, double std) {
        return new PixelRange((0 - mean) / std, (255 * scale - mean) / std);
    }

    int toByte(double v) {
        double t = (v - black) / (white - black);
        return (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
    }
}
