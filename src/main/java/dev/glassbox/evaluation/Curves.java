package dev.glassbox.evaluation;

/** Areas under curves sampled at evenly spaced points of [0, 1]. */
public final class Curves {

    private Curves() {}

    /** The trapezoid-rule area under {@code y} sampled at {@code x = i / (n - 1)}. */
    public static double area(double[] y) {
        if (y.length < 2) {
            throw new IllegalArgumentException("a curve needs at least two points");
        }
        double sum = 0;
        for (int i = 1; i < y.length; i++) {
            sum += (y[i - 1] + y[i]) / 2;
        }
        return sum / (y.length - 1);
    }
}
