package dev.glassbox.testing;

import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.LoadedModel;
import dev.glassbox.model.ModelFormat;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small hand-built networks for tests, with seeded random weights. */
public final class TinyNets {

    private TinyNets() {}

    /**
     * conv 3x3 (identity) → separate ReLU layer → max pool → dense (tanh) → softmax output, NCHW 2x8x8, 4 classes.
     * The separate activation layer is the case where DL4J overwrites the conv layer's recorded output.
     */
    /** A dense net on a flat vector of {@code inputs} values (a picture made flat), scoring {@code classes}. */
    public static MultiLayerNetwork flatNet(int inputs, int classes) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5)
                .dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(inputs).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    public static MultiLayerNetwork convNet(DataType type) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(11).dataType(type).weightInit(WeightInit.XAVIER).updater(new Sgd(0.1))
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv").nOut(5).activation(Activation.IDENTITY).build())
                .layer(new ActivationLayer.Builder().name("relu").activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool").kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("dense").nOut(7).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(4)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 2))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** conv 3x3 (ReLU) → dense (tanh) → softmax over 3 classes, one channel NCHW 1x8x8: a grayscale model. */
    public static LoadedModel grayscale(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).updater(new Sgd(0.1))
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv").nOut(4).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().name("dense").nOut(6).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return loaded(net, InputSpec.image(InputLayout.NCHW, 1, 8, 8));
    }

    public static InputSpec convNetInput() {
        return InputSpec.image(InputLayout.NCHW, 2, 8, 8);
    }

    /**
     * A residual block with batch normalization (non-trivial running statistics) and a dense layer with dropout,
     * trained for a few steps so that the dropout masks and batch statistics of training are live: the traps of
     * DESIGN.md §4. NCHW 3x6x6, 3 classes.
     */
    public static ComputationGraph residualNet(DataType type) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(5).dataType(type).weightInit(WeightInit.XAVIER).updater(new Sgd(0.05))
                .graphBuilder()
                .addInputs("in")
                .addLayer("conv1", new ConvolutionLayer.Builder(3, 3).nOut(4).padding(1, 1)
                        .activation(Activation.IDENTITY).build(), "in")
                .addLayer("bn1", new BatchNormalization.Builder().build(), "conv1")
                .addLayer("act1", new ActivationLayer.Builder().activation(Activation.RELU).build(), "bn1")
                .addLayer("conv2", new ConvolutionLayer.Builder(3, 3).nOut(4).padding(1, 1)
                        .activation(Activation.IDENTITY).build(), "act1")
                .addLayer("bn2", new BatchNormalization.Builder().useLogStd(false).build(), "conv2")
                .addVertex("add", new ElementWiseVertex(ElementWiseVertex.Op.Add), "bn2", "act1")
                .addLayer("act2", new ActivationLayer.Builder().activation(Activation.ELU).build(), "add")
                .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "act2")
                .addLayer("dense", new DenseLayer.Builder().nOut(6).dropOut(0.5).activation(Activation.SIGMOID).build(),
                        "gap")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(6, 6, 3))
                .build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        INDArray x = Nd4j.rand(type, 8, 3, 6, 6).muli(3).subi(1);
        INDArray y = Nd4j.zeros(type, 8, 3);
        for (int i = 0; i < 8; i++) {
            y.putScalar(i, i % 3, 1);
        }
        for (int i = 0; i < 5; i++) {
            net.fit(new org.nd4j.linalg.dataset.DataSet(x, y));
        }
        return net;
    }

    public static InputSpec residualNetInput() {
        return InputSpec.image(InputLayout.NCHW, 3, 6, 6);
    }

    public static LoadedModel loaded(Object network, InputSpec spec) {
        return new LoadedModel(Path.of("in-memory"), ModelFormat.DL4J_ZIP, (org.deeplearning4j.nn.api.Model) network,
                spec);
    }
}
