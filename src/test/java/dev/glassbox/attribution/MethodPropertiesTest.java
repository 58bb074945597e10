package dev.glassbox.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.GlassboxException;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.ModelLoader;
import dev.glassbox.testing.TinyNets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Every method through the same property checks, on an NCHW conv net, an NHWC grayscale net and a flat net. */
class MethodPropertiesTest {

    /** Light settings so that the whole matrix stays quick; the defaults are exercised by the command line. */
    private static final Map<String, Map<String, String>> LIGHT = Map.of(
            "integrated-gradients", Map.of("steps", "16"),
            "smoothgrad", Map.of("samples", "4"),
            "rise", Map.of("masks", "40", "grid", "3"),
            "occlusion", Map.of());

    private static final Map<String, GradientEngine> ENGINES = new java.util.HashMap<>();

    static synchronized GradientEngine engine(String net) {
        return ENGINES.computeIfAbsent(net, n -> switch (n) {
            case "nchw" -> GradientEngine.create(TinyNets.loaded(TinyNets.convNet(DataType.DOUBLE),
                    TinyNets.convNetInput()), DataType.DOUBLE);
            case "nhwc-gray" -> GradientEngine.create(TinyNets.loaded(nhwcGrayNet(),
                    InputSpec.image(InputLayout.NHWC, 1, 6, 5)), DataType.DOUBLE);
            case "flat" -> GradientEngine.create(TinyNets.loaded(flatNet(), InputSpec.vector(5)), DataType.DOUBLE);
            default -> throw new IllegalArgumentException(n);
        });
    }

    static MultiLayerNetwork nhwcGrayNet() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(3).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv").nOut(3).dataFormat(CNN2DFormat.NHWC)
                        .activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().name("dense").nOut(6).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(6, 5, 1, CNN2DFormat.NHWC))
                .build());
        net.init();
        return net;
    }

    static MultiLayerNetwork flatNet() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(4).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().name("hidden").nIn(5).nOut(7).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nIn(7).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String net : List.of("nchw", "nhwc-gray", "flat")) {
            for (String method : AttributionMethods.names()) {
                if (net.equals("flat") && method.contains("grad-cam")) {
                    continue;
                }
                out.add(Arguments.of(net, method));
            }
        }
        return out.stream();
    }

    private static AttributionMethod create(String net, String method) {
        return AttributionMethods.create(method, engine(net), LIGHT.getOrDefault(method, Map.of()));
    }

    private static INDArray batch(String net, int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.DOUBLE, engine(net).input().batchShape(n)).muli(2).subi(0.5);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = Tensors.values(expected);
        double[] a = Tensors.values(actual);
        for (int i = 0; i < e.length; i++) {
            double scale = Math.max(1, Math.abs(e[i]));
            int at = i;
            assertTrue(Math.abs(e[i] - a[i]) <= tolerance * scale,
                    () -> what + ": value " + at + " is " + a[at] + ", expected " + e[at]);
        }
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void givesOneMapPerExampleInTheInputShapeAndBatchesLikeOneByOne(String net, String method) {
        AttributionMethod m = create(net, method);
        INDArray x = batch(net, 3, 7);
        int[] targets = {1, 0, 2}; // not only the predicted class
        Attribution all = m.attribute(x, targets);
        assertArrayEquals(x.shape(), all.maps().shape(), "output shape");
        assertEquals(m.hasConvergenceDelta(), all.convergenceDelta() != null);
        for (int i = 0; i < 3; i++) {
            INDArray one = Passes.rows(x, i, i + 1);
            Attribution single = m.attribute(one, new int[] {targets[i]});
            assertClose(single.maps(), Passes.rows(all.maps(), i, i + 1), 1e-9, method + " example " + i);
        }
        assertClose(all.maps(), create(net, method).attribute(x.dup(), targets).maps(), 0, "same seed, same result");
    }

    @ParameterizedTest(name = "smoothgrad over {1} on {0} with sigma 0")
    @MethodSource("cases")
    void smoothGradWithoutNoiseEqualsItsBase(String net, String method) {
        if (method.equals("smoothgrad")) {
            return;
        }
        AttributionMethod base = create(net, method);
        SmoothGrad smooth = new SmoothGrad(base, 3, 0, SmoothGrad.Kind.SMOOTHGRAD, 1);
        INDArray x = batch(net, 2, 9);
        int[] targets = {2, 1};
        assertClose(base.attribute(x, targets).maps(), smooth.attribute(x, targets).maps(), 1e-9, method);
    }

    @Test
    void gradCamOnAFlatModelSaysThereIsNoSpatialLayer() {
        GlassboxException e = assertThrows(GlassboxException.class,
                () -> AttributionMethods.create("grad-cam", engine("flat"), Map.of()));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("has none"), e.getMessage());
    }

    @Test
    void gradCamWithoutUpsamplingHasTheLayersSpatialShape() {
        INDArray x = batch("nhwc-gray", 2, 3);
        INDArray cam = AttributionMethods.create("grad-cam", engine("nhwc-gray"), Map.of("upsample", "false"))
                .attribute(x, new int[] {0, 1}).maps();
        assertArrayEquals(new long[] {2, 4, 3}, cam.shape());
    }

    @Test
    void unknownMethodsAndParametersListTheValidOnes() {
        GlassboxException method = assertThrows(GlassboxException.class,
                () -> AttributionMethods.create("lime", engine("flat"), Map.of()));
        assertTrue(method.getMessage().contains("integrated-gradients, smoothgrad"), method.getMessage());
        GlassboxException param = assertThrows(GlassboxException.class,
                () -> AttributionMethods.create("integrated-gradients", engine("flat"), Map.of("stepz", "3")));
        assertTrue(param.getMessage().contains("steps, method, baseline, seed"), param.getMessage());
        GlassboxException value = assertThrows(GlassboxException.class,
                () -> AttributionMethods.create("rise", engine("flat"), Map.of("masks", "many")));
        assertTrue(value.getMessage().contains("masks='many' is not a whole number"), value.getMessage());
        GlassboxException layer = assertThrows(GlassboxException.class,
                () -> AttributionMethods.create("grad-cam", engine("nchw"), Map.of("layer", "dense")));
        assertTrue(layer.getMessage().contains("conv, relu, pool"), layer.getMessage());
    }

    @Test
    void integratedGradientsConvergeOnTheShapesModel() {
        GradientEngine engine = GradientEngine.create(
                new ModelLoader().load(Path.of("fixtures/models/shapes-flawed.zip")), DataType.DOUBLE);
        Nd4j.getRandom().setSeed(42);
        INDArray x = Nd4j.rand(DataType.DOUBLE, engine.input().batchShape(3));
        INDArray ends = engine.logits(Nd4j.concat(0, x, x.ulike()));
        // The predicted classes: for a class whose score barely moves from the baseline (f(x) - f(0) = 1.05 for
        // class 0 of the first input) 50 steps leave a delta of 0.09, which falls to 0.004 at 1000 steps.
        int[] targets = new int[3];
        for (int i = 0; i < 3; i++) {
            targets[i] = Nd4j.argMax(Passes.rows(ends, i, i + 1), 1).getInt(0);
        }
        Attribution a = new IntegratedGradients(engine).attribute(x, targets);
        for (int i = 0; i < 3; i++) {
            double difference = ends.getDouble(i, targets[i]) - ends.getDouble(3 + i, targets[i]);
            assertTrue(Math.abs(a.convergenceDelta()[i]) <= 0.05 * Math.abs(difference),
                    "delta " + a.convergenceDelta()[i] + " for f(x) - f(0) = " + difference);
        }
    }
}
