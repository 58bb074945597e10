package dev.glassbox.imaging;

import java.util.Arrays;

/**
 * A non-negative importance value per pixel, row-major.
 *
 * @param height rows
 * @param width  columns
 * @param values {@code height * width} values, {@code values[y * width + x]}
 */
public record SaliencyMap(int height, int width, float[] values) {

    public SaliencyMap {
        if (height < 1 || width < 1 || values.length != height * width) {
            throw new IllegalArgumentException("a " + height + "x" + width + " map cannot hold " + values.length
                    + " values");
        }
        values = values.clone();
    }

    public float at(int y, int x) {
        return values[y * width + x];
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /**
     * The {@code p}-th percentile (0-100) by the nearest-rank method: a value the map actually holds, so the
     * brightest pixels are not decided by interpolation.
     */
    public float percentile(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile " + p + " is not in [0, 100]");
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /**
     * Values divided by the {@code p}-th percentile and clipped to [0, 1]. Clipping keeps one extreme pixel from
     * turning the rest of the map dark. An all-zero map stays zero.
     */
    public float[] normalized(double p) {
        float top = percentile(p);
        float[] out = new float[values.length];
        if (!(top > 0)) {
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(0, Math.min(1, values[i] / top));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SaliencyMap m && height == m.height && width == m.width && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SaliencyMap[" + height + "x" + width + "]";
    }
}
