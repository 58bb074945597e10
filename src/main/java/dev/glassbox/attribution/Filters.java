package dev.glassbox.attribution;

/** Resampling and smoothing of one height × width plane, row-major. */
final class Filters {

    private Filters() {}

    /**
     * Bilinear resize with PyTorch's {@code align_corners=False}: pixel centres line up, and the border pixels are
     * repeated beyond the edge.
     */
    static double[] bilinear(double[] in, int inH, int inW, int outH, int outW) {
        double[] out = new double[outH * outW];
        for (int y = 0; y < outH; y++) {
            double sy = Math.max(0, (y + 0.5) * inH / outH - 0.5);
            int y0 = Math.min((int) sy, inH - 1);
            int y1 = Math.min(y0 + 1, inH - 1);
            double fy = sy - y0;
            for (int x = 0; x < outW; x++) {
                double sx = Math.max(0, (x + 0.5) * inW / outW - 0.5);
                int x0 = Math.min((int) sx, inW - 1);
                int x1 = Math.min(x0 + 1, inW - 1);
                double fx = sx - x0;
                double top = in[y0 * inW + x0] * (1 - fx) + in[y0 * inW + x1] * fx;
                double bottom = in[y1 * inW + x0] * (1 - fx) + in[y1 * inW + x1] * fx;
                out[y * outW + x] = top * (1 - fy) + bottom * fy;
            }
        }
        return out;
    }

    /** A separable Gaussian blur that repeats the border; a dimension of size 1 is left alone. */
    static double[] gaussianBlur(double[] in, int h, int w, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        double[] tmp = new double[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) {
                    v += k[i + r] * in[y * w + Math.min(w - 1, Math.max(0, x + i))];
                }
                tmp[y * w + x] = v;
            }
        }
        double[] out = new double[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int i = -r; i <= r; i++) {
                    v += k[i + r] * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x];
                }
                out[y * w + x] = v;
            }
        }
        return out;
    }
}
