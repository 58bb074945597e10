package dev.glassbox.testing;

import dev.glassbox.Progress;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.LoadedModel;
import dev.glassbox.model.ModelFormat;
import dev.glassbox.report.ImageStore;
import dev.glassbox.report.LabelledImages;
import dev.glassbox.report.ModelUnderTest;
import dev.glassbox.report.Report;
import dev.glassbox.report.ReportBuilder;
import dev.glassbox.report.ReportSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small seeded models and random labelled images for report tests: quick to build, the same every run. */
public final class TinyReports {

    public static final InputSpec INPUT = InputSpec.image(InputLayout.NCHW, 3, 8, 8);
    public static final Instant WHEN = Instant.ofEpochSecond(1_767_225_600L); // 2026-01-01T00:00:00Z

    private TinyReports() {}

    /** conv 3x3 → max pool → dense → softmax over 3 classes, NCHW 3x8x8. */
    public static MultiLayerNetwork net(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).updater(new Sgd(0.1))
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 3))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    public static ModelUnderTest model(String name, long seed) {
        Path file = Path.of(name + ".zip");
        LoadedModel loaded = new LoadedModel(file, ModelFormat.DL4J_ZIP, net(seed), INPUT);
        return new ModelUnderTest(name, file, GradientEngine.create(loaded));
    }

    /** {@code n} seeded random images in [0, 1] with labels cycling over the classes. */
    public static LabelledImages images(String name, List<String> classes, int n, long seed) {
        INDArray x = Nd4j.getRandomFactory().getNewRandomInstance(seed).nextFloat(new long[] {n, 3, 8, 8})
                .castTo(DataType.FLOAT);
        int[] labels = IntStream.range(0, n).map(i -> i % classes.size()).toArray();
        List<String> files = IntStream.range(0, n).mapToObj(i -> "img-" + i + ".png").toList();
        return LabelledImages.inMemory(name, classes, INPUT, x, labels, files, PixelRange.UNIT);
    }

    public static Report build(ImageStore store, List<ModelUnderTest> models, List<LabelledImages> data) {
        ReportSettings settings = new ReportSettings(16, 2, 160, WHEN);
        return new ReportBuilder(settings).build("Tiny report", models, data, store, Progress.NONE);
    }
}
