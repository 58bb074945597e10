package dev.glassbox.imaging;

import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.Layouts;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Attribution maps as one value per pixel of the picture: the one place where a map in the model's input form, or
 * at a layer's {@code [n, h, w]} size, becomes a picture-sized map (the gallery, the checks and the neuron pages all
 * go through here).
 */
public final class PixelMaps {

    /** How the values of a pixel's channels become its one value. */
    public enum Reduce {
        /** The sum of the positive parts: evidence for the class (negative values are evidence against). */
        POSITIVE,
        /** The sum of magnitudes: how much the pixel matters at all. */
        ABSOLUTE,
        /** The plain sum: evidence for the class minus evidence against it. */
        SIGNED,
        /** The largest magnitude over the channels: saliency as Simonyan et al. and Captum draw it. */
        MAX_ABSOLUTE
    }

    private PixelMaps() {}

    /**
     * {@code [n][height * width]} from maps in the model's input form ({@code modelInput}), or at a layer's
     * {@code [n, h, w]} size (stretched to the picture, nearest).
     */
    public static float[][] of(INDArray maps, InputSpec modelInput, InputSpec picture, Reduce reduce) {
        int n = (int) maps.size(0);
        int h = picture.height();
        int w = picture.width();
        float[][] out = new float[n][h * w];
        if (maps.rank() == 3) { // image inputs have rank 4 and flat ones rank 2: rank 3 is a layer's [n, h, w]
            int mh = (int) maps.size(1);
            int mw = (int) maps.size(2);
            float[][] small = maps.castTo(DataType.FLOAT).dup('c').reshape('c', n, (long) mh * mw).toFloatMatrix();
            for (int i = 0; i < n; i++) {
                float[] stretched = stretch(small[i], mh, mw, h, w);
                for (int p = 0; p < stretched.length; p++) {
                    out[i][p] = reduce(stretched[p], reduce);
                }
            }
            return out;
        }
        InputSpec nchw = InputSpec.image(InputLayout.NCHW, picture.channels(), h, w);
        float[][] v = Layouts.convert(maps.castTo(DataType.FLOAT), modelInput, nchw, "attribution", "model")
                .dup('c').reshape('c', n, nchw.length()).toFloatMatrix();
        int hw = h * w;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < picture.channels(); c++) {
                for (int p = 0; p < hw; p++) {
                    float r = reduce(v[i][c * hw + p], reduce);
                    out[i][p] = reduce == Reduce.MAX_ABSOLUTE ? Math.max(out[i][p], r) : out[i][p] + r;
                }
            }
        }
        return out;
    }

    /** A map over an {@code mh x mw} grid drawn at {@code h x w}: each pixel takes its grid cell's value. */
    public static float[] stretch(float[] small, int mh, int mw, int h, int w) {
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = small[cell(y, x, mh, mw, h, w)];
            }
        }
        return out;
    }

    /** The grid cell of picture pixel (y, x). */
    public static int cell(int y, int x, int mh, int mw, int h, int w) {
        return (int) ((long) y * mh / h) * mw + (int) ((long) x * mw / w);
    }

    private static float reduce(float v, Reduce reduce) {
        return switch (reduce) {
            case POSITIVE -> Math.max(v, 0);
            case ABSOLUTE, MAX_ABSOLUTE -> Math.abs(v);
            case SIGNED -> v;
        };
    }
}
