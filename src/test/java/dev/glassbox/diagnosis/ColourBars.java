package dev.glassbox.diagnosis;

import dev.glassbox.checks.BarImages;
import dev.glassbox.checks.CheckContexts;
import dev.glassbox.checks.LinearModels;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.ModelUnderTest;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model that tells the bars apart by colour alone: red bars are vertical, green ones horizontal, and a picture
 * without colour is "other" (a class with no pictures). Grayscale breaks every class alike.
 */
final class ColourBars {

    static final List<String> CLASSES = List.of("vertical", "horizontal", "other");

    private ColourBars() {}

    /** {@code logit_v = Σ (R − G)}, {@code logit_h = Σ (G − R)} over every pixel, {@code logit_other = 0.5}. */
    static ModelUnderTest model() {
        float[][] w = new float[3][LinearModels.PIXELS];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                w[0][LinearModels.at(0, y, x)] = 1;
                w[0][LinearModels.at(1, y, x)] = -1;
                w[1][LinearModels.at(1, y, x)] = 1;
                w[1][LinearModels.at(0, y, x)] = -1;
            }
        }
        return LinearModels.model("colour-bars", w, new float[] {0, 0, 0.5f});
    }

    /** Red vertical and green horizontal bars on gray, {@code perClass} of each, with masks. */
    static LabelledImages pictures(int perClass) {
        int n = 2 * perClass;
        float[][][][] px = new float[n][3][8][8];
        float[][][] m = new float[n][8][8];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int cls = i % 2;
            labels[i] = cls;
            float level = 0.7f + 0.2f * (i % 5) / 4;
            float[] colour = cls == 0 ? new float[] {level, 0.2f, 0.2f} : new float[] {0.2f, level, 0.2f};
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean bar = BarImages.bar(cls, y, x);
                    m[i][y][x] = bar ? 1 : 0;
                    for (int c = 0; c < 3; c++) {
                        px[i][c][y][x] = bar ? colour[c] : BarImages.GRAY[c];
                    }
                }
            }
        }
        List<String> files = IntStream.range(0, n).mapToObj(i -> "bar-" + i + ".png").toList();
        var masks = Nd4j.create(m);
        return LabelledImages.inMemory("colour", CLASSES, CheckContexts.PICTURE, Nd4j.create(px), labels, files,
                PixelRange.UNIT).withMasks((from, to) -> masks.get(
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to)));
    }
}
