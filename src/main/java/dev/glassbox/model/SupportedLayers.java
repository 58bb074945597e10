package dev.glassbox.model;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.ElementWiseVertex;
import org.deeplearning4j.nn.graph.vertex.impl.InputVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.graph.vertex.impl.MergeVertex;
import org.deeplearning4j.nn.graph.vertex.impl.PreprocessorVertex;
import org.deeplearning4j.nn.graph.vertex.impl.ReshapeVertex;
import org.deeplearning4j.nn.graph.vertex.impl.ScaleVertex;
import org.deeplearning4j.nn.graph.vertex.impl.ShiftVertex;
import org.deeplearning4j.nn.graph.vertex.impl.SubsetVertex;
import org.nd4j.linalg.activations.impl.ActivationRReLU;

/**
 * The layer and vertex types whose inference-mode backprop the engine has been checked against finite differences
 * (or that are plain linear reshuffles). Anything else is refused by name and type rather than differentiated
 * wrongly: recurrent layers, attention, custom lambdas, and DL4J's stochastic RReLU.
 */
final class SupportedLayers {

    /** Exact classes: a subclass (a 1-D or 3-D convolution) has other shapes and is not covered by the checks. */
    private static final List<Class<? extends Layer>> LAYERS = List.of(
            DenseLayer.class, ConvolutionLayer.class, DepthwiseConvolution2D.class, SeparableConvolution2D.class,
            Deconvolution2D.class, SubsamplingLayer.class, BatchNormalization.class, DropoutLayer.class,
            ActivationLayer.class, GlobalPoolingLayer.class, ZeroPaddingLayer.class, Cropping2D.class,
            Upsampling2D.class, PReLULayer.class, LocalResponseNormalization.class);

    private static final List<Class<? extends GraphVertex>> VERTICES = List.of(
            InputVertex.class, LayerVertex.class, ElementWiseVertex.class, MergeVertex.class,
            PreprocessorVertex.class, ScaleVertex.class, ShiftVertex.class, SubsetVertex.class, ReshapeVertex.class);

    private SupportedLayers() {}

    static void check(GraphVertex[] vertices) {
        for (GraphVertex v : vertices) {
            if (VERTICES.stream().noneMatch(c -> c == v.getClass())) {
                throw unsupported(v.getVertexName(), v.getClass().getSimpleName());
            }
            if (v instanceof LayerVertex lv) {
                Layer conf = lv.getLayer().conf().getLayer();
                if (LAYERS.stream().noneMatch(c -> c == conf.getClass())) {
                    throw unsupported(v.getVertexName(), conf.getClass().getSimpleName());
                }
                if (conf instanceof ActivationLayer a && a.getActivationFn() instanceof ActivationRReLU
                        || conf instanceof org.deeplearning4j.nn.conf.layers.BaseLayer b
                        && b.getActivationFn() instanceof ActivationRReLU) {
                    throw unsupported(v.getVertexName(), "RReLU activation (random in training, so untestable)");
                }
            }
        }
    }

    private static UnsupportedModelException unsupported(String name, String type) {
        return new UnsupportedModelException("layer '" + name + "' (" + type + ") is not supported:"
                + " Glassbox explains feed-forward image classifiers built from dense, convolution, pooling,"
                + " batch-normalization, dropout, activation and element-wise layers");
    }
}
