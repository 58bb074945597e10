package dev.glassbox.model;

import dev.glassbox.GlassboxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The forward and backward walk over one network's vertices, the part of the {@link GradientEngine} that touches
 * DL4J's graph: a forward pass over the topological order (each vertex in inference mode, with inputs that later
 * layers cannot overwrite), and a backward pass in reverse order that calls each vertex's own backprop and sums
 * gradients where paths merge. Convolutions, ReLU activations and batch normalization run with the engine's own
 * passes ({@link ConvolutionPass}, {@link ReluPass}, {@link BatchNormPass}), a convolution read only by a batch
 * normalization folded into it where a pass allows ({@link FoldedNorms}).
 *
 * <p>Vertices are named by their DL4J vertex index here; the engine speaks in layer names to its callers.
 * Not thread-safe: layers hold the inputs of the latest forward pass.
 */
final class GraphPasses {

    private final ComputationGraph graph;
    private final InputSpec input;
    private final DataType dataType;
    private final GraphVertex[] vertices;
    private final int[] order;
    private final int[] position;
    private final int inputIndex;
    private final int outputIndex;
    private final Map<String, Integer> byName = new HashMap<>();
    /** By vertex index: batch normalization as the engine computes it ({@link BatchNormPass}), else null. */
    private final BatchNormPass[] norms;
    /** By vertex index: convolutions run with ND4J's own operations ({@link ConvolutionPass}), else null. */
    private final ConvolutionPass[] convolutions;
    private final FoldedNorms folds;
    /** By vertex index: ReLU activation layers run in one pass each way ({@link ReluPass}), else null. */
    private final ReluPass[] relus;
    /** By vertex index: dense layers in one product each way ({@link DensePass}), else null. */
    private final DensePass[] denses;
    /**
     * By vertex index: sums of inputs of one shape ({@link AddPass}), else null: set from the probe pass's shapes, so
     * a sum that broadcasts stays DL4J's.
     */
    private final AddPass[] adds;
    /** By vertex index: one example's output shape and the layer's kind; null for the input. */
    private final LayerInfo[] infoByVertex;
    private final List<LayerInfo> layers;

    GraphPasses(ComputationGraph graph, InputSpec input, DataType dataType) {
        this.graph = graph;
        this.input = input;
        this.dataType = dataType;
        // Layer backprop writes weight gradients into views of one flat array; DL4J makes it lazily on fit().
        graph.initGradientsView();
        this.vertices = graph.getVertices();
        this.order = graph.topologicalSortOrder();
        this.position = new int[vertices.length];
        for (int i = 0; i < order.length; i++) {
            position[order[i]] = i;
        }
        for (GraphVertex v : vertices) {
            byName.put(v.getVertexName(), v.getVertexIndex());
        }
        this.inputIndex = byName.get(graph.getConfiguration().getNetworkInputs().get(0));
        this.outputIndex = byName.get(graph.getConfiguration().getNetworkOutputs().get(0));
        SupportedLayers.check(vertices);
        this.norms = new BatchNormPass[vertices.length];
        this.convolutions = new ConvolutionPass[vertices.length];
        this.relus = new ReluPass[vertices.length];
        this.denses = new DensePass[vertices.length];
        this.adds = new AddPass[vertices.length];
        for (GraphVertex v : vertices) {
            norms[v.getVertexIndex()] = BatchNormPass.of(v, dataType).orElse(null);
            convolutions[v.getVertexIndex()] = ConvolutionPass.of(v).orElse(null);
            relus[v.getVertexIndex()] = ReluPass.of(v).orElse(null);
            denses[v.getVertexIndex()] = DensePass.of(v).orElse(null);
        }
        this.folds = FoldedNorms.of(vertices, convolutions, norms, Set.of(outputIndex));
        long[][] shapes = new long[vertices.length][];
        try (MemoryWorkspace ws = EngineWorkspaces.openForward()) {
            // the probe pass: one example of zeros gives every vertex's output shape
            INDArray[] outputs = forward(Nd4j.zeros(dataType, input.batchShape(1)), Map.of(), null,
                    FoldedNorms.Plan.NONE);
            for (int i = 0; i < outputs.length; i++) {
                shapes[i] = outputs[i].shape();
            }
        }
        for (GraphVertex v : vertices) {
            if (Arrays.stream(inputsOf(v, shapes, long[][]::new)).allMatch(in -> Arrays.equals(in, shapes[v.getVertexIndex()]))) {
                adds[v.getVertexIndex()] = AddPass.of(v, graph.getConfiguration()).orElse(null);
            }
        }
        this.infoByVertex = LayerDescriptions.describe(vertices, order, input.layout(), shapes);
        List<LayerInfo> described = new ArrayList<>();
        for (int idx : order) {
            if (infoByVertex[idx] != null) {
                described.add(infoByVertex[idx]);
            }
        }
        this.layers = List.copyOf(described);
    }

    /** The network the passes run: the engine's own gradient copy. */
    ComputationGraph graph() {
        return graph;
    }

