package dev.glassbox.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Tells a model's input spec from what the model file records. */
final class InputSpecDetector {

    private static final int LARGEST_GUESSED_SIDE = 512;

    private InputSpecDetector() {}

    /** From the Keras {@code model_config}: the first {@code batch_input_shape}, e.g. {@code [null, 28, 28, 1]}. */
    static Optional<InputSpec> fromKerasConfig(JsonNode modelConfig, Model network) {
        JsonNode shape = modelConfig.findValue("batch_input_shape");
        if (shape == null || !shape.isArray()) {
            return Optional.empty();
        }
        if (shape.size() == 2 && shape.get(1).canConvertToInt()) {
            return Optional.of(flat(shape.get(1).asInt()));
        }
        if (shape.size() != 4) {
            return Optional.empty();
        }
        boolean channelsFirst = "channels_first".equals(
                Optional.ofNullable(modelConfig.findValue("data_format")).map(JsonNode::asText).orElse(""));
        Optional<CNN2DFormat> fromLayers = firstConvolutionFormat(toGraphConf(network));
        if (fromLayers.isPresent()) {
            channelsFirst = fromLayers.get() == CNN2DFormat.NCHW;
        }
        int a = shape.get(1).asInt();
        int b = shape.get(2).asInt();
        int c = shape.get(3).asInt();
        if (a <= 0 || b <= 0 || c <= 0) {
            return Optional.empty();
        }
        return Optional.of(channelsFirst
                ? InputSpec.image(InputLayout.NCHW, a, b, c)
                : InputSpec.image(InputLayout.NHWC, c, a, b));
    }

    /** From the DL4J configuration: the preprocessor or first layer that reads the network input. */
    static Optional<InputSpec> fromNetwork(Model network) {
        ComputationGraphConfiguration conf = toGraphConf(network);
        if (conf.getNetworkInputs().size() != 1) {
            return Optional.empty();
        }
        String input = conf.getNetworkInputs().get(0);
        for (Map.Entry<String, List<String>> e : conf.getVertexInputs().entrySet()) {
            if (!e.getValue().contains(input)) {
                continue;
            }
            GraphVertex vertex = conf.getVertices().get(e.getKey());
            if (!(vertex instanceof LayerVertex lv)) {
                continue;
            }
            InputPreProcessor pre = lv.getPreProcessor();
            Layer layer = lv.getLayerConf().getLayer();
            if (pre instanceof FeedForwardToCnnPreProcessor p) {
                return Optional.of(InputSpec.flatImage((int) p.getNumChannels(), (int) p.getInputHeight(),
                        (int) p.getInputWidth()));
            }
            if (pre instanceof CnnToFeedForwardPreProcessor p) {
                InputLayout layout = p.getFormat() == CNN2DFormat.NHWC ? InputLayout.NHWC : InputLayout.NCHW;
                return Optional.of(InputSpec.image(layout, (int) p.getNumChannels(), (int) p.getInputHeight(),
                        (int) p.getInputWidth()));
            }
            if (layer instanceof ConvolutionLayer conv) {
                InputLayout layout = conv.getCnn2dDataFormat() == CNN2DFormat.NHWC ? InputLayout.NHWC : InputLayout.NCHW;
                int channels = (int) conv.getNIn();
                return squareSideThatFits(conf, channels, conv.getCnn2dDataFormat())
                        .map(side -> InputSpec.image(layout, channels, side, side));
            }
            if (layer instanceof FeedForwardLayer ff && ff.getNIn() > 0) {
                return Optional.of(flat(ff.getNIn()));
            }
        }
        return Optional.empty();
    }

    /** A flat vector; a square number of values (784) or three times one (3072) is read as a row-major image. */
    static InputSpec flat(long length) {
        for (int channels : new int[] {1, 3}) {
            if (length % channels == 0) {
                long side = Math.round(Math.sqrt(length / (double) channels));
                if (side > 1 && side * side * channels == length) {
                    return InputSpec.flatImage(channels, (int) side, (int) side);
                }
            }
        }
        return InputSpec.vector(length);
    }

    /**
     * A convolutional first layer does not record the image size, but a later flattening preprocessor records the
     * size it expects; the smallest square input side that produces it is the answer. (Truncating pooling maps
     * several sides to one size, 28 and 29 both to LeNet's 4x4; networks are designed for the exact fit.)
     */
    private static Optional<Integer> squareSideThatFits(ComputationGraphConfiguration conf, int channels,
                                                        CNN2DFormat format) {
        Map<String, CnnToFeedForwardPreProcessor> flatteners = new java.util.HashMap<>();
        conf.getVertices().forEach((name, v) -> {
            if (v instanceof LayerVertex lv && lv.getPreProcessor() instanceof CnnToFeedForwardPreProcessor p) {
                flatteners.put(name, p);
            }
        });
        if (flatteners.isEmpty()) {
            return Optional.empty();
        }
        for (int side = 1; side <= LARGEST_GUESSED_SIDE; side++) {
            Map<String, InputType> types;
            try {
                types = conf.clone().getLayerActivationTypes(true, InputType.convolutional(side, side, channels,
                        format));
            } catch (RuntimeException tooSmallOrInconsistent) {
                continue;
            }
            if (flatteners.entrySet().stream().allMatch(e -> matches(conf, types, e.getKey(), e.getValue()))) {
                return Optional.of(side);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(ComputationGraphConfiguration conf, Map<String, InputType> types, String vertex,
                                   CnnToFeedForwardPreProcessor p) {
        List<String> inputs = conf.getVertexInputs().get(vertex);
        if (inputs == null || inputs.size() != 1) {
            return false;
        }
        InputType in = types.get(inputs.get(0));
        return in instanceof InputType.InputTypeConvolutional c
                && c.getHeight() == p.getInputHeight() && c.getWidth() == p.getInputWidth();
    }

    private static Optional<CNN2DFormat> firstConvolutionFormat(ComputationGraphConfiguration conf) {
        for (String name : conf.getVertices().keySet()) {
            if (conf.getVertices().get(name) instanceof LayerVertex lv
                    && lv.getLayerConf().getLayer() instanceof ConvolutionLayer conv) {
                return Optional.of(conv.getCnn2dDataFormat());
            }
        }
        return Optional.empty();
    }

    static ComputationGraphConfiguration toGraphConf(Model network) {
        if (network instanceof ComputationGraph cg) {
            return cg.getConfiguration();
        }
        MultiLayerNetwork mln = (MultiLayerNetwork) network;
        return GraphCopy.graphConfiguration(mln);
    }
}
