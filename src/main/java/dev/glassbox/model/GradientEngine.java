package dev.glassbox.model;

import dev.glassbox.GlassboxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Exact inference-mode gradients for any supported DL4J network: logits, probabilities, d(logit)/d(input),
 * true layer activations, d(logit)/d(layer activations), and the input gradient of any objective given as a
 * gradient at a layer.
 *
 * <p>DL4J's own {@code ComputationGraph.backpropGradient} gives no input gradient and refuses an external gradient
 * at an output layer, so the engine walks the graph itself: a forward pass over the topological order (each vertex
 * in inference mode, with inputs that later layers cannot overwrite), then a backward pass in reverse order that
 * calls each vertex's own backprop and sums gradients where paths merge. Batch normalization is the exception: DL4J's
 * backprop assumes batch statistics, while in inference it is a per-channel affine map.
 *
 * <p>Not thread-safe: layers hold the inputs of the latest forward pass. Use one engine per thread. Arrays handed
 * to callers are their own; the engine computes in reused memory ({@link EngineWorkspaces}).
 */
public final class GradientEngine {

    private final LoadedModel model;
    private final ComputationGraph graph;
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
    private final boolean softmaxHead;
    private final DataType dataType;
    private final List<LayerInfo> layers;
    private final LayerInfo[] infoByVertex;
    private final int classes;
    private final MemoryBudget budget;
    private final PassSizes sizes;

    private GradientEngine(LoadedModel model, GraphCopy.Result copy, DataType dataType, MemoryBudget budget) {
        this.model = model;
        this.budget = budget;
        this.graph = copy.graph();
        // Layer backprop writes weight gradients into views of one flat array; DL4J makes it lazily on fit().
        graph.initGradientsView();
        this.softmaxHead = copy.softmaxRemoved();
        this.dataType = dataType;
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
        for (GraphVertex v : vertices) {
            norms[v.getVertexIndex()] = BatchNormPass.of(v, dataType).orElse(null);
            convolutions[v.getVertexIndex()] = ConvolutionPass.of(v).orElse(null);
        }
        this.folds = FoldedNorms.of(vertices, convolutions, norms, Set.of(outputIndex));
        this.relus = new ReluPass[vertices.length];
        for (GraphVertex v : vertices) {
            relus[v.getVertexIndex()] = ReluPass.of(v).orElse(null);
        }
        this.infoByVertex = new LayerInfo[vertices.length];
        this.layers = describeLayers();
        long[] out = layers.get(layers.size() - 1).outputShape();
        if (out.length != 1) {
            throw new UnsupportedModelException("the model's output has shape " + Arrays.toString(batchShape(out))
                    + "; Glassbox needs one score per class, [batch, k]");
        }
        this.classes = (int) out[0];
        this.sizes = PassSizes.of(layers, model.input().length(), dataType.width(), budget);
    }

    /** An engine in single precision, the speed every method runs at, with the default memory budget. */
    public static GradientEngine create(LoadedModel model) {
        return create(model, DataType.FLOAT);
    }

    /** An engine in the given precision; gradient checks use {@link DataType#DOUBLE}. */
    public static GradientEngine create(LoadedModel model, DataType dataType) {
        return create(model, dataType, MemoryBudget.defaultBudget());
    }

