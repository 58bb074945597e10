package dev.glassbox.featurevis;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One drawn view of each picture in a batch: view pixel (x, y) shows the picture at
 * {@code centre + R(angle)·((x, y) - centre) / scale + shift}, read by bilinear interpolation, grey outside. Linear in
 * the picture, so its gradient is the same weights sent back ({@link #backward}).
 */
final class Warp {

    private final int height;
    private final int width;
    /** Per picture and view pixel, the four picture pixels read (-1: outside) and their weights. */
    private final int[][] taps;
    private final float[][] weights;

    /** @param views per picture {scale, angle in radians, shift x, shift y} */
    Warp(int height, int width, double[][] views) {
        this.height = height;
        this.width = width;
        int pixels = height * width;
        this.taps = new int[views.length][4 * pixels];
        this.weights = new float[views.length][4 * pixels];
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        for (int b = 0; b < views.length; b++) {
            double scale = views[b][0];
            double cos = Math.cos(views[b][1]) / scale;
            double sin = Math.sin(views[b][1]) / scale;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double ux = x - cx;
                    double uy = y - cy;
                    double sx = cx + cos * ux - sin * uy + views[b][2];
                    double sy = cy + sin * ux + cos * uy + views[b][3];
                    int x0 = (int) Math.floor(sx);
                    int y0 = (int) Math.floor(sy);
                    double fx = sx - x0;
                    double fy = sy - y0;
                    int at = 4 * (y * width + x);
                    set(b, at, x0, y0, (1 - fx) * (1 - fy));
                    set(b, at + 1, x0 + 1, y0, fx * (1 - fy));
                    set(b, at + 2, x0, y0 + 1, (1 - fx) * fy);
                    set(b, at + 3, x0 + 1, y0 + 1, fx * fy);
                }
            }
        }
    }

    private void set(int b, int at, int x, int y, double weight) {
        boolean inside = x >= 0 && x < width && y >= 0 && y < height;
        taps[b][at] = inside ? y * width + x : -1;
        weights[b][at] = (float) weight;
    }

    /** The views of pictures {@code [batch, channels, height, width]}. */
    INDArray apply(INDArray pictures) {
        int batch = taps.length;
        int channels = (int) pictures.size(1);
        int pixels = height * width;
        float[] in = pictures.dup('c').reshape(-1).toFloatVector();
        float[] out = new float[in.length];
        for (int b = 0; b < batch; b++) {
            int[] t = taps[b];
            float[] w = weights[b];
            for (int c = 0; c < channels; c++) {
                int base = (b * channels + c) * pixels;
                for (int p = 0; p < pixels; p++) {
                    float v = 0;
                    for (int k = 4 * p; k < 4 * p + 4; k++) {
                        v += w[k] * (t[k] < 0 ? Transforms.GREY : in[base + t[k]]);
                    }
                    out[base + p] = v;
                }
            }
        }
        return Nd4j.create(out, pictures.shape(), 'c');
    }

    /** d(objective)/d(pictures) from d(objective)/d(views). */
    INDArray backward(INDArray gradient) {
        int batch = taps.length;
        int channels = (int) gradient.size(1);
        int pixels = height * width;
        float[] g = gradient.dup('c').reshape(-1).toFloatVector();
        float[] out = new float[g.length];
        for (int b = 0; b < batch; b++) {
            int[] t = taps[b];
            float[] w = weights[b];
            for (int c = 0; c < channels; c++) {
                int base = (b * channels + c) * pixels;
                for (int p = 0; p < pixels; p++) {
                    float gp = g[base + p];
                    for (int k = 4 * p; k < 4 * p + 4; k++) {
                        if (t[k] >= 0) {
                            out[base + t[k]] += w[k] * gp;
                        }
                    }
                }
            }
        }
        return Nd4j.create(out, gradient.shape(), 'c');
    }
}
