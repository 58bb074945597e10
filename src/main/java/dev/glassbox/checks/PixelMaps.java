package dev.glassbox.checks;

import dev.glassbox.model.InputSpec;
import dev.glassbox.model.Layouts;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Attribution maps reduced to one value per pixel of the image, the form focus, sanity and faithfulness compare. */
final class PixelMaps {

    /** How input values of a pixel's channels become its one value. */
    enum Reduce {
        /** The sum of the positive parts: evidence for the class (negative values are evidence against). */
        POSITIVE,
        /** The sum of magnitudes: how much the pixel matters at all. */
        ABSOLUTE,
        /** The plain sum: evidence for the class minus evidence against it. */
        SIGNED
    }

    private PixelMaps() {}

    /**
     * {@code [n][height * width]} from maps in the model's input form ({@code modelInput}), or at a layer's
     * {@code [n, h, w]} size (stretched to the image, nearest).
     */
    static float[][] of(INDArray maps, InputSpec modelInput, InputSpec picture, Reduce reduce) {
        int n = (int) maps.size(0);
        int h = picture.height();
        int w = picture.width();
        float[][] out = new float[n][h * w];
        if (maps.rank() == 3) {
            int mh = (int) maps.size(1);
            int mw = (int) maps.size(2);
            float[][] small = maps.castTo(DataType.FLOAT).dup('c').reshape('c', n, (long) mh * mw).toFloatMatrix();
            for (int i = 0; i < n; i++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        out[i][y * w + x] = reduce(small[i][(y * mh / h) * mw + x * mw / w], reduce);
                    }
                }
            }
            return out;
        }
        InputSpec nchw = CheckContext.pixelSpecOf(picture);
        float[][] v = Layouts.convert(maps.castTo(DataType.FLOAT), modelInput, nchw, "attribution", "model")
                .dup('c').reshape('c', n, nchw.length()).toFloatMatrix();
        int hw = h * w;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < picture.channels(); c++) {
                for (int p = 0; p < hw; p++) {
                    out[i][p] += reduce(v[i][c * hw + p], reduce);
                }
            }
        }
        return out;
    }

    private static float reduce(float v, Reduce reduce) {
        return switch (reduce) {
            case POSITIVE -> Math.max(v, 0);
            case ABSOLUTE -> Math.abs(v);
            case SIGNED -> v;
        };
    }

    /** Row {@code i} of a batch. */
    static INDArray row(INDArray batch, int i) {
        return batch.get(NDArrayIndex.interval(i, i + 1));
    }
}
