package dev.glassbox.featurevis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.Progress;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.GradientEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class FeatureVisualizerTest {

    private static final List<PixelRange> UNIT = List.of(PixelRange.UNIT, PixelRange.UNIT, PixelRange.UNIT);
    private static GradientEngine flawed;
    private static INDArray data;

    @BeforeAll
    static void load() {
        flawed = DemoModels.engine("shapes-flawed.zip");
        data = DemoModels.pictures(20);
    }

    @Test
    void optimizingAChannelBeatsEveryRealImage() {
        INDArray acts = flawed.activations(data, "conv2");          // [n, 32, 16, 16]
        INDArray means = acts.mean(2, 3);                            // [n, 32]
        INDArray max = means.max(0);
        // the two channels the data drives hardest; a channel that the grey start does not excite at all (conv2's
        // channel 6 here, third by this measure) has no gradient to follow and stays grey
        int[] channels = topTwo(max);
        List<Objective> objectives = new ArrayList<>();
        for (int c : channels) {
            objectives.add(Objective.channel("conv2", c));
        }
        long start = System.nanoTime();
        var pictures = new FeatureVisualizer(flawed, UNIT)
                .optimize(objectives, FeatureVisualizer.Settings.of(128, 1, 32, 32), Progress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < channels.length; i++) {
            double best = max.getDouble(channels[i]);
            double ratio = pictures.get(i).value() / best;
            System.out.printf("conv2 channel %d: picture %.3f, data set max %.3f, ratio %.2f%n", channels[i],
                    pictures.get(i).value(), best, ratio);
            assertTrue(ratio > 1, "channel " + channels[i] + ": ratio " + ratio);
        }
        System.out.printf("128 steps of 2 pictures: %.1f s%n", seconds);
    }

    @Test
    void theSameSeedGivesTheSamePictures() {
        var settings = FeatureVisualizer.Settings.of(8, 3, 32, 32);
        var a = new FeatureVisualizer(flawed, UNIT).optimize(List.of(Objective.classLogit(3)), settings, Progress.NONE);
        var b = new FeatureVisualizer(flawed, UNIT).optimize(List.of(Objective.classLogit(3)), settings, Progress.NONE);
        var c = new FeatureVisualizer(flawed, UNIT)
                .optimize(List.of(Objective.classLogit(3)), FeatureVisualizer.Settings.of(8, 4, 32, 32), Progress.NONE);
        assertArrayEquals(a.get(0).pixels(), b.get(0).pixels());
        assertTrue(!java.util.Arrays.equals(a.get(0).pixels(), c.get(0).pixels()));
    }

    @Test
    void theDiversityTermSetsCopiesOfOneObjectiveApart() {
        var goal = List.of(new FeatureVisualizer.Goal(Objective.channel("conv2", 3), 3));
        var plain = FeatureVisualizer.Settings.of(24, 2, 32, 32);
        var together = new FeatureVisualizer(flawed, UNIT).optimizeGoals(goal, plain, Progress.NONE);
        var apart = new FeatureVisualizer(flawed, UNIT).optimizeGoals(goal, plain.withDiversity(20), Progress.NONE);
        double similarTogether = similarity(together);
        double similarApart = similarity(apart);
        System.out.printf("conv2 Gram similarity of 3 copies: %.3f without the diversity term, %.3f with it%n",
                similarTogether, similarApart);
        assertTrue(similarApart < similarTogether - 0.05, similarApart + " vs " + similarTogether);
    }

    /** Diversity's own measure of how alike the copies' conv2 activations are. */
    private static double similarity(List<FeatureVisualizer.Picture> pictures) {
        INDArray batch = org.nd4j.linalg.factory.Nd4j.create(pictures.stream().map(FeatureVisualizer.Picture::pixels)
                .toArray(float[][]::new)).reshape('c', pictures.size(), 3, 32, 32);
        INDArray acts = flawed.activations(batch, "conv2");
        Activations layout = Activations.of(flawed.layer("conv2"));
        float[][] rows = new float[pictures.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = acts.slice(i).dup('c').reshape(-1).toFloatVector();
        }
        return Diversity.value(rows, layout);
    }

    @Test
    void grayscaleModelsGetGrayscalePictures() {
        GradientEngine gray = GradientEngine.create(dev.glassbox.testing.TinyNets.grayscale(4));
        var visualizer = new FeatureVisualizer(gray, List.of(PixelRange.UNIT));
        var start = visualizer.optimize(List.of(Objective.classLogit(1)), FeatureVisualizer.Settings.of(1, 8, 8, 8),
                Progress.NONE);
        var end = visualizer.optimize(List.of(Objective.classLogit(1)), FeatureVisualizer.Settings.of(40, 8, 8, 8),
                Progress.NONE);
        assertTrue(end.get(0).pixels().length == 64, "one channel of 8x8");
        assertTrue(end.get(0).value() > start.get(0).value() + 0.1, start.get(0).value() + " -> " + end.get(0).value());
    }

    private static int[] topTwo(INDArray v) {
        double[] values = v.toDoubleVector();
        return java.util.stream.IntStream.range(0, values.length).boxed()
                .sorted((a, b) -> Double.compare(values[b], values[a])).limit(2).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void picturesBeyondTheMemoryBudgetAreOptimizedInSeveralBatchesInOrder() {
        GradientEngine small = GradientEngine.create(flawed.model(), flawed.dataType(),
                new dev.glassbox.model.MemoryBudget(dev.glassbox.model.MemoryBudget.MINIMUM));
        int rows = small.passSizes().gradientRows();
        int each = rows / 6 + 1; // six goals of this many pictures need more than one pass
        List<FeatureVisualizer.Goal> goals = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            goals.add(new FeatureVisualizer.Goal(Objective.classLogit(k), each));
        }
        var pictures = new FeatureVisualizer(small, UNIT)
                .optimizeGoals(goals, FeatureVisualizer.Settings.of(4, 1, 32, 32), Progress.NONE);
        org.junit.jupiter.api.Assertions.assertEquals(6 * each, pictures.size());
        for (int i = 0; i < 6 * each; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(Objective.classLogit(i / each), pictures.get(i).objective());
        }
    }
}
