package dev.glassbox.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.LoadedModel;
import dev.glassbox.model.ModelFormat;
import dev.glassbox.model.ModelLoader;
import org.deeplearning4j.util.ModelSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class ShapesCnnTest {

    @TempDir
    Path tmp;

    @Test
    void aSavedNetworkRunsThroughTheGradientEngine() throws Exception {
        MultiLayerNetwork net = ShapesCnn.build(3, 32, 6, 0.003);
        assertTrue(net.numParams() < 500_000, "small: " + net.numParams());
        Path file = tmp.resolve("m.zip");
        Trainer.save(net, file);
        LoadedModel m = new LoadedModel(file, ModelFormat.DL4J_ZIP,
                ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false),
                InputSpec.image(InputLayout.NCHW, 3, 32, 32));
        GradientEngine engine = GradientEngine.create(m);
        assertEquals(6, engine.classes());
        var x = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
        assertArrayEquals(new long[] {2, 6}, engine.probabilities(x).shape());
        assertEquals(net.output(x, false).getDouble(1, 4), engine.probabilities(x).getDouble(1, 4), 1e-5);
    }

    @Test
    void aSavedNetworkLoadsWithItsInputSizeDetected() {
        MultiLayerNetwork net = ShapesCnn.build(3, 32, 6, 0.003);
        assertTrue(net.numParams() < 500_000, "small: " + net.numParams());
        Path file = tmp.resolve("m.zip");
        Trainer.save(net, file);
        assertTrue(Files.exists(file));
        LoadedModel m = new ModelLoader().load(file);
        assertEquals(InputLayout.NCHW, m.input().layout());
        assertArrayEquals(new long[] {3, 32, 32}, m.input().exampleShape());
        GradientEngine engine = GradientEngine.create(m);
        assertEquals(6, engine.classes());
        var x = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
        assertArrayEquals(new long[] {2, 6}, engine.probabilities(x).shape());
        assertEquals(net.output(x, false).getDouble(1, 4), engine.probabilities(x).getDouble(1, 4), 1e-5);
    }
}
