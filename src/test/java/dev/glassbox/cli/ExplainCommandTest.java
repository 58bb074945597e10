package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.testing.TinyNets;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class ExplainCommandTest {

    @TempDir
    Path dir;

    /** Captum's BasicModel_MultiLayer (captum-cases.md C4), saved as a DL4J zip. */
    private Path multiLayerModel() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(3).activation(Activation.IDENTITY).build())
                .layer(new DenseLayer.Builder().nIn(3).nOut(4).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(4).nOut(2).activation(Activation.IDENTITY).build())
                .build());
        net.init();
        net.getLayer(0).setParam("W", Nd4j.eye(3).castTo(DataType.DOUBLE));
        net.getLayer(0).setParam("b", Nd4j.zeros(DataType.DOUBLE, 1, 3));
        net.getLayer(1).setParam("W", Nd4j.ones(DataType.DOUBLE, 3, 4));
        net.getLayer(1).setParam("b", Nd4j.create(new double[][] {{-10, 1, 1, 1}}));
        net.getLayer(2).setParam("W", Nd4j.ones(DataType.DOUBLE, 4, 2));
        net.getLayer(2).setParam("b", Nd4j.create(new double[][] {{-1, 1}}));
        Path zip = dir.resolve("multi.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        return zip;
    }

    private Path convModel() throws Exception {
        Path zip = dir.resolve("conv.zip");
        ModelSerializer.writeModel(TinyNets.convNet(DataType.FLOAT), zip.toFile(), false);
        return zip;
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void occlusionKnownAnswerThroughTheJsonContract() throws Exception {
        Path input = write("x.json", "[20, 50, 30]");
        Path json = dir.resolve("out/maps.json");
        CliRun run = CliRun.of("explain", multiLayerModel().toString(), input.toString(), "--method", "occlusion",
                "--target", "0", "--param", "window=1", "--param", "stride=1", "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("occlusion", root.get("method").asText());
        assertEquals(0, root.get("target").asInt());
        JsonNode r = root.get("results").get(0);
        assertEquals(input.toString(), r.get("input").asText());
        assertEquals("[3]", r.get("shape").toString());
        assertEquals(80, r.get("attribution").get(0).asDouble(), 1e-4);
        assertEquals(200, r.get("attribution").get(1).asDouble(), 1e-4);
        assertEquals(120, r.get("attribution").get(2).asDouble(), 1e-4);
        assertTrue(r.get("convergenceDelta").isNull());
    }

    @Test
    void integratedGradientsReportsTheirConvergenceDelta() throws Exception {
        Path json = dir.resolve("ig.json");
        CliRun run = CliRun.of("explain", multiLayerModel().toString(), write("x.json", "[2, 10, 3]").toString(),
                "--method", "integrated-gradients", "--param", "steps=100", "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode r = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertTrue(Math.abs(r.get("convergenceDelta").asDouble()) < 0.5, r.toString());
    }

    @Test
    void writesHeatmapsForJsonAndImageInputs() throws Exception {
        StringBuilder tensor = new StringBuilder("[");
        for (int c = 0; c < 2; c++) {
            tensor.append(c > 0 ? "," : "").append("[");
            for (int y = 0; y < 8; y++) {
                tensor.append(y > 0 ? "," : "").append("[");
                for (int x = 0; x < 8; x++) {
                    tensor.append(x > 0 ? "," : "").append((x * y + c) % 5 / 4.0);
                }
                tensor.append("]");
            }
            tensor.append("]");
        }
        Path input = write("t.json", tensor.append("]").toString());
        Path outDir = dir.resolve("pictures");
        for (String method : new String[] {"grad-cam", "integrated-gradients"}) {
            CliRun run = CliRun.of("explain", convModel().toString(), input.toString(), "--method", method,
                    "--out", outDir.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(Files.size(outDir.resolve("t-" + method + ".png")) > 0);
        }
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 8; y < 24; y++) {
            for (int x = 8; x < 24; x++) {
                image.setRGB(x, y, 0xffcc00);
            }
        }
        Path png = dir.resolve("square.png");
        ImageIO.write(image, "png", png.toFile());
        Path json = dir.resolve("cam.json");
        CliRun run = CliRun.of("explain", "fixtures/models/shapes-flawed.zip", png.toString(), "--method",
                "grad-cam", "--target", "1", "--param", "upsample=false", "--json", json.toString(), "--out",
                outDir.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode r = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertEquals(2, r.get("shape").size(), r.get("shape").toString());
        assertTrue(Files.exists(outDir.resolve("square-grad-cam.png")));
    }

    @Test
    void unknownMethodOrParameterIsAUsageErrorListingTheValidOnes() throws Exception {
        Path input = write("x.json", "[1, 2, 3]");
        CliRun method = CliRun.of("explain", multiLayerModel().toString(), input.toString(), "--method", "lime");
        assertEquals(2, method.exitCode(), method.err());
        assertTrue(method.err().contains("saliency, input-x-gradient, integrated-gradients"), method.err());
        CliRun param = CliRun.of("explain", multiLayerModel().toString(), input.toString(), "--method",
                "integrated-gradients", "--param", "stepz=5");
        assertEquals(2, param.exitCode(), param.err());
        assertTrue(param.err().contains("valid parameters: steps, method, baseline, seed"), param.err());
        assertEquals(1, param.errorLines(), param.err());
    }

    @Test
    void unknownLayerIsAUsageErrorListingTheSpatialLayers() throws Exception {
        CliRun run = CliRun.of("explain", convModel().toString(), write("t.json", "[[[0]]]").toString(),
                "--method", "grad-cam", "--layer", "nope");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("layers with spatial output for grad-cam: conv, relu, pool"), run.err());
    }

    @Test
    void gradCamOnAFlatDenseModelSaysWhy() throws Exception {
        CliRun run = CliRun.of("explain", multiLayerModel().toString(), write("x.json", "[1, 2, 3]").toString(),
                "--method", "grad-cam");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("needs a layer with spatial output"), run.err());
        assertTrue(run.err().contains("has none"), run.err());
    }

    @Test
    void jsonInputOfTheWrongShapeNamesTheFileAndTheExpectedShape() throws Exception {
        Path input = write("wrong.json", "[[1, 2], [3, 4]]");
        CliRun run = CliRun.of("explain", multiLayerModel().toString(), input.toString(), "--method", "saliency");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("wrong.json"), run.err());
        assertTrue(run.err().contains("holds a tensor of shape [2, 2]"), run.err());
        assertTrue(run.err().contains("the model takes one input of shape [3]"), run.err());
    }

    /** Captum's BasicModel2 (captum-cases.md C2): relu(relu(x1) - 1 - relu(x2)). */
    private Path basicModel2() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(2).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(2).nOut(1).activation(Activation.RELU).build())
                .build());
        net.init();
        net.getLayer(0).setParam("W", Nd4j.eye(2).castTo(DataType.DOUBLE));
        net.getLayer(0).setParam("b", Nd4j.zeros(DataType.DOUBLE, 1, 2));
        net.getLayer(1).setParam("W", Nd4j.create(new double[][] {{1}, {-1}}));
        net.getLayer(1).setParam("b", Nd4j.create(new double[][] {{-1}}));
        Path zip = dir.resolve("basic2.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        return zip;
    }

    @Test
    void integratedGradientsKnownAnswerWithRiemannStepsFromTheCommandLine() throws Exception {
        Path json = dir.resolve("c2.json");
        CliRun run = CliRun.of("explain", basicModel2().toString(), write("x.json", "[3, 1]").toString(),
                "--method", "integrated-gradients", "--param", "steps=500", "--param", "method=riemann-left",
                "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode r = new ObjectMapper().readTree(json.toFile()).get("results").get(0);
        assertEquals(1.494, r.get("attribution").get(0).asDouble(), 1e-6);
        assertEquals(-0.498, r.get("attribution").get(1).asDouble(), 1e-6);
        assertEquals(-0.004, r.get("convergenceDelta").asDouble(), 1e-6);
    }

    @Test
    void malformedParameterOrTargetIsAUsageError() throws Exception {
        Path input = write("x.json", "[1, 2, 3]");
        CliRun param = CliRun.of("explain", multiLayerModel().toString(), input.toString(), "--method",
                "occlusion", "--param", "window");
        assertEquals(2, param.exitCode(), param.err());
        assertTrue(param.err().contains("is not NAME=VALUE"), param.err());
        CliRun target = CliRun.of("explain", multiLayerModel().toString(), input.toString(), "--method",
                "saliency", "--target", "7");
        assertEquals(2, target.exitCode(), target.err());
        assertTrue(target.err().contains("the model has 2 classes"), target.err());
    }
}
