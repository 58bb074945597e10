package dev.glassbox.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.testing.SharedFixtures;
import dev.glassbox.testing.TinyNets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The engine computes convolutions ({@link ConvolutionPass}), batch normalization ({@link BatchNormPass}), dense
 * layers ({@link DensePass}) and sums ({@link AddPass}) with its own operations: they must give what DL4J's layers
 * give, forward (against the network's own output) and backward
 * (against the engine running DL4J's layer code, {@code -Dglassbox.convolution=dl4j}), in every layout, padding mode,
 * stride and dilation the fast path takes or hands back.
 */
class EnginePassesTest {

    static Stream<Arguments> convolutions() {
        return Stream.of(
                // format, mode, kernel, stride, padding, dilation, activation, bias
                Arguments.of(CNN2DFormat.NCHW, ConvolutionMode.Same, 3, 1, 0, 1, Activation.IDENTITY, true),
                Arguments.of(CNN2DFormat.NHWC, ConvolutionMode.Same, 3, 1, 0, 1, Activation.RELU, true),
                Arguments.of(CNN2DFormat.NHWC, ConvolutionMode.Same, 3, 2, 0, 1, Activation.IDENTITY, true),
                Arguments.of(CNN2DFormat.NHWC, ConvolutionMode.Same, 2, 1, 0, 1, Activation.TANH, false),
                Arguments.of(CNN2DFormat.NCHW, ConvolutionMode.Truncate, 3, 1, 1, 1, Activation.RELU, true),
                Arguments.of(CNN2DFormat.NCHW, ConvolutionMode.Truncate, 3, 1, 0, 1, Activation.IDENTITY, true),
                Arguments.of(CNN2DFormat.NHWC, ConvolutionMode.Truncate, 3, 2, 1, 1, Activation.RELU, false),
                Arguments.of(CNN2DFormat.NCHW, ConvolutionMode.Same, 3, 1, 0, 2, Activation.SIGMOID, true),
                Arguments.of(CNN2DFormat.NHWC, ConvolutionMode.Truncate, 5, 1, 1, 1, Activation.IDENTITY, true),
                // strided: deconv2d_tf where the input is what a transposed convolution gives back (9 = 3 × 3, 9 = 2
                // × (4 − 1) + 3, 9 = 2 × (5 − 1) + 3 − 2), conv2d_bp where it is not (9 ≠ 2 × 5, 9 ≠ 2 × (4 − 1) + 2)
                Arguments.of(CNN2DFormat.NCHW, ConvolutionMode.Same, 3, 3, 0, 1, Activation.RELU, true),
                Arguments.of(CNN2DFormat.NHWC, ConvolutionMode.Same, 3, 3, 0, 1, Activation.IDENTITY, false),
                Arguments.of(CNN2DFormat.NHWC, ConvolutionMode.Truncate, 3, 2, 0, 1, Activation.RELU, true),
                Arguments.of(CNN2DFormat.NCHW, ConvolutionMode.Truncate, 3, 2, 1, 1, Activation.IDENTITY, true),
                Arguments.of(CNN2DFormat.NCHW, ConvolutionMode.Same, 3, 2, 0, 1, Activation.IDENTITY, true),
                Arguments.of(CNN2DFormat.NCHW, ConvolutionMode.Truncate, 2, 2, 0, 1, Activation.RELU, true));
    }

    @ParameterizedTest(name = "{0} {1} k{2} s{3} p{4} d{5} {6} bias={7}")
    @MethodSource("convolutions")
    void convolutionAndBatchNormAgreeWithDl4jLayers(CNN2DFormat format, ConvolutionMode mode, int kernel, int stride,
                                                   int padding, int dilation, Activation activation, boolean bias) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(3).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new ConvolutionLayer.Builder(kernel, kernel).nOut(5).stride(stride, stride)
                        .padding(padding, padding).dilation(dilation, dilation).convolutionMode(mode)
                        .dataFormat(format).hasBias(bias).activation(activation).build())
                .layer(new BatchNormalization.Builder().dataFormat(format).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).convolutionMode(ConvolutionMode.Same)
                        .dataFormat(format).activation(Activation.RELU).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(9, 9, 3, format))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        boolean nhwc = format == CNN2DFormat.NHWC;
        long[] shape = nhwc ? new long[] {6, 9, 9, 3} : new long[] {6, 3, 9, 9};
        // a few training steps give batch normalization running statistics that are not 0 and 1
        INDArray y = Nd4j.zeros(DataType.DOUBLE, 6, 3);
        for (int i = 0; i < 6; i++) {
            y.putScalar(i, i % 3, 1);
        }
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.DOUBLE, shape).muli(2).subi(0.5);
        for (int i = 0; i < 3; i++) {
            net.fit(new DataSet(x, y));
        }
        LoadedModel model = TinyNets.loaded(net, InputSpec.image(nhwc ? InputLayout.NHWC : InputLayout.NCHW, 3, 9, 9));
        assertSameAsDl4j(model, x, net.output(x, false));
    }

    @Test
    void theResNet20GivesWhatDl4jGives() {
        LoadedModel model = new ModelLoader().load(SharedFixtures.external(
                "models/keras/eviljuicebox_cifar10_dnn_resnet20_keras2.2.4_functional.h5"));
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.DOUBLE, model.input().batchShape(3));
        var graph = (org.deeplearning4j.nn.graph.ComputationGraph) model.network();
        assertSameAsDl4j(model, x, graph.outputSingle(x.castTo(DataType.FLOAT)));
    }

    /** Keras's flatten (a channels-last preprocessor) into dense layers with ReLU, and the softmax layer's logits. */
    @Test
    void theCifarCnnGivesWhatDl4jGives() {
        LoadedModel model = new ModelLoader().load(SharedFixtures.external(
                "models/keras/sagecodes_keras_cifar10_trained_model_keras2.2.4_sequential.h5"));
        Nd4j.getRandom().setSeed(2);
        INDArray x = Nd4j.rand(DataType.DOUBLE, model.input().batchShape(3));
        var net = (MultiLayerNetwork) model.network();
        assertSameAsDl4j(model, x, net.output(x.castTo(DataType.FLOAT), false));
    }

    /** Dense layers after a channels-first convolution, with and without bias, ReLU and the identity. */
    @Test
    void denseLayersAgreeWithDl4jLayers() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(5).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nOut(7).activation(Activation.RELU)
                        .build())
                .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nOut(5)
                        .activation(Activation.IDENTITY).hasBias(false).build())
                .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nOut(6).activation(Activation.RELU)
                        .biasInit(0.1).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(6, 6, 2))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 2, 6, 6).subi(0.3);
        LoadedModel model = TinyNets.loaded(net, InputSpec.image(InputLayout.NCHW, 2, 6, 6));
        assertSameAsDl4j(model, x, net.output(x, false));
    }

    private static void assertSameAsDl4j(LoadedModel model, INDArray x, INDArray dl4jOutput) {
        GradientEngine fast = GradientEngine.create(model, DataType.DOUBLE);
        GradientEngine reference = withDl4jConvolutions(() -> GradientEngine.create(model, DataType.DOUBLE));
        double tolerance = dl4jOutput.dataType() == DataType.DOUBLE ? 1e-10 : 1e-5;
        assertClose(dl4jOutput, fast.probabilities(x), tolerance, "probabilities against the network's own output");
        int[] targets = new int[(int) x.size(0)];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = i % fast.classes();
        }
        TargetGradient a = fast.inputGradient(x, targets);
        TargetGradient b = reference.inputGradient(x, targets);
        assertClose(b.logits(), a.logits(), 1e-10, "logits");
        assertClose(b.input(), a.input(), 1e-10, "input gradients");
        // guided backprop's rule acts only at ReLU layers, so the engine still folds normalizations under it
        INDArray guidedFast = dev.glassbox.attribution.AttributionMethods.create("guided-backprop", fast,
                java.util.Map.of()).attribute(x, targets).maps();
        INDArray guidedReference = dev.glassbox.attribution.AttributionMethods.create("guided-backprop", reference,
                java.util.Map.of()).attribute(x, targets).maps();
        assertClose(guidedReference, guidedFast, 1e-10, "guided backprop");
        List<LayerInfo> spatial = fast.spatialLayers();
        String first = spatial.get(0).name();
        TargetGradient la = fast.layerGradient(x, targets, first);
        TargetGradient lb = reference.layerGradient(x, targets, first);
        assertClose(lb.activations(), la.activations(), 1e-10, "activations of " + first);
        assertClose(lb.layerGradient(), la.layerGradient(), 1e-10, "gradient at " + first);
    }

    private static GradientEngine withDl4jConvolutions(Supplier<GradientEngine> make) {
        String old = System.getProperty("glassbox.convolution");
        System.setProperty("glassbox.convolution", "dl4j");
        try {
            return make.get();
        } finally {
            if (old == null) {
                System.clearProperty("glassbox.convolution");
            } else {
                System.setProperty("glassbox.convolution", old);
            }
        }
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        INDArray e = expected.castTo(DataType.DOUBLE);
        INDArray a = actual.castTo(DataType.DOUBLE);
        assertTrue(java.util.Arrays.equals(e.shape(), a.shape()), what + ": shapes differ");
        double scale = Math.max(1e-12, e.amaxNumber().doubleValue());
        double diff = e.sub(a).amaxNumber().doubleValue();
        assertTrue(diff <= tolerance * Math.max(1, scale), what + ": largest difference " + diff + " (scale "
                + scale + ")");
    }
}
