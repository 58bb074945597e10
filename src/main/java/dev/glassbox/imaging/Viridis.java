package dev.glassbox.imaging;

/**
 * The viridis colour map (van der Walt and Smith, matplotlib's default): perceptually uniform, readable in grayscale
 * and by readers with the common forms of colour blindness. Dark purple is 0, yellow is 1.
 *
 * <p>Computed from Matt Zucker's degree-6 polynomial fit of matplotlib's 256-entry table (CC0, shadertoy WlfXRN),
 * which stays within about 0.011 of the table, largest at the two ends (see {@code ImagingTest}); a fit keeps
 * this file small and free of copied data.
 */
public final class Viridis {

    private static final double[][] COEFFICIENTS = {
        {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
        {0.1050930431085774, 1.404613529898575, 1.384590162594685},
        {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
        {-4.634230498983486, -5.799100973351585, -19.33244095627987},
        {6.228269936347081, 14.17993336680509, 56.69055260068105},
        {4.776384997670288, -13.74514537774601, -65.35303263337234},
        {-5.435455855934631, 4.645852612178535, 26.3124352495832},
    };

    /** 256 packed RGB colours, computed once: lookups are on the hot path of every overlay. */
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            TABLE[i] = compute(i / 255.0);
        }
    }

    private Viridis() {}

    /** The colour of {@code t} (clamped to [0, 1]) as packed {@code 0xRRGGBB}. */
    public static int rgb(double t) {
        double c = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        return TABLE[(int) Math.round(c * 255)];
    }

    /** The colour of {@code t} as red, green, blue in [0, 1], straight from the fit (for tests and charts). */
    public static double[] components(double t) {
        double c = Math.max(0, Math.min(1, t));
        double[] out = new double[3];
        for (int ch = 0; ch < 3; ch++) {
            double v = 0;
            for (int k = COEFFICIENTS.length - 1; k >= 0; k--) {
                v = v * c + COEFFICIENTS[k][ch];
            }
            out[ch] = Math.max(0, Math.min(1, v));
        }
        return out;
    }

    private static int compute(double t) {
        double[] c = components(t);
        return (int) Math.round(c[0] * 255) << 16 | (int) Math.round(c[1] * 255) << 8 | (int) Math.round(c[2] * 255);
    }
}
