package dev.glassbox.featurevis;

import dev.glassbox.imaging.PixelMaps;
import dev.glassbox.model.GradientEngine;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Neuron groups' activation on given pictures: per picture, the layer's activation projected on each group's unit
 * direction and averaged over positions (the measure the groups' pictures are optimized for), or over the positions
 * a place covers (a cue in one corner does not move the mean over the whole picture).
 */
public final class GroupActivity {

    private GroupActivity() {}

    /**
     * {@code [picture][group]} for a batch in the model's input form, in chunks of {@code batchSize}.
     *
     * @param directions each group's direction in the layer's channel space
     * @param places     per picture, the place to average over ({@code [height * width]} at picture size, true in
     *                   the place), or null for the whole picture
     * @param height     the pictures' height (for {@code places})
     * @param width      their width
     */
    public static double[][] of(GradientEngine engine, String layer, double[][] directions, INDArray input,
                                int batchSize, boolean[][] places, int height, int width) {
        Activations layout = Activations.of(engine.layer(layer));
        long[] grid = engine.layer(layer).spatial() ? engine.layer(layer).spatialSize() : new long[] {1, 1};
        double[][] unit = units(directions, layout.channels());
        int n = (int) input.size(0);
        double[][] out = new double[n][];
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            float[] a = engine.activations(input.get(NDArrayIndex.interval(from, to)), layer).castTo(DataType.FLOAT)
                    .dup('c').data().asFloat();
            for (int i = 0; i < to - from; i++) {
                double[] weights = places == null ? null : weights(places[from + i], (int) grid[0], (int) grid[1],
                        height, width);
                out[from + i] = project(a, i * layout.length(), layout, weights, unit);
            }
        }
        return out;
    }

    /** Each group's unit direction, {@code [group][channel]}. */
    private static double[][] units(double[][] directions, int channels) {
        double[][] unit = new double[directions.length][channels];
        for (int g = 0; g < directions.length; g++) {
            double norm = 0;
            for (double v : directions[g]) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int c = 0; c < channels && c < directions[g].length; c++) {
                unit[g][c] = norm > 0 ? directions[g][c] / norm : 0;
            }
        }
        return unit;
    }

    /** The share of each layer position's cell inside the place. */
    private static double[] weights(boolean[] place, int mh, int mw, int h, int w) {
        double[] inside = new double[mh * mw];
        double[] count = new double[mh * mw];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int cell = PixelMaps.cell(y, x, mh, mw, h, w);
                count[cell]++;
                inside[cell] += place[y * w + x] ? 1 : 0;
            }
        }
        for (int p = 0; p < inside.length; p++) {
            inside[p] = count[p] > 0 ? inside[p] / count[p] : 0;
        }
        return inside;
    }

    /** The weighted mean over positions of the activation, projected on each unit direction. */
    private static double[] project(float[] a, int offset, Activations layout, double[] weights, double[][] unit) {
        double[] mean = new double[layout.channels()];
        double total = 0;
        for (int p = 0; p < layout.positions(); p++) {
            double wp = weights == null ? 1 : weights[p];
            total += wp;
            for (int c = 0; c < layout.channels(); c++) {
                mean[c] += wp * a[offset + layout.at(c, p)];
            }
        }
        double[] out = new double[unit.length];
        for (int g = 0; g < unit.length; g++) {
            for (int c = 0; c < mean.length; c++) {
                out[g] += unit[g][c] * mean[c] / Math.max(total, 1e-12);
            }
        }
        return out;
    }
}
