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
import org.nd4j.linalg.indexing.NDArrayIndex;

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
        // the three channels the data drives hardest (a channel no image excites has no gradient to follow)
        int[] channels = topThree(max);
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
        System.out.printf("128 steps of 3 pictures: %.1f s%n", seconds);
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

    private static int[] topThree(INDArray v) {
        double[] values = v.toDoubleVector();
        return java.util.stream.IntStream.range(0, values.length).boxed()
                .sorted((a, b) -> Double.compare(values[b], values[a])).limit(3).mapToInt(Integer::intValue).toArray();
    }
}
