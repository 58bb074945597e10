package dev.glassbox.model;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.nd4j.linalg.activations.IActivation;

/**
 * What each vertex of a network is, for the engine's callers ({@link LayerInfo}): name, kind, one example's output
 * shape, parameters, activation, and whether its output is a picture-like {@code [channels, height, width]} or
 * {@code [height, width, channels]} map.
 */
final class LayerDescriptions {

    private LayerDescriptions() {}

    /**
     * One description per vertex except the input (null there), by vertex index.
     *
     * @param order  the topological order
     * @param layout the network input's layout
     * @param shapes every vertex's output shape for a batch of one
     */
    static LayerInfo[] describe(GraphVertex[] vertices, int[] order, InputLayout layout, long[][] shapes) {
        LayerInfo[] result = new LayerInfo[vertices.length];
        // Where a layer says nothing of its layout (activation, add), it keeps the layout of its input.
        boolean[] channelsLast = new boolean[vertices.length];
        for (int idx : order) {
            GraphVertex v = vertices[idx];
            if (v.isInputVertex()) {
                channelsLast[idx] = layout == InputLayout.NHWC;
                continue;
            }
            VertexIndices[] ins = v.getInputVertices();
            channelsLast[idx] = ins != null && ins.length > 0 && channelsLast[ins[0].getVertexIndex()];
            CNN2DFormat format = formatOf(v);
            if (format != null) {
                channelsLast[idx] = format == CNN2DFormat.NHWC;
            }
            long[] shape = shapes[idx];
            long[] example = Arrays.copyOfRange(shape, 1, shape.length);
            IActivation activation = null;
            String type = v.getClass().getSimpleName();
            long params = v.numParams();
            boolean spatial = example.length == 3;
            if (v instanceof LayerVertex lv) {
                Layer layer = lv.getLayer();
                type = layer.conf().getLayer().getClass().getSimpleName();
                if (layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer base) {
                    activation = base.getActivationFn();
                } else if (layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer a) {
                    activation = a.getActivationFn();
                }
            }
            result[idx] = new LayerInfo(v.getVertexName(), type, example, params, activation, spatial,
                    spatial && channelsLast[idx]);
        }
        return result;
    }

    /** The layout a convolution, pooling or normalization layer declares; null for the others. */
    private static CNN2DFormat formatOf(GraphVertex v) {
        if (!(v instanceof LayerVertex lv)) {
            return null;
        }
        var conf = lv.getLayer().conf().getLayer();
        return conf instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer c ? c.getCnn2dDataFormat()
                : conf instanceof org.deeplearning4j.nn.conf.layers.SubsamplingLayer s ? s.getCnn2dDataFormat()
                : conf instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization b ? b.getCnn2DFormat()
                : null;
    }
}