    /** Every vertex except the input, in topological order. */
    List<LayerInfo> layers() {
        return layers;
    }

    LayerInfo info(int idx) {
        return infoByVertex[idx];
    }

    int outputIndex() {
        return outputIndex;
    }

    String name(int idx) {
        return vertices[idx].getVertexName();
    }

    /** The vertex index of a layer; a usage error naming the layers where there is no such layer. */
    int indexOf(String layer) {
        Integer idx = byName.get(layer);
        if (idx == null || idx == inputIndex) {
            throw GlassboxException.usage("layer '" + layer + "' does not exist; layers are "
                    + String.join(", ", layers == null ? List.of() : layers.stream().map(LayerInfo::name).toList()));
        }
        return idx;
    }

    Set<Integer> indicesOf(Collection<String> names) {
        Set<Integer> result = new LinkedHashSet<>();
        for (String l : names) {
            result.add(indexOf(l));
        }
        return result;
    }

    /** The vertices feeding {@code idx}, by vertex index; the network's input is -1. */
    int[] inputsOf(int idx) {
        VertexIndices[] inputs = vertices[idx].getInputVertices();
        int[] result = new int[inputs.length];
        for (int j = 0; j < inputs.length; j++) {
            int source = inputs[j].getVertexIndex();
            result[j] = source == inputIndex ? -1 : source;
        }
        return result;
    }

    /** Which convolutions a pass runs folded into their normalization (see {@link FoldedNorms#plan}). */
    FoldedNorms.Plan plan(Set<Integer> exposed, BackwardRule rule) {
        return folds.plan(exposed, rule, infoByVertex);
    }

    /** Every vertex that the given ones depend on, themselves included. */
    boolean[] ancestorsOf(Collection<Integer> targets) {
        boolean[] needed = new boolean[vertices.length];
        List<Integer> stack = new ArrayList<>(targets);
        while (!stack.isEmpty()) {
            int idx = stack.remove(stack.size() - 1);
            if (needed[idx]) {
                continue;
            }
            needed[idx] = true;
            VertexIndices[] inputs = vertices[idx].getInputVertices();
            if (inputs != null) {
                for (VertexIndices in : inputs) {
                    stack.add(in.getVertexIndex());
                }
            }
        }
        return needed;
    }

    /**
     * The forward pass, in the open forward workspace: every vertex's output by vertex index. {@code needed == null}
     * computes every vertex; {@code replaced} puts given arrays in place of some vertices' outputs; {@code plan} says
     * which convolutions run folded into their batch normalization.
     */
    INDArray[] forward(INDArray batch, Map<Integer, INDArray> replaced, boolean[] needed, FoldedNorms.Plan plan) {
        long[] expected = input.batchShape(batch.size(0));
        if (!Arrays.equals(batch.shape(), expected)) {
            throw new IllegalArgumentException("input of shape " + Arrays.toString(batch.shape()) + ", the model takes "
                    + Arrays.toString(expected));
        }
        INDArray x = batch.castTo(dataType);
        if (x.isView() || x.ordering() != 'c') {
            x = x.dup('c'); // a chunk of a larger batch: its own array, in the workspace
        }
        graph.setInputs(x);
        INDArray[] outputs = new INDArray[vertices.length];
        LayerWorkspaceMgr workspaces = EngineWorkspaces.forwardArrays();
        for (int idx : order) {
            if (needed != null && !needed[idx] || plan.skips(idx)) {
                continue;
            }
            GraphVertex v = vertices[idx];
            INDArray out;
            if (v.isInputVertex()) {
                out = x;
            } else if (plan.folds(idx)) {
                int conv = folds.convolutionOf(idx);
                out = folds.pass(idx).forward(outputs[vertices[conv].getInputVertices()[0].getVertexIndex()]);
            } else if (convolutions[idx] != null) {
                out = convolutions[idx].forward(outputs[v.getInputVertices()[0].getVertexIndex()]);
            } else if (relus[idx] != null) {
                out = relus[idx].forward(outputs[v.getInputVertices()[0].getVertexIndex()]);
            } else if (norms[idx] != null && !BatchNormPass.preprocessed(v)) {
                out = norms[idx].forward(outputs[v.getInputVertices()[0].getVertexIndex()]);
            } else if (denses[idx] != null) {
                out = denses[idx].forward(outputs[v.getInputVertices()[0].getVertexIndex()]);
            } else if (adds[idx] != null) {
                out = adds[idx].forward(inputsOf(v, outputs, INDArray[]::new));
            } else {
                VertexIndices[] inputs = v.getInputVertices();
                for (int j = 0; j < inputs.length; j++) {
                    v.setInput(j, outputs[inputs[j].getVertexIndex()], workspaces);
                }
                // An activation layer applies its function in place in inference mode, overwriting the output of the
                // layer before it; in training mode it works on a copy, and it has no other train/test difference.
                boolean copyInput = v instanceof LayerVertex lv
                        && lv.getLayer() instanceof org.deeplearning4j.nn.layers.ActivationLayer;
                out = v.doForward(copyInput, workspaces);
            }
            INDArray replacement = replaced.get(idx);
            if (replacement != null) {
                if (!Arrays.equals(replacement.shape(), out.shape())) {
                    throw new IllegalArgumentException("replacement for " + v.getVertexName() + " has shape "
                            + Arrays.toString(replacement.shape()) + ", expected " + Arrays.toString(out.shape()));
                }
                out = replacement;
            }
            outputs[idx] = out;
        }
        return outputs;
    }

