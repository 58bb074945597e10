package dev.glassbox.featurevis;

import dev.glassbox.data.ImageFolder;
import dev.glassbox.data.ShapeKind;
import dev.glassbox.data.ShapeSample;
import dev.glassbox.data.ShapesGenerator;
import dev.glassbox.data.ShapesSplit;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.ModelLoader;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The committed demo models and a few of their test pictures, drawn in memory (pixel / 255, as trained). */
final class DemoModels {

    private DemoModels() {
    }

    static GradientEngine engine(String name) {
        return GradientEngine.create(new ModelLoader().load(Path.of("fixtures", "models", name)));
    }

    /** {@code perClass} test-biased pictures of every shape, NCHW in [0, 1]. */
    static INDArray pictures(int perClass) {
        ShapesGenerator g = new ShapesGenerator(20_240);
        int side = ShapesGenerator.SIDE;
        int len = 3 * side * side;
        int n = perClass * ShapeKind.values().length;
        float[] pixels = new float[n * len];
        int i = 0;
        for (ShapeKind k : ShapeKind.values()) {
            for (int j = 0; j < perClass; j++, i++) {
                ShapeSample s = g.render(ShapesSplit.TEST_BIASED, k, j);
                ImageFolder.toChw(s.image(), 1f / 255f, pixels, i * len);
            }
        }
        return Nd4j.create(pixels, new long[] {n, 3, side, side}, 'c');
    }
}
