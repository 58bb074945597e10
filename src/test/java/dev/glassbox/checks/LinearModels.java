package dev.glassbox.checks;

import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.LoadedModel;
import dev.glassbox.model.ModelFormat;
import dev.glassbox.model.ModelUnderTest;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Linear classifiers on flat 3×8×8 images with weights set by hand: {@code logit_c = Σ_i w[c][i] x[i] + b[c]}, then a
 * softmax. The gradient of a class's logit is its weights, so what saliency and input × gradient show is known
 * exactly, and what the model decides by is what a test plants.
 */
public final class LinearModels {

    public static final int H = 8;
    public static final int W = 8;
    public static final int PIXELS = 3 * H * W;
    /** ITU-R BT.601 luma weights: a model with these per pixel sees brightness, not colour. */
    public static final float[] LUMA = {0.299f, 0.587f, 0.114f};

    private LinearModels() {}

    /** Weights {@code [classes][3 * 8 * 8]}, channels first, and one bias per class. */
    public static ModelUnderTest model(String name, float[][] weights, float[] bias) {
        int k = weights.length;
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("linear").nOut(k)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(PIXELS))
                .build());
        net.init();
        float[][] w = new float[PIXELS][k];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < PIXELS; i++) {
                w[i][c] = weights[c][i];
            }
        }
        net.getLayer(0).setParam("W", Nd4j.create(w));
        net.getLayer(0).setParam("b", Nd4j.create(new float[][] {bias}));
        Path file = Path.of(name + ".zip");
        InputSpec flat = InputSpec.flatImage(3, H, W);
        return new ModelUnderTest(name, file, GradientEngine.create(new LoadedModel(file, ModelFormat.DL4J_ZIP, net,
                flat)));
    }

    /** Index of channel {@code c} at {@code (y, x)} in a flat image. */
    public static int at(int c, int y, int x) {
        return c * H * W + y * W + x;
    }

    /** Adds {@code scale} times the luma weights at pixel {@code (y, x)}. */
    public static void addLuma(float[] w, int y, int x, float scale) {
        for (int c = 0; c < 3; c++) {
            w[at(c, y, x)] += scale * LUMA[c];
        }
    }
}