    /**
     * The backward pass from gradients given at one or more vertices, summed where paths merge, right after the
     * {@link #forward} whose layer inputs it uses, in the open backward workspace.
     *
     * @param wanted  vertices at which the gradient is recorded
     * @param toInput whether to go on to the input once every wanted gradient is recorded
     */
    Gradients walkBack(Map<Integer, INDArray> seeds, BackwardRule rule, Set<Integer> wanted, boolean toInput,
                       FoldedNorms.Plan plan) {
        return walkBack(seeds, rule, wanted, toInput, plan, true);
    }

    /**
     * As above; {@code copyOut == false} leaves the recorded gradients in the backward workspace, for a caller that
     * uses them before it closes.
     */
    Gradients walkBack(Map<Integer, INDArray> seeds, BackwardRule rule, Set<Integer> wanted, boolean toInput,
                       FoldedNorms.Plan plan, boolean copyOut) {
        INDArray[] eps = new INDArray[vertices.length];
        int start = -1;
        for (var seed : seeds.entrySet()) {
            eps[seed.getKey()] = seed.getValue().castTo(dataType);
            start = start < 0 || position[seed.getKey()] > position[start] ? seed.getKey() : start;
        }
        Map<String, INDArray> recorded = new LinkedHashMap<>();
        for (int p = position[start]; p >= 0; p--) {
            int idx = order[p];
            INDArray e = eps[idx];
            if (e == null) {
                continue;
            }
            eps[idx] = null;
            GraphVertex v = vertices[idx];
            if (wanted.contains(idx)) {
                recorded.put(v.getVertexName(), copyOut ? e.detach() : e);
                if (!toInput && recorded.size() == wanted.size()) {
                    return new Gradients(null, Collections.unmodifiableMap(recorded));
                }
            }
            if (idx == inputIndex) {
                return new Gradients(e.detach(), Collections.unmodifiableMap(recorded));
            }
            if (v.isInputVertex()) {
                continue;
            }
            INDArray[] toInputs;
            VertexIndices[] inputs;
            if (plan.folds(idx)) {
                // the convolution folded into this normalization: on to the convolution's input
                toInputs = new INDArray[] {folds.pass(idx).backward(e)};
                inputs = vertices[folds.convolutionOf(idx)].getInputVertices();
            } else {
                toInputs = backwardThrough(v, rule.atOutput(infoByVertex[idx], e));
                inputs = v.getInputVertices();
            }
            for (int j = 0; j < inputs.length; j++) {
                int src = inputs[j].getVertexIndex();
                eps[src] = eps[src] == null ? toInputs[j] : eps[src].add(toInputs[j]);
            }
        }
        throw new IllegalStateException("the backward pass did not reach the input");
    }

    /** What feeds vertex {@code v} (outputs, shapes), by vertex index, in its input order; none for the input. */
    private static <T> T[] inputsOf(GraphVertex v, T[] byVertex, java.util.function.IntFunction<T[]> array) {
        VertexIndices[] inputs = v.getInputVertices();
        T[] values = array.apply(inputs == null ? 0 : inputs.length);
        for (int j = 0; j < values.length; j++) {
            values[j] = byVertex[inputs[j].getVertexIndex()];
        }
        return values;
    }

    private INDArray[] backwardThrough(GraphVertex v, INDArray epsilon) {
        AddPass sum = adds[v.getVertexIndex()];
        if (sum != null) {
            return sum.backward(epsilon, v.getInputVertices().length);
        }
        DensePass dense = denses[v.getVertexIndex()];
        if (dense != null) {
            return new INDArray[] {dense.backward(epsilon)};
        }
        ConvolutionPass convolution = convolutions[v.getVertexIndex()];
        if (convolution != null) {
            return new INDArray[] {convolution.backward(epsilon)};
        }
        ReluPass relu = relus[v.getVertexIndex()];
        if (relu != null) {
            return new INDArray[] {relu.backward(epsilon)};
        }
        BatchNormPass norm = norms[v.getVertexIndex()];
        if (norm != null) {
            INDArray dx = norm.backward(epsilon);
            InputPreProcessor pre = ((LayerVertex) v).getLayerPreProcessor();
            return new INDArray[] {pre == null ? dx
                    : pre.backprop(dx, (int) epsilon.size(0), EngineWorkspaces.backwardArrays())};
        }
        v.setEpsilon(epsilon);
        return v.doBackward(false, EngineWorkspaces.backwardArrays()).getSecond();
    }
}
