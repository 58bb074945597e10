package dev.glassbox.checks;

import static dev.glassbox.checks.CheckContexts.method;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.LoadedModel;
import dev.glassbox.model.ModelFormat;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.model.ModelUnderTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The cascading randomization on a small conv net (conv → max pool → dense → output: three learned layers, the top
 * two randomized for the judged figure) and pictures that are black except for a coloured 3×3 square.
 */
class SanityCheckTest {

    private static final LabelledImages SQUARES = squares(12, 3);

    private final ImageStore store = ImageStore.temporary();
    private final SanityCheck check = new SanityCheck();

    @AfterEach
    void close() {
        store.close();
    }

    /**
     * conv 3×3 ("same" padding, ReLU, biases 0.1 as training leaves them: not zero) → max pool 2×2 → dense 8 (tanh)
     * → softmax over 3 classes; seeded Xavier weights.
     *
     * <p>Without padding, the pixels near the edge are covered by fewer 3×3 windows, so their gradient is smaller
     * whatever the weights; on 8×8 pictures that alone keeps saliency's rank correlation near 0.5 (measured 0.51 to
     * 0.63 over six seeds), so these nets pad.
     */
    private static ModelUnderTest convNet(int channels, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv").nOut(channels)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool").kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new DenseLayer.Builder().name("dense").nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 3))
                .build());
        net.init();
        net.getLayer(0).setParam("b", Nd4j.zeros(DataType.FLOAT, 1, channels).addi(0.1));
        Path file = Path.of("conv.zip");
        return new ModelUnderTest("conv", file, GradientEngine.create(new LoadedModel(file, ModelFormat.DL4J_ZIP, net,
                CheckContexts.PICTURE)));
    }

    /** Black 8×8 pictures, each with a 3×3 square of a random colour at a random place; 3 classes in turn. */
    static LabelledImages squares(int n, long seed) {
        Random r = new Random(seed);
        float[][][][] x = new float[n][3][8][8];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            int y0 = r.nextInt(6);
            int x0 = r.nextInt(6);
            for (int c = 0; c < 3; c++) {
                float v = 0.3f + 0.7f * r.nextFloat();
                for (int y = y0; y < y0 + 3; y++) {
                    for (int xx = x0; xx < x0 + 3; xx++) {
                        x[i][c][y][xx] = v;
                    }
                }
            }
        }
        List<String> files = IntStream.range(0, n).mapToObj(i -> "square-" + i + ".png").toList();
        return LabelledImages.inMemory("squares", List.of("a", "b", "c"), CheckContexts.PICTURE, Nd4j.create(x),
                labels, files, PixelRange.UNIT);
    }

    private List<CheckResult> run(ModelUnderTest model, List<MethodSpec> methods) {
        CheckContext context = CheckContexts.of(model, List.of(CheckContexts.evaluated(model, SQUARES)), methods,
                store);
        return check.run(context, CheckContexts.settings(check, Map.of()));
    }

    @Test
    void saliencyPassesAndInputTimesGradientFailsOnMostlyBlackPictures() {
        // input × gradient is 0 wherever the picture is black, whatever the model: its maps show where the square
        // is, and stay the same when the model's top layers are random (measured 0.99 for both it and integrated
        // gradients). Saliency's maps change (measured 0.10 once the top two layers are random).
        List<CheckResult> results = run(convNet(4, 1), List.of(method("saliency"), method("input-x-gradient"),
                method("integrated-gradients", Map.of("steps", "8"))));
        assertEquals(List.of("saliency", "input-x-gradient", "integrated-gradients"),
                results.stream().map(CheckResult::method).toList());

        CheckResult saliency = results.get(0);
        assertEquals(CheckStatus.PASS, saliency.status(), saliency.finding());
        assertTrue(saliency.value() < 0.3, "saliency similarity " + saliency.value());
        assertEquals(0.5, saliency.threshold());
        assertEquals(saliency.value(), saliency.details().get("similarity after dense"));
        assertEquals(List.of("similarity after out", "similarity after dense", "similarity after conv"),
                List.copyOf(saliency.details().keySet()));
        assertTrue(saliency.finding().contains("Once the top 2 of 3 learned layers (out, dense) are random, the rank"
                + " correlation with the first pictures is "), saliency.finding());
        assertTrue(saliency.finding().endsWith(" once all are, over 8 images of squares."), saliency.finding());
        CheckChart.Series cascade = saliency.charts().get(0).series().get(0);
        assertArrayEquals(new double[] {0, 1, 2, 3}, cascade.x());
        assertEquals(1.0, cascade.y()[0]);
        assertEquals(2, saliency.evidence().size());

        for (CheckResult r : results.subList(1, 3)) {
            assertEquals(CheckStatus.FAIL, r.status(), r.finding());
            assertTrue(r.value() > 0.9, r.method() + " similarity " + r.value());
            assertTrue(r.finding().startsWith(r.method() + "'s pictures barely change when conv's layers are replaced"
                    + " by random ones"), r.finding());
            assertTrue(r.finding().contains("Do not trust " + r.method() + "'s pictures for this model."));
        }
    }

    @Test
    void gradCamOnALayerWithOneChannelIgnoresTheLayersAboveIt() {
        // With one channel Grad-CAM's map is α A: the layer's activation times one number, which is all the layers
        // above can change. Without the ReLU that number's sign does not matter to |α A|, so the ranks are those of
        // A, the same for any top layers (measured 1.00).
        CheckResult one = run(convNet(1, 1), List.of(method("grad-cam", Map.of("relu", "false")))).get(0);
        assertEquals(CheckStatus.FAIL, one.status(), one.finding());
        assertEquals(1.0, one.value(), 1e-3);
        // with four channels the top layers weigh the channels, and the battery's Grad-CAM (with its ReLU) changes
        // (measured 0.10; without the ReLU 0.65, as the constant activation on black still ranks every black pixel
        // alike)
        CheckResult four = run(convNet(4, 1), List.of(method("grad-cam"))).get(0);
        assertEquals(CheckStatus.PASS, four.status(), four.finding());
    }

    @Test
    void skipsWithoutMethods() {
        List<CheckResult> results = run(convNet(1, 1), List.of());
        assertEquals(1, results.size());
        assertEquals(CheckStatus.SKIPPED, results.get(0).status());
    }

    @Test
    void aDeepModelsCascadeIsMeasuredAtSpreadPointsWithTheHalfWayPointAndTheEnd() {
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, SanityCheck.points(5, 3, 8), "every layer of a shallow model");
        int[] deep = SanityCheck.points(41, 21, 8);
        assertEquals(8, deep.length, java.util.Arrays.toString(deep));
        assertTrue(java.util.Arrays.binarySearch(deep, 21) >= 0, java.util.Arrays.toString(deep));
        assertEquals(41, deep[deep.length - 1]);
        for (int layers = 9; layers <= 60; layers++) {
            int half = (layers + 1) / 2;
            int[] p = SanityCheck.points(layers, half, 8);
            assertTrue(java.util.Arrays.binarySearch(p, half) >= 0 && p[p.length - 1] == layers && p.length <= 8,
                    layers + ": " + java.util.Arrays.toString(p));
        }
    }
}
