package dev.glassbox.attribution;

import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.testing.TinyNets;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The models of Captum's {@code basic_models.py} as DL4J networks in double precision (captum-cases.md). */
final class CaptumNets {

    private CaptumNets() {}

    /** C1 BasicModel: f(x) = 1 − relu(1 − x), one feature. */
    static GradientEngine basicModel() {
        MultiLayerNetwork net = dense(new int[] {1, 1, 1}, Activation.RELU, Activation.IDENTITY);
        set(net, 0, new double[][] {{-1}}, new double[] {1});
        set(net, 1, new double[][] {{-1}}, new double[] {1});
        return engine(net, InputSpec.vector(1));
    }

    /** C2 BasicModel2: relu(relu(x1) − 1 − relu(x2)). */
    static GradientEngine basicModel2() {
        MultiLayerNetwork net = dense(new int[] {2, 2, 1}, Activation.RELU, Activation.RELU);
        set(net, 0, new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0});
        set(net, 1, new double[][] {{1}, {-1}}, new double[] {-1});
        return engine(net, InputSpec.vector(2));
    }

    /** C2 BasicModel3: relu(relu(x1 − 1) − relu(x2)). */
    static GradientEngine basicModel3() {
        MultiLayerNetwork net = dense(new int[] {2, 2, 1}, Activation.RELU, Activation.RELU);
        set(net, 0, new double[][] {{1, 0}, {0, 1}}, new double[] {-1, 0});
        set(net, 1, new double[][] {{1}, {-1}}, new double[] {0});
        return engine(net, InputSpec.vector(2));
    }

    /** C4 BasicModel_MultiLayer: identity(3) → ones(4×3) + [−10, 1, 1, 1], ReLU → ones(2×4) + [−1, 1]. */
    static GradientEngine multiLayer() {
        MultiLayerNetwork net = dense(new int[] {3, 3, 4, 2}, Activation.IDENTITY, Activation.RELU,
                Activation.IDENTITY);
        set(net, 0, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[] {0, 0, 0});
        set(net, 1, ones(3, 4), new double[] {-10, 1, 1, 1});
        set(net, 2, ones(4, 2), new double[] {-1, 1});
        return engine(net, InputSpec.vector(3));
    }

    /**
     * C6 BasicModel_ConvNet_One_Conv: conv1 (1→2, 3×3, weights 1, biases given) → relu1 (a separate layer) →
     * fc1 (8→4, weights 1 for the first 5 inputs and −1 for the last 3, ReLU). Input NCHW 1×4×4.
     */
    static GradientEngine oneConv(double bias0, double bias1) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE).list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv1").nOut(2).activation(Activation.IDENTITY)
                        .convolutionMode(ConvolutionMode.Truncate).build())
                .layer(new ActivationLayer.Builder().name("relu1").activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().name("fc1").nOut(4).activation(Activation.RELU).build())
                .setInputType(InputType.convolutional(4, 4, 1))
                .build());
        net.init();
        net.getLayer(0).setParam("W", Nd4j.ones(DataType.DOUBLE, 2, 1, 3, 3));
        net.getLayer(0).setParam("b", Nd4j.create(new double[][] {{bias0, bias1}}));
        double[][] w = new double[8][4];
        for (int i = 0; i < 8; i++) {
            java.util.Arrays.fill(w[i], i < 5 ? 1 : -1);
        }
        set(net, 2, w, new double[4]);
        return engine(net, InputSpec.image(InputLayout.NCHW, 1, 4, 4));
    }

    private static MultiLayerNetwork dense(int[] sizes, Activation... activations) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).list();
        for (int i = 0; i < activations.length; i++) {
            b.layer(new DenseLayer.Builder().name("dense" + i).nIn(sizes[i]).nOut(sizes[i + 1])
                    .activation(activations[i]).build());
        }
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }

    private static void set(MultiLayerNetwork net, int layer, double[][] w, double[] b) {
        net.getLayer(layer).setParam("W", Nd4j.create(w));
        net.getLayer(layer).setParam("b", Nd4j.create(new double[][] {b}));
    }

    private static double[][] ones(int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] r : m) {
            java.util.Arrays.fill(r, 1);
        }
        return m;
    }

    private static GradientEngine engine(MultiLayerNetwork net, InputSpec spec) {
        return GradientEngine.create(TinyNets.loaded(net, spec), DataType.DOUBLE);
    }
}
