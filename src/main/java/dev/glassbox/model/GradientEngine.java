package dev.glassbox.model;

import dev.glassbox.GlassboxException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.graph.ComputationGraph;
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
 * at an output layer, so the engine walks the graph itself ({@link GraphPasses}): a forward pass over the topological
 * order, then a backward pass in reverse order that sums gradients where paths merge. Batch normalization is the
 * exception to DL4J's own backprop: that assumes batch statistics, while in inference it is a per-channel affine map.
 * This class speaks in layer names and batches: it splits a batch into passes within the memory budget
 * ({@link Chunks}, {@link PassSizes}) and says which layers each pass records.
 *
 * <p>The batch operations ({@link #logits}, {@link #inputGradient}, {@link #layerGradient}, {@link #activations}, ...)
 * share a batch's rows among the engine's lanes, one thread per core ({@link EngineLanes}); {@link #differentiate},
 * {@link #objectiveGradient} and {@link #objectivesGradient}, whose objectives see the whole batch, run it as one pass
 * on the caller's thread.
 *
 * <p>Not thread-safe: layers hold the inputs of the latest forward pass. Use one engine per thread. Arrays handed
 * to callers are their own; the engine computes in reused memory ({@link EngineWorkspaces}).
 */
public final class GradientEngine {

    private final LoadedModel model;
    private final GraphPasses passes;
    private final boolean softmaxHead;
    private final DataType dataType;
    private final int classes;
    private final MemoryBudget budget;
    private final PassSizes sizes;
    private final EngineLanes lanes;

    /** @param sizes the rows per pass where already known (the same network's), or null to measure them */
    private GradientEngine(LoadedModel model, GraphCopy.Result copy, DataType dataType, MemoryBudget budget,
                           PassSizes sizes) {
        this.model = model;
        this.budget = budget;
        this.softmaxHead = copy.softmaxRemoved();
        this.dataType = dataType;
        this.passes = new GraphPasses(copy.graph(), model.input(), dataType);
        List<LayerInfo> layers = passes.layers();
        long[] out = layers.get(layers.size() - 1).outputShape();
        if (out.length != 1) {
            throw new UnsupportedModelException("the model's output has shape " + Arrays.toString(java.util.stream.LongStream.concat(
                    java.util.stream.LongStream.of(1), Arrays.stream(out)).toArray())
                    + "; Glassbox needs one score per class, [batch, k]");
        }
        this.classes = (int) out[0];
        this.sizes = sizes != null ? sizes : measureSizes(layers);
        ComputationGraph graph = copy.graph();
        this.lanes = new EngineLanes(passes, () -> new GraphPasses(GraphCopy.sharing(graph), model.input(), dataType),
                EngineLanes.affordable(EngineLanes.COUNT, graph.numParams() * dataType.width(), budget));
    }

    /**
     * Rows per pass from the memory of a gradient pass over {@link PassSizes#MEASURED_ROWS} rows of zeros, as
     * saliency or integrated gradients runs it; from the layer shapes where the workspaces measure nothing.
     */
    private PassSizes measureSizes(List<LayerInfo> layers) {
        int rows = PassSizes.MEASURED_ROWS;
        INDArray zeros = Nd4j.zeros(dataType, model.input().batchShape(rows));
        differentiate(zeros, null, logits -> targetEpsilon(new int[rows], rows), BackwardRule.NONE, List.of(),
                List.of());
        long[] bytes = EngineWorkspaces.latestCycle();
        return bytes[0] > 0 && bytes[1] > 0 ? PassSizes.measured(bytes[0], bytes[1], rows, budget)
                : PassSizes.estimated(layers, model.input().length(), dataType.width(), budget);
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
            return new GradientEngine(model, GraphCopy.of(model.network(), dataType), dataType, budget, null);
        } catch (UnsupportedModelException e) {
            throw GlassboxException.badInput(model.file(), e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException | org.deeplearning4j.exception.DL4JException e) {
            // DL4J's way of saying that the input shape does not fit the layers (the probe forward pass)
            throw GlassboxException.badInput(model.file(), "the network does not run on an input of shape "
                    + Arrays.toString(model.input().batchShape(1)) + ": " + ModelLoader.firstLine(e), e);
        }
    }

    /**
     * Layers with learned parameters, from the output down: the order in which a cascading randomization
     * (Adebayo et al. 2018) replaces them.
     */
    public List<String> learnedLayersTopDown() {
        return RandomizedLayers.learnedTopDown(passes.graph());
    }

    /**
     * A new engine on a copy of this one's network in which the named layers' learned parameters are redrawn at
     * random: normal, with mean 0 and each array's own standard deviation, so the scale matches what training left;
     * an array with no spread (biases at zero, a fixed gamma) keeps its values. The model is not changed.
     */
    public GradientEngine withRandomLayers(Collection<String> layerNames, long seed) {
        // A fresh gradient copy of the user's model: ComputationGraph.clone() needs an updater, which a copy lacks.
        GraphCopy.Result fresh = GraphCopy.of(model.network(), dataType);
        RandomizedLayers.redraw(fresh.graph(), layerNames, seed);
        // the same layers take the same memory: no need to measure a pass again
        return new GradientEngine(model, fresh, dataType, budget, sizes);
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
        return passes.layers();
    }

    /** Layers whose output has height and width: the candidates for Grad-CAM and neuron groups. */
    public List<LayerInfo> spatialLayers() {
        return passes.layers().stream().filter(LayerInfo::spatial).toList();
    }

    public LayerInfo layer(String name) {
        return passes.info(passes.indexOf(name));
    }

    /**
     * The layer whose output {@code layer} takes as its input, or empty where it takes the network's input
     * (Grad-CAM attributes "to the layer's input" there).
     */
    public Optional<String> inputOf(String layer) {
        int[] inputs = passes.inputsOf(passes.indexOf(layer));
        if (inputs.length != 1) {
            throw GlassboxException.usage("layer '" + layer + "' takes " + inputs.length + " inputs; its input is not"
                    + " one layer");
        }
        return inputs[0] < 0 ? Optional.empty() : Optional.of(passes.name(inputs[0]));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Convenience operations

    /** Pre-softmax class scores {@code [batch, k]}. */
    public INDArray logits(INDArray input) {
        return Chunks.map(input, sizes.forwardRows(), lanes, (p, part) -> logits(p, part, Map.of()));
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
        return Chunks.gradients(input, targets, sizes.gradientRows(), lanes, (p, x, t) -> {
            Differentiation d = targetPass(p, x, t, BackwardRule.NONE, List.of(), true);
            return new TargetGradient(d.logits(), d.gradients().input(), null, null);
        });
    }

    /**
     * d(logit of each example's target)/d(input) with the chain rule changed where {@code rule} says: the gradient
     * alone, in passes within the budget.
     */
    public INDArray inputGradient(INDArray input, int[] targets, BackwardRule rule) {
        return Chunks.mapWithTargets(input, targets, sizes.gradientRows(), lanes,
                (p, x, t) -> targetPass(p, x, t, rule, List.of(), true).gradients().input());
    }

    /** As {@link #inputGradient}, plus the true activations of {@code layer} and d(logit)/d(those activations). */
    public TargetGradient layerGradient(INDArray input, int[] targets, String layer) {
        return Chunks.gradients(input, targets, sizes.gradientRows(), lanes, (p, x, t) -> {
            Differentiation d = targetPass(p, x, t, BackwardRule.NONE, List.of(layer), true);
            return new TargetGradient(d.logits(), d.gradients().input(), d.activations().get(layer),
                    d.gradients().layer(layer));
        });
    }

    /**
     * The true activations of {@code layer} and d(target logit)/d(those activations), with a backward pass that
     * stops at the layer: Grad-CAM needs no input gradient. {@code input()} of the result is null.
     */
    public TargetGradient layerGradientOnly(INDArray input, int[] targets, String layer) {
        return Chunks.gradients(input, targets, sizes.gradientRows(), lanes, (p, x, t) -> {
            Differentiation d = targetPass(p, x, t, BackwardRule.NONE, List.of(layer), false);
            return new TargetGradient(d.logits(), null, d.activations().get(layer), d.gradients().layer(layer));
        });
    }

    /**
     * The true activations of {@code layers} and d(logit of each example's target)/d(those activations), with a
     * backward pass that stops at the earliest of them, in passes within the budget. The input gradient is null.
     */
    public Differentiation layerGradientsOnly(INDArray input, int[] targets, List<String> layers) {
        return Chunks.differentiations(Chunks.run(input, targets, sizes.gradientRows(), lanes,
                (p, x, t) -> targetPass(p, x, t, BackwardRule.NONE, layers, false)));
    }

    /** One pass that differentiates each row's target logit, recording {@code layers}' activations and gradients. */
    private Differentiation targetPass(GraphPasses p, INDArray x, int[] targets, BackwardRule rule,
                                       List<String> layers, boolean toInput) {
        return EnginePass.run(p, x, null, logits -> targetEpsilon(targets, x.size(0)), rule, layers, layers, toInput,
                true, d -> d);
    }

    /** The true output of {@code layer}, computing only the layers it depends on. */
    public INDArray activations(INDArray input, String layer) {
        int idx = passes.indexOf(layer);
        boolean[] needed = passes.ancestorsOf(List.of(idx));
        return Chunks.map(input, sizes.forwardRows(), lanes, (p, x) -> {
            try (MemoryWorkspace ws = EngineWorkspaces.openForward()) {
                FoldedNorms.Plan plan = p.plan(Set.of(idx), BackwardRule.NONE);
                return p.forward(x, Map.of(), needed, plan)[idx].detach();
            }
        });
    }

    /** The true outputs of several layers in one forward pass, by name (the output layer's name gives the logits). */
    public Map<String, INDArray> activations(INDArray input, Collection<String> layers) {
        Set<Integer> indices = passes.indicesOf(layers);
        boolean[] needed = passes.ancestorsOf(indices);
        return Chunks.named(input, sizes.forwardRows(), lanes, (p, x) -> {
            try (MemoryWorkspace ws = EngineWorkspaces.openForward()) {
                FoldedNorms.Plan plan = p.plan(indices, BackwardRule.NONE);
                INDArray[] outputs = p.forward(x, Map.of(), needed, plan);
                Map<String, INDArray> result = new LinkedHashMap<>();
                for (int idx : indices) {
                    result.put(p.name(idx), outputs[idx].detach());
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
        objectives.forEach((layer, objective) -> byIndex.put(passes.indexOf(layer), objective));
        return EnginePass.objectives(passes, input, byIndex);
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
        replaced.forEach((name, value) -> byIndex.put(passes.indexOf(name), value.castTo(dataType)));
        return logits(passes, input, byIndex);
    }

    private static INDArray logits(GraphPasses p, INDArray input, Map<Integer, INDArray> replaced) {
        try (MemoryWorkspace ws = EngineWorkspaces.openForward()) {
            FoldedNorms.Plan plan = p.plan(replaced.keySet(), BackwardRule.NONE);
            return p.forward(input, replaced, null, plan)[p.outputIndex()].detach();
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
        return EnginePass.run(passes, input, from, epsilon, rule, gradientsAt, activationsOf, true, true, d -> d);
    }

    /**
     * The true activations of {@code layer} and d(target logit)/d(those activations), reduced inside each pass by
     * {@code reduce} to an array with one row per example: only that leaves the pass, so neither the activations nor
     * the gradient is copied out of the workspaces (about 1 ms of Grad-CAM's 12 on the CIFAR CNN). {@code reduce} must
     * not keep its arguments.
     */
    public INDArray reducedLayerGradient(INDArray input, int[] targets, String layer,
                                         java.util.function.BinaryOperator<INDArray> reduce) {
        return Chunks.mapWithTargets(input, targets, sizes.gradientRows(), lanes, (p, x, t) -> EnginePass.run(p, x, null,
                logits -> targetEpsilon(t, x.size(0)), BackwardRule.NONE, List.of(layer), List.of(layer), false,
                false, d -> reduce.apply(d.activations().get(layer), d.gradients().layer(layer)).detach()));
    }

    String outputName() {
        return passes.name(passes.outputIndex());
    }

    /** Frees the memory engines keep for reuse (workspaces keep their largest size), here and on the lanes. */
    public static void releaseMemory() {
        EngineLanes.releaseWorkspaces();
    }
}
