package dev.glassbox.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One forward and one backward pass of the {@link GradientEngine} inside its workspaces ({@link EngineWorkspaces}):
 * the general form behind every gradient the engine gives, from the layers' names to the vertices
 * {@link GraphPasses} walks.
 */
final class EnginePass {

    private EnginePass() {}

    /**
     * One forward and one backward pass; {@code finish} turns what it found into the result inside the workspaces.
     * With {@code copyOut} the logits, activations and gradients handed to {@code finish} are copied out of the
     * workspaces first; without it they live only until {@code finish} returns, and {@code finish} must copy out what
     * it returns.
     */
    static <T> T run(GraphPasses passes, INDArray input, String from, UnaryOperator<INDArray> epsilon,
                     BackwardRule rule, Collection<String> gradientsAt, Collection<String> activationsOf,
                     boolean toInput, boolean copyOut, Function<Differentiation, T> finish) {
        int start = from == null ? passes.outputIndex() : passes.indexOf(from);
        Set<Integer> wanted = passes.indicesOf(gradientsAt);
        Set<Integer> kept = passes.indicesOf(activationsOf);
        List<Integer> targets = new ArrayList<>(kept);
        targets.add(start);
        Set<Integer> exposed = new HashSet<>(targets);
        exposed.addAll(wanted);
        FoldedNorms.Plan plan = passes.plan(exposed, rule);
        try (MemoryWorkspace ws = EngineWorkspaces.openForward()) {
            INDArray[] outputs = passes.forward(input, Map.of(), from == null ? null : passes.ancestorsOf(targets), plan);
            INDArray seed = epsilon.apply(outputs[start]);
            requireShape(seed, outputs[start]);
            try (MemoryWorkspace back = EngineWorkspaces.openBackward()) {
                Gradients gradients = passes.walkBack(Map.of(start, seed), rule, wanted, toInput, plan, copyOut);
                Map<String, INDArray> activations = new LinkedHashMap<>();
                for (int idx : kept) {
                    activations.put(passes.name(idx), copyOut ? outputs[idx].detach() : outputs[idx]);
                }
                INDArray logits = outputs[passes.outputIndex()];
                return finish.apply(new Differentiation(logits == null || !copyOut ? logits : logits.detach(),
                        Collections.unmodifiableMap(activations), gradients));
            }
        }
    }

    /**
     * One forward pass to the layers {@code objectives} name by vertex index and one backward pass from all of them
     * at once: each maps its layer's activations to d(objective)/d(those activations).
     */
    static MultiObjectiveGradient objectives(GraphPasses passes, INDArray input,
                                             Map<Integer, UnaryOperator<INDArray>> objectives) {
        try (MemoryWorkspace ws = EngineWorkspaces.openForward()) {
            FoldedNorms.Plan plan = passes.plan(objectives.keySet(), BackwardRule.NONE);
            INDArray[] outputs = passes.forward(input, Map.of(), passes.ancestorsOf(objectives.keySet()), plan);
            Map<Integer, INDArray> seeds = new HashMap<>();
            Map<String, INDArray> activations = new LinkedHashMap<>();
            for (var e : objectives.entrySet()) {
                INDArray out = outputs[e.getKey()];
                INDArray seed = e.getValue().apply(out);
                requireShape(seed, out);
                seeds.put(e.getKey(), seed);
                activations.put(passes.name(e.getKey()), out.detach());
            }
            Gradients gradients;
            try (MemoryWorkspace back = EngineWorkspaces.openBackward()) {
                gradients = passes.walkBack(seeds, BackwardRule.NONE, Set.of(), true, plan);
            }
            return new MultiObjectiveGradient(Collections.unmodifiableMap(activations), gradients.input());
        }
    }

    private static void requireShape(INDArray gradient, INDArray output) {
        if (!Arrays.equals(gradient.shape(), output.shape())) {
            throw new IllegalArgumentException("gradient of shape " + Arrays.toString(gradient.shape())
                    + " for an output of shape " + Arrays.toString(output.shape()));
        }
    }
}
