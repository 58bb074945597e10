package dev.glassbox.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine on real trained models it did not make: loading, input detection, and finite-difference agreement. */
class ExternalModelsTest {

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("models/keras/kilneta_mnist_cnn_keras2.10_sequential.h5", new long[] {28, 28, 1}, 10),
                Arguments.of("models/keras/eviljuicebox_mnist_dnn_keras2.2.4_sequential.h5", new long[] {28, 28, 1}, 10),
                Arguments.of("models/keras/sagecodes_keras_cifar10_trained_model_keras2.2.4_sequential.h5",
                        new long[] {32, 32, 3}, 10),
                Arguments.of("models/keras/eviljuicebox_cifar10_dnn_resnet20_keras2.2.4_functional.h5",
                        new long[] {32, 32, 3}, 10),
                Arguments.of("models/dl4j-native/dl4j-test-resources_mnist-model_lenet.zip", new long[] {784}, 10),
                Arguments.of("models/dl4j-native/dl4j-examples_android_trained_mnist_model_mlp.zip",
                        new long[] {1, 28, 28}, 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void engineGradientsAgreeWithFiniteDifferences(String file, long[] exampleShape, int classes) {
        Path path = SharedFixtures.external(file);
        LoadedModel model = new ModelLoader().load(path);
        assertArrayEquals(exampleShape, model.input().exampleShape(), "detected input shape");

        GradientCheck.Result result = GradientCheck.standard(model).run();
        GradientEngine engine = GradientEngine.create(model);
        assertEquals(classes, engine.classes());
        assertTrue(engine.hasSoftmaxHead(), "a softmax classifier's head is found and removed");
        assertTrue(result.points() >= 10, "compared " + result.points() + " points");
        assertTrue(result.passed(), () -> "max relative error " + result.maxRelativeError() + " at "
                + result.worst() + "; all: " + result.sites());
    }

    @org.junit.jupiter.api.Test
    void spatialLayersKnowWhereTheirChannelsAre() {
        GradientEngine keras = GradientEngine.create(new ModelLoader().load(
                SharedFixtures.external("models/keras/kilneta_mnist_cnn_keras2.10_sequential.h5")));
        LayerInfo conv = keras.layer("conv2d");
        assertTrue(conv.channelsLast());
        assertEquals(16, conv.channels());
        assertArrayEquals(new long[] {28, 28}, conv.spatialSize(), "5x5, padding same");
        assertTrue(keras.layer("activation").channelsLast(), "an activation layer keeps its input's layout");

        GradientEngine lenet = GradientEngine.create(new ModelLoader().load(
                SharedFixtures.external("models/dl4j-native/dl4j-test-resources_mnist-model_lenet.zip")));
        assertTrue(lenet.spatialLayers().stream().noneMatch(LayerInfo::channelsLast));
        assertEquals(20, lenet.spatialLayers().get(0).channels());
    }

    /**
     * The rows a pass takes come from the memory a pass was measured to take: the ResNet-20's 68 CIFAR pictures fit
     * one gradient pass of a 512 MiB budget (the estimate from layer shapes split them into three, 40% slower), and a
     * real pass of 68 rows stays within the budget, workspaces and the margin beside them together.
     */
    @org.junit.jupiter.api.Test
    void theResNetTakesTheCifarPicturesInOneGradientPassWithinTheBudget() {
        MemoryBudget budget = MemoryBudget.parse("512m");
        GradientEngine engine = GradientEngine.create(new ModelLoader().load(SharedFixtures.external(
                "models/keras/eviljuicebox_cifar10_dnn_resnet20_keras2.2.4_functional.h5")),
                org.nd4j.linalg.api.buffer.DataType.FLOAT, budget);
        PassSizes sizes = engine.passSizes();
        assertTrue(sizes.gradientRows() >= 68, () -> "rows per gradient pass " + sizes);
        assertTrue(sizes.forwardRows() > sizes.gradientRows(), () -> sizes.toString());

        int rows = 68;
        // differentiate runs all 68 rows as one pass on this thread (the lanes would share them out), so this
        // thread's workspaces hold that pass
        engine.differentiate(org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT,
                engine.input().batchShape(rows)), null, logits -> engine.targetEpsilon(new int[rows], rows),
                BackwardRule.NONE, java.util.List.of(), java.util.List.of());
        long[] bytes = EngineWorkspaces.latestCycle();
        long pass = bytes[0] + bytes[1];
        assertTrue(pass * PassSizes.OUTSIDE_WORKSPACES <= budget.bytes(), () -> "a pass of 68 rows took " + pass);
        assertEquals((double) pass / rows * PassSizes.OUTSIDE_WORKSPACES, sizes.gradientRowBytes(),
                0.05 * sizes.gradientRowBytes(), "the measured row is the row a larger pass takes");
    }
}
