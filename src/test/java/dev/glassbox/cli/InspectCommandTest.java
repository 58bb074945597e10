package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.testing.SharedFixtures;
import dev.glassbox.testing.TinyNets;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

class InspectCommandTest {

    @TempDir
    Path dir;

    @Test
    void showsLayersInputAndClassesAndPassesTheGradientCheck() throws Exception {
        Path zip = save(TinyNets.convNet(DataType.FLOAT), "tiny.zip");
        CliRun run = CliRun.of("inspect", zip.toString(), "--verify-gradients");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("[2, 8, 8] NCHW, 2 channels"), run.out());
        assertTrue(run.out().contains("Classes: 4"), run.out());
        for (String layer : new String[] {"conv", "relu", "pool", "dense", "out"}) {
            assertTrue(run.out().contains("  " + layer + " "), layer + " in " + run.out());
        }
        assertTrue(run.out().contains("Gradient check: PASSED"), run.out());
    }

    @Test
    void printsTheJsonContract() throws Exception {
        Path zip = save(TinyNets.convNet(DataType.FLOAT), "tiny.zip");
        CliRun run = CliRun.of("inspect", zip.toString(), "--json", "--verify-gradients");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(5, json.get("layers").size());
        JsonNode conv = json.get("layers").get(0);
        assertEquals("conv", conv.get("name").asText());
        assertEquals("ConvolutionLayer", conv.get("type").asText());
        assertEquals("[5,6,6]", conv.get("outputShape").toString());
        assertEquals(5 * 2 * 3 * 3 + 5, conv.get("params").asLong());
        assertEquals("[2,8,8]", json.get("input").get("shape").toString());
        assertEquals("NCHW", json.get("input").get("layout").asText());
        assertEquals(4, json.get("classes").asInt());
        assertTrue(json.get("gradientCheck").get("passed").asBoolean());
        assertTrue(json.get("gradientCheck").get("maxRelativeError").asDouble() < 1e-3);
        assertTrue(json.get("gradientCheck").get("points").asInt() > 10);
    }

    @Test
    void withoutVerifyTheJsonHasNoGradientCheck() throws Exception {
        CliRun run = CliRun.of("inspect", save(TinyNets.convNet(DataType.FLOAT), "t.zip").toString(), "--json");
        assertEquals(0, run.exitCode());
        assertTrue(new ObjectMapper().readTree(run.out()).get("gradientCheck") == null);
    }

    @Test
    void aKeras3FileIsRefusedWithAdvice() {
        Path keras3 = SharedFixtures.external("models/keras-negative/kharshit242_mnist_cnn_model_keras3.8_functional.h5");
        CliRun run = CliRun.of("inspect", keras3.toString());
        assertEquals(3, run.exitCode());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().contains(keras3.toString()), run.err());
        assertTrue(run.err().contains("Keras 3 files are not supported"), run.err());
        assertTrue(run.err().contains("Keras 2 HDF5 format"), run.err());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.zip");
        assertBadInput(CliRun.of("inspect", missing.toString()), missing, "no such file");
    }

    @Test
    void aTextFileRenamedH5IsNotHdf5() throws Exception {
        Path fake = Files.writeString(dir.resolve("model.h5"), "this is not a model\n");
        assertBadInput(CliRun.of("inspect", fake.toString()), fake, "is not an HDF5 file");
    }

    @Test
    void aTruncatedZipIsReported() throws Exception {
        Path zip = save(TinyNets.convNet(DataType.FLOAT), "whole.zip");
        byte[] bytes = Files.readAllBytes(zip);
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        assertBadInput(CliRun.of("inspect", cut.toString()), cut, "truncated or corrupt zip");
    }

    @Test
    void aZipThatIsNotAModelIsReported() throws Exception {
        Path zip = dir.resolve("photos.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("cat.jpg"));
            out.write(1);
        }
        assertBadInput(CliRun.of("inspect", zip.toString()), zip, "not a DL4J model");
    }

    @Test
    void aModelWhoseOutputIsNotAClassVectorIsRefused() throws Exception {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).activation(Activation.RELU).build())
                .setInputType(InputType.convolutionalFlat(8, 8, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Path zip = save(net, "segmenter.zip");
        assertBadInput(CliRun.of("inspect", zip.toString()), zip, "[1, 2, 6, 6]; Glassbox needs one score per class");
    }

    @Test
    void anUnsupportedLayerIsNamedWithItsType() throws Exception {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new LSTM.Builder().name("memory").nIn(4).nOut(3).build())
                .layer(new org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer.Builder(
                        org.deeplearning4j.nn.conf.layers.PoolingType.AVG).build())
                .layer(new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder().nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(4))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Path zip = save(net, "rnn.zip");
        CliRun run = CliRun.of("inspect", zip.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().contains(zip.toString()), run.err());
        assertTrue(run.err().contains("layer 'memory' (LSTM) is not supported"), run.err());
    }

    @Test
    void aModelThatDoesNotRecordItsInputSizeTakesItFromInput() throws Exception {
        // A CNN that ends in global pooling has no flattening step that would tell its input size.
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer.Builder(
                        org.deeplearning4j.nn.conf.layers.PoolingType.MAX).build())
                .layer(new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder().nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(10, 12, 2))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Path zip = save(net, "gap.zip");
        assertBadInput(CliRun.of("inspect", zip.toString()), zip, "give it with --input");
        CliRun run = CliRun.of("inspect", zip.toString(), "--input", "NCHW:2x10x12", "--verify-gradients");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("[2, 10, 12] NCHW"), run.out());
        CliRun typo = CliRun.of("inspect", zip.toString(), "--input", "NCHW:2x10");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("LAYOUT:SHAPE"), typo.err());
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithASuggestion() {
        CliRun run = CliRun.of("inspect", "model.zip", "--verify-gradient");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().contains("--verify-gradients"), run.err());
    }

    private static void assertBadInput(CliRun run, Path file, String problem) {
        assertEquals(3, run.exitCode(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertEquals(1, run.err().lines().count(), "one line only: " + run.err());
        assertTrue(run.err().contains(file.toString()), run.err());
        assertTrue(run.err().contains(problem), run.err());
    }

    private Path save(org.deeplearning4j.nn.api.Model net, String name) throws Exception {
        File f = dir.resolve(name).toFile();
        ModelSerializer.writeModel(net, f, false);
        return f.toPath();
    }
}
