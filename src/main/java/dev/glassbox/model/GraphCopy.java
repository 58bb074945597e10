package dev.glassbox.model;

import dev.glassbox.GlassboxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Builds the network the gradient engine differentiates: a {@link ComputationGraph} with the user's parameters
 * (copied, never shared) whose configuration is rewritten for inference-time gradients:
 * <ul>
 *   <li>dropout and weight noise removed (DL4J re-applies the last training mask in backprop);</li>
 *   <li>frozen layers unwrapped (a frozen layer stops gradients, but attribution needs them);</li>
 *   <li>the final softmax removed, so that the output is the pre-softmax logits;
 *       an {@code OutputLayer} becomes a {@code DenseLayer} with the same parameters, since DL4J output layers
 *       refuse an external gradient.</li>
 * </ul>
 */
final class GraphCopy {

    /** What the rewrite found at the head of the network. */
    record Result(ComputationGraph graph, boolean softmaxRemoved) {}

    private GraphCopy() {}

    static Result of(Model network, DataType dataType) {
        ComputationGraphConfiguration conf = (network instanceof MultiLayerNetwork mln
                ? graphConfiguration(mln)
                : ((ComputationGraph) network).getConfiguration()).clone();
        if (conf.getNetworkInputs().size() != 1 || conf.getNetworkOutputs().size() != 1) {
            throw new UnsupportedModelException("the network has " + conf.getNetworkInputs().size() + " inputs and "
                    + conf.getNetworkOutputs().size() + " outputs; Glassbox explains networks with one image input"
                    + " and one class-score output");
        }
        for (GraphVertex vertex : conf.getVertices().values()) {
            if (vertex instanceof LayerVertex lv) {
                lv.getLayerConf().setLayer(forInference(lv.getLayerConf().getLayer()));
            }
        }
        boolean softmaxRemoved = removeFinalSoftmax(conf);
        conf.setTrainingWorkspaceMode(WorkspaceMode.NONE);
        conf.setInferenceWorkspaceMode(WorkspaceMode.NONE);
        conf.setValidateOutputLayerConfig(false);

        INDArray params = network.params();
        ComputationGraph copy = new ComputationGraph(conf);
        copy.init(params.dup(), false);
        if (copy.numParams() != params.length()) {
            throw new IllegalStateException("gradient copy has " + copy.numParams() + " parameters, the model "
                    + params.length());
        }
        if (copy.params().dataType() != dataType) {
            copy = copy.convertDataType(dataType);
        }
        return new Result(copy, softmaxRemoved);
    }

    /**
     * The single-stack graph configuration of a {@link MultiLayerNetwork}, with the same topological order (and so
     * the same parameter layout). Vertices are named after the layers where names are set and unique, so that
     * {@code inspect} shows the names the user gave.
     */
    /**
     * Another graph over the same parameter array as {@code copy} (not a copy of them): each of the engine's lanes
     * ({@link EngineLanes}) runs its own graph, whose layers keep their own inputs, on the one set of parameters, which
     * the engine only reads.
     */
    static ComputationGraph sharing(ComputationGraph copy) {
        ComputationGraph graph = new ComputationGraph(copy.getConfiguration().clone());
        graph.init(copy.params(), false);
        return graph;
    }

    static ComputationGraphConfiguration graphConfiguration(MultiLayerNetwork mln) {
        MultiLayerConfiguration original = mln.getLayerWiseConfigurations().clone();
        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder()
                .dataType(original.getDataType())
                .graphBuilder();
        List<NeuralNetConfiguration> confs = original.getConfs();
        List<String> names = vertexNames(confs);
        String previous = "input";
        b.addInputs(previous);
        for (int i = 0; i < confs.size(); i++) {
            b.addLayer(names.get(i), confs.get(i).getLayer(), original.getInputPreProcess(i), previous);
            previous = names.get(i);
        }
        b.setOutputs(previous);
        b.validateOutputLayerConfig(false);
        return b.build();
    }

    private static List<String> vertexNames(List<NeuralNetConfiguration> confs) {
        Set<String> seen = new HashSet<>();
        seen.add("input");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < confs.size(); i++) {
            String name = confs.get(i).getLayer().getLayerName();
            if (name == null || name.isBlank() || !seen.add(name)) {
                name = "layer" + i;
                while (!seen.add(name)) {
                    name = name + "_";
                }
            }
            names.add(name);
        }
        return names;
    }

    private static Layer forInference(Layer layer) {
        Layer l = layer;
        if (l instanceof FrozenLayer frozen) {
            l = frozen.getLayer();
        } else if (l instanceof FrozenLayerWithBackprop frozen) {
            l = frozen.getUnderlying();
        }
        l.setIDropout(null);
        if (l instanceof BaseLayer base) {
            base.setWeightNoise(null);
        }
        return l;
    }

    /**
     * Walks back from the output through layers that do not change the scores (dropout, identity activations,
     * loss layers) to the first softmax, and makes it the identity. Returns whether one was found.
     */
    private static boolean removeFinalSoftmax(ComputationGraphConfiguration conf) {
        String name = conf.getNetworkOutputs().get(0);
        while (true) {
            GraphVertex vertex = conf.getVertices().get(name);
            if (!(vertex instanceof LayerVertex lv)) {
                return false;
            }
            Layer layer = lv.getLayerConf().getLayer();
            if (layer instanceof OutputLayer out) {
                lv.getLayerConf().setLayer(asDense(out));
                return isSoftmax(out.getActivationFn());
            }
            if (layer instanceof BaseOutputLayer other) {
                throw new UnsupportedModelException("the output layer '" + name + "' ("
                        + other.getClass().getSimpleName() + ") does not give one score per class");
            }
            if (layer instanceof LossLayer loss) {
                ActivationLayer replacement = new ActivationLayer.Builder()
                        .activation(isSoftmax(loss.getActivationFn()) ? new ActivationIdentity() : loss.getActivationFn())
                        .name(loss.getLayerName()).build();
                lv.getLayerConf().setLayer(replacement);
                if (isSoftmax(loss.getActivationFn())) {
                    return true;
                }
            } else if (layer instanceof ActivationLayer act) {
                if (isSoftmax(act.getActivationFn())) {
                    act.setActivationFn(new ActivationIdentity());
                    return true;
                }
                if (!(act.getActivationFn() instanceof ActivationIdentity)) {
                    return false;
                }
            } else if (layer instanceof DropoutLayer) {
                // identity in inference: look through it (a DropoutLayer is also a BaseLayer, so test it first)
            } else if (layer instanceof BaseLayer base) {
                if (isSoftmax(base.getActivationFn())) {
                    base.setActivationFn(new ActivationIdentity());
                    return true;
                }
                return false;
            } else {
                return false;
            }
            List<String> inputs = conf.getVertexInputs().get(name);
            if (inputs == null || inputs.size() != 1 || conf.getNetworkInputs().contains(inputs.get(0))) {
                return false;
            }
            name = inputs.get(0);
        }
    }

    private static DenseLayer asDense(OutputLayer out) {
        IActivation activation = isSoftmax(out.getActivationFn()) ? new ActivationIdentity() : out.getActivationFn();
        return new DenseLayer.Builder()
                .nIn(out.getNIn())
                .nOut(out.getNOut())
                .hasBias(out.hasBias())
                .activation(activation)
                .name(out.getLayerName())
                .build();
    }

    private static boolean isSoftmax(IActivation activation) {
        return activation instanceof ActivationSoftmax;
    }
}