    /** An engine in the given precision whose passes each stay within {@code budget}. */
    public static GradientEngine create(LoadedModel model, DataType dataType, MemoryBudget budget) {
        try {
            return new GradientEngine(model, GraphCopy.of(model.network(), dataType), dataType, budget);
        } catch (UnsupportedModelException e) {
            throw GlassboxException.badInput(model.file(), e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException | org.deeplearning4j.exception.DL4JException e) {
            // DL4J's way of saying that the input shape does not fit the layers (the probe forward pass)
            throw GlassboxException.badInput(model.file(), "the network does not run on an input of shape "
                    + Arrays.toString(model.input().batchShape(1)) + ": " + ModelLoader.firstLine(e), e);
        }
    }

    /**
     * The parameters a model learns and {@link #withRandomLayers} redraws: weights, biases and batch normalization's
     * scale and shift (its running statistics are measurements, not learned, and stay).
     */
    private static final java.util.Set<String> LEARNED = java.util.Set.of("W", "b", "gamma", "beta", "pW", "dW");

    /**
     * Layers with learned parameters, from the output down: the order in which a cascading randomization
     * (Adebayo et al. 2018) replaces them.
     */
    public List<String> learnedLayersTopDown() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = order.length - 1; i >= 0; i--) {
            GraphVertex v = vertices[order[i]];
            if (v.hasLayer() && v.getLayer().paramTable().keySet().stream().anyMatch(LEARNED::contains)) {
                names.add(v.getVertexName());
            }
        }
        return names;
    }

    /**
     * A new engine on a copy of this one's network in which the named layers' learned parameters are redrawn at
     * random: normal, with mean 0 and each array's own standard deviation, so the scale matches what training left;
     * an array with no spread (biases at zero, a fixed gamma) keeps its values. The model is not changed.
     */
    public GradientEngine withRandomLayers(java.util.Collection<String> layerNames, long seed) {
        // A fresh gradient copy of the user's model: ComputationGraph.clone() needs an updater, which a copy lacks.
        GraphCopy.Result fresh = GraphCopy.of(model.network(), dataType);
        ComputationGraph copy = fresh.graph();
        java.util.Random random = new java.util.Random(seed);
        for (String name : layerNames) {
            org.deeplearning4j.nn.api.Layer layer = copy.getLayer(name);
            if (layer == null) {
                throw new IllegalArgumentException("no layer '" + name + "'");
            }
            for (var e : new java.util.TreeMap<>(layer.paramTable()).entrySet()) {
                if (!LEARNED.contains(e.getKey())) {
                    continue;
                }
                INDArray values = e.getValue();
                double std = values.stdNumber().doubleValue();
                if (!(std > 0)) {
                    continue;
                }
                double[] drawn = new double[(int) values.length()];
                for (int i = 0; i < drawn.length; i++) {
                    drawn[i] = random.nextGaussian() * std;
                }
                values.assign(Nd4j.create(drawn, values.shape(), values.ordering()).castTo(values.dataType()));
            }
        }
        return new GradientEngine(model, fresh, dataType, budget);
    }

    public LoadedModel model() {
        return model;
    }

    public InputSpec input() {
        return model.input();
    }

    public DataType dataType() {
        return dataType;
    }

    /** The memory each pass may take. */
    public MemoryBudget budget() {
        return budget;
    }

    /**
     * Rows per pass within the budget. The engine's batch operations ({@link #logits}, {@link #inputGradient},
     * {@link #activations}, ...) split larger batches themselves; callers of {@link #differentiate} and
     * {@link #objectivesGradient}, whose objectives see the whole batch, split their own.
     */
    public PassSizes passSizes() {
        return sizes;
    }

    /** Number of classes k of the {@code [batch, k]} output. */
    public int classes() {
        return classes;
    }

    /** Whether the model ends in a softmax (which the engine removes to give logits). */
    public boolean hasSoftmaxHead() {
        return softmaxHead;
    }

    /** Every vertex except the input, in topological order, with one example's output shape. */
    public List<LayerInfo> layers() {
        return layers;
    }

    /** Layers whose output has height and width: the candidates for Grad-CAM and neuron groups. */
    public List<LayerInfo> spatialLayers() {
        return layers.stream().filter(LayerInfo::spatial).toList();
    }

    public LayerInfo layer(String name) {
        return infoByVertex[indexOf(name)];
    }

    /**
     * The layer whose output {@code layer} takes as its input, or empty where it takes the network's input
     * (Grad-CAM attributes "to the layer's input" there).
     */
    public java.util.Optional<String> inputOf(String layer) {
        VertexIndices[] inputs = vertices[indexOf(layer)].getInputVertices();
        if (inputs.length != 1) {
            throw GlassboxException.usage("layer '" + layer + "' takes " + inputs.length + " inputs; its input is not"
                    + " one layer");
        }
        int source = inputs[0].getVertexIndex();
        return source == inputIndex ? java.util.Optional.empty()
                : java.util.Optional.of(vertices[source].getVertexName());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Convenience operations

    /** Pre-softmax class scores {@code [batch, k]}. */
    public INDArray logits(INDArray input) {
        return Chunks.map(input, sizes.forwardRows(), part -> logitsWithReplaced(part, Map.of()));
    }

    /** Softmax of the logits where the model ends in a softmax; otherwise the model's own output. */
    public INDArray probabilities(INDArray input) {
        return toProbabilities(logits(input));
    }

    /** Turns logits from this engine into probabilities (see {@link #probabilities(INDArray)}). */
    public INDArray toProbabilities(INDArray logits) {
        return softmaxHead ? Transforms.softmax(logits, true) : logits.dup();
    }

    /** Logits and d(logit of each example's target)/d(input) for a batch. */
    public TargetGradient inputGradient(INDArray input, int[] targets) {
        return Chunks.gradients(input, targets, sizes.gradientRows(), (x, t) -> {
            Differentiation d = differentiate(x, null, logits -> targetEpsilon(t, x.size(0)), BackwardRule.NONE,
                    List.of(), List.of());
            return new TargetGradient(d.logits(), d.gradients().input(), null, null);
        });
    }

    /** As {@link #inputGradient}, plus the true activations of {@code layer} and d(logit)/d(those activations). */
    public TargetGradient layerGradient(INDArray input, int[] targets, String layer) {
        return Chunks.gradients(input, targets, sizes.gradientRows(), (x, t) -> {
            Differentiation d = differentiate(x, null, logits -> targetEpsilon(t, x.size(0)), BackwardRule.NONE,
                    List.of(layer), List.of(layer));
            return new TargetGradient(d.logits(), d.gradients().input(), d.activations().get(layer),
                    d.gradients().layer(layer));
        });
    }

    /**
     * The true activations of {@code layer} and d(target logit)/d(those activations), with a backward pass that
     * stops at the layer: Grad-CAM needs no input gradient. {@code input()} of the result is null.
     */
    public TargetGradient layerGradientOnly(INDArray input, int[] targets, String layer) {
        return Chunks.gradients(input, targets, sizes.gradientRows(), (x, t) -> {
            Differentiation d = differentiate(x, null, logits -> targetEpsilon(t, x.size(0)), BackwardRule.NONE,
                    List.of(layer), List.of(layer), false);
            return new TargetGradient(d.logits(), null, d.activations().get(layer), d.gradients().layer(layer));
        });
    }

    /** The true output of {@code layer}, computing only the layers it depends on. */
    public INDArray activations(INDArray input, String layer) {
        int idx = indexOf(layer);
        boolean[] needed = ancestorsOf(List.of(idx));
        return Chunks.map(input, sizes.forwardRows(), x -> {
            try (MemoryWorkspace ws = EngineWorkspaces.openForward()) {
                FoldedNorms.Plan plan = folds.plan(Set.of(idx), BackwardRule.NONE, infoByVertex);
                return forward(x, Map.of(), needed, plan)[idx].detach();
            }
        });
    }

    /** The true outputs of several layers in one forward pass, by name (the output layer's name gives the logits). */
    public Map<String, INDArray> activations(INDArray input, Collection<String> layers) {
        Set<Integer> indices = indicesOf(layers);
        boolean[] needed = ancestorsOf(indices);
        return Chunks.named(input, sizes.forwardRows(), x -> {
            try (MemoryWorkspace ws = EngineWorkspaces.openForward()) {
                FoldedNorms.Plan plan = folds.plan(indices, BackwardRule.NONE, infoByVertex);
                INDArray[] outputs = forward(x, Map.of(), needed, plan);
                Map<String, INDArray> result = new LinkedHashMap<>();
                for (int idx : indices) {
                    result.put(vertices[idx].getVertexName(), outputs[idx].detach());
                }
                return Collections.unmodifiableMap(result);
            }
        });
    }

    /**
     * The input gradient of an objective on a layer's activations: {@code objective} maps the activations to
     * d(objective)/d(activations); the result holds those activations and d(objective)/d(input).
     */
    public ObjectiveGradient objectiveGradient(INDArray input, String layer, UnaryOperator<INDArray> objective) {
        Differentiation d = differentiate(input, layer, objective, BackwardRule.NONE, List.of(), List.of(layer));
        return new ObjectiveGradient(d.activations().get(layer), d.gradients().input());
    }

    /**
     * The input gradient of a sum of objectives on several layers at once, in one forward and one backward pass:
     * each entry maps a layer's activations to d(objective)/d(those activations) (zeros for the examples the
     * objective does not concern). The output layer's name stands for the logits. Feature visualization optimizes
     * pictures for different layers in one batch with it.
     *
     * @return the activations of every named layer, by name, and d(sum of objectives)/d(input)
     */
    public MultiObjectiveGradient objectivesGradient(INDArray input, Map<String, UnaryOperator<INDArray>> objectives) {
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("no objectives");
        }
        Map<Integer, UnaryOperator<INDArray>> byIndex = new LinkedHashMap<>();
        objectives.forEach((layer, objective) -> byIndex.put(indexOf(layer), objective));
        try (MemoryWorkspace ws = EngineWorkspaces.openForward()) {
            FoldedNorms.Plan plan = folds.plan(byIndex.keySet(), BackwardRule.NONE, infoByVertex);
            INDArray[] outputs = forward(input, Map.of(), ancestorsOf(byIndex.keySet()), plan);
            Map<Integer, INDArray> seeds = new HashMap<>();
            Map<String, INDArray> activations = new LinkedHashMap<>();
            for (var e : byIndex.entrySet()) {
                INDArray out = outputs[e.getKey()];
                INDArray seed = e.getValue().apply(out);
                if (!Arrays.equals(seed.shape(), out.shape())) {
                    throw new IllegalArgumentException("gradient of shape " + Arrays.toString(seed.shape())
                            + " for an output of shape " + Arrays.toString(out.shape()));
                }
                seeds.put(e.getKey(), seed);
                activations.put(vertices[e.getKey()].getVertexName(), out.detach());
            }
            Gradients gradients;
            try (MemoryWorkspace back = EngineWorkspaces.openBackward()) {
                gradients = walkBack(seeds, BackwardRule.NONE, Set.of(), true, plan);
            }
            return new MultiObjectiveGradient(Collections.unmodifiableMap(activations), gradients.input());
        }
    }

    /** The name under which {@link #objectivesGradient} takes an objective on the logits. */
    public String logitsLayer() {
        return outputName();
    }

    /** A one-hot gradient at the logits: each example differentiates its own target's logit. */
    public INDArray targetEpsilon(int[] targets, long batch) {
        if (targets.length != batch) {
            throw new IllegalArgumentException(targets.length + " targets for a batch of " + batch);
        }
        INDArray eps = Nd4j.zeros(dataType, batch, classes);
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] < 0 || targets[i] >= classes) {
                throw GlassboxException.usage("target class " + targets[i] + " is out of range: the model has "
                        + classes + " classes (0 to " + (classes - 1) + ")");
            }
            eps.putScalar(i, targets[i], 1.0);
        }
        return eps;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Forward and backward passes

    /**
     * Logits of a forward pass in which the named layers' outputs are replaced by the given arrays (of the batch's
     * size): how a layer gradient is checked against finite differences.
     */
    public INDArray logitsWithReplaced(INDArray input, Map<String, INDArray> replaced) {
        Map<Integer, INDArray> byIndex = new HashMap<>();
        replaced.forEach((name, value) -> byIndex.put(indexOf(name), value.castTo(dataType)));
        try (MemoryWorkspace ws = EngineWorkspaces.openForward()) {
            FoldedNorms.Plan plan = folds.plan(byIndex.keySet(), BackwardRule.NONE, infoByVertex);
            return forward(input, byIndex, null, plan)[outputIndex].detach();
        }
    }

    /**
     * One forward and one backward pass: the general form behind every gradient the engine gives.
     *
     * @param input       the batch
     * @param from        where the backward pass starts: a layer's name, or null for the logits
     * @param epsilon     maps the output of {@code from} to d(objective)/d(that output), of the same shape
     * @param rule        changes to the chain rule ({@link BackwardRule#NONE} for plain gradients)
     * @param gradientsAt layers at which d(objective)/d(layer output) is recorded
     * @param activationsOf layers whose true outputs are recorded
     */
    public Differentiation differentiate(INDArray input, String from, UnaryOperator<INDArray> epsilon,
                                         BackwardRule rule, Collection<String> gradientsAt,
                                         Collection<String> activationsOf) {
        return differentiate(input, from, epsilon, rule, gradientsAt, activationsOf, true);
    }

    private Differentiation differentiate(INDArray input, String from, UnaryOperator<INDArray> epsilon,
                                          BackwardRule rule, Collection<String> gradientsAt,
                                          Collection<String> activationsOf, boolean toInput) {
        int start = from == null ? outputIndex : indexOf(from);
        Set<Integer> wanted = indicesOf(gradientsAt);
        Set<Integer> kept = indicesOf(activationsOf);
        List<Integer> targets = new ArrayList<>(kept);
        targets.add(start);
        Set<Integer> exposed = new java.util.HashSet<>(targets);
        exposed.addAll(wanted);
        FoldedNorms.Plan plan = folds.plan(exposed, rule, infoByVertex);
        try (MemoryWorkspace ws = EngineWorkspaces.openForward()) {
            INDArray[] outputs = forward(input, Map.of(), from == null ? null : ancestorsOf(targets), plan);
            INDArray seed = epsilon.apply(outputs[start]);
            if (!Arrays.equals(seed.shape(), outputs[start].shape())) {
                throw new IllegalArgumentException("gradient of shape " + Arrays.toString(seed.shape())
                        + " for an output of shape " + Arrays.toString(outputs[start].shape()));
            }
            Gradients gradients;
            try (MemoryWorkspace back = EngineWorkspaces.openBackward()) {
                gradients = walkBack(Map.of(start, seed), rule, wanted, toInput, plan);
            }
            Map<String, INDArray> activations = new LinkedHashMap<>();
            for (int idx : kept) {
                activations.put(vertices[idx].getVertexName(), outputs[idx].detach());
            }
            INDArray logits = outputs[outputIndex] == null ? null : outputs[outputIndex].detach();
            return new Differentiation(logits, Collections.unmodifiableMap(activations), gradients);
        }
    }

    private Set<Integer> indicesOf(Collection<String> layers) {
        Set<Integer> result = new java.util.LinkedHashSet<>();
        for (String l : layers) {
            result.add(indexOf(l));
        }
        return result;
    }

    /** The backward pass from gradients given at one or more vertices, summed where paths merge. */
    private Gradients walkBack(Map<Integer, INDArray> seeds, BackwardRule rule, Set<Integer> wanted,
                               boolean toInput, FoldedNorms.Plan plan) {
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
                recorded.put(v.getVertexName(), e.detach());
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

    /**
     * The forward pass, in the open forward workspace; {@code needed == null} computes every vertex, and
     * {@code plan} says which convolutions run folded into their batch normalization.
     */
    private INDArray[] forward(INDArray input, Map<Integer, INDArray> replaced, boolean[] needed,
                               FoldedNorms.Plan plan) {
        long[] expected = input().batchShape(input.size(0));
        if (!Arrays.equals(input.shape(), expected)) {
            throw new IllegalArgumentException("input of shape " + Arrays.toString(input.shape()) + ", the model takes "
                    + Arrays.toString(expected));
        }
        INDArray x = input.castTo(dataType);
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

    private INDArray[] backwardThrough(GraphVertex v, INDArray epsilon) {
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

    private boolean[] ancestorsOf(Collection<Integer> targets) {
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

    private List<LayerInfo> describeLayers() {
        long[][] shapes = new long[vertices.length][];
        try (MemoryWorkspace ws = EngineWorkspaces.openForward()) {
            INDArray[] outputs = forward(Nd4j.zeros(dataType, input().batchShape(1)), Map.of(), null,
                    FoldedNorms.Plan.NONE);
            for (int i = 0; i < outputs.length; i++) {
                shapes[i] = outputs[i].shape();
            }
        }
        List<LayerInfo> result = new ArrayList<>();
        // Where a layer says nothing of its layout (activation, add), it keeps the layout of its input.
        boolean[] channelsLast = new boolean[vertices.length];
        for (int idx : order) {
            GraphVertex v = vertices[idx];
            if (v.isInputVertex()) {
                channelsLast[idx] = input().layout() == InputLayout.NHWC;
                continue;
            }
            VertexIndices[] ins = v.getInputVertices();
            channelsLast[idx] = ins != null && ins.length > 0 && channelsLast[ins[0].getVertexIndex()];
            if (v instanceof LayerVertex lv) {
                var conf = lv.getLayer().conf().getLayer();
                CNN2DFormat format = conf instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer c
                        ? c.getCnn2dDataFormat()
                        : conf instanceof org.deeplearning4j.nn.conf.layers.SubsamplingLayer s ? s.getCnn2dDataFormat()
                        : conf instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization b ? b.getCnn2DFormat()
                        : null;
                if (format != null) {
                    channelsLast[idx] = format == CNN2DFormat.NHWC;
                }
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
            LayerInfo info = new LayerInfo(v.getVertexName(), type, example, params, activation, spatial,
                    spatial && channelsLast[idx]);
            infoByVertex[idx] = info;
            result.add(info);
        }
        return List.copyOf(result);
    }

    int indexOf(String layer) {
        Integer idx = byName.get(layer);
        if (idx == null || idx == inputIndex) {
            throw GlassboxException.usage("layer '" + layer + "' does not exist; layers are "
                    + String.join(", ", layers == null ? List.of() : layers.stream().map(LayerInfo::name).toList()));
        }
        return idx;
    }

    String outputName() {
        return vertices[outputIndex].getVertexName();
    }

    private static long[] batchShape(long[] example) {
        long[] s = new long[example.length + 1];
        s[0] = 1;
        System.arraycopy(example, 0, s, 1, example.length);
        return s;
    }
}
