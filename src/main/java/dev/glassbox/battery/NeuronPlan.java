package dev.glassbox.battery;

import java.util.List;
import java.util.Map;

/**
 * The neuron groups a run draws: for each model (by name) the layers, resolved against it, and how many groups and
 * optimization steps each gets.
 *
 * @param layers by model name, the layers to group in the network's order (empty: class pictures only)
 * @param groups groups per layer
 * @param steps  by model name, optimization steps behind each picture
 */
public record NeuronPlan(Map<String, List<String>> layers, int groups, Map<String, Integer> steps) {

    /** No neuron groups and no class pictures. */
    public static final NeuronPlan NONE = new NeuronPlan(Map.of(), 0, Map.of());

    public NeuronPlan {
        layers = Map.copyOf(layers);
        steps = Map.copyOf(steps);
    }

    public int stepsOf(String model) {
        return steps.getOrDefault(model, 0);
    }

    /** Whether the model named has neuron groups or class pictures drawn. */
    public boolean covers(String model) {
        return layers.containsKey(model);
    }

    public List<String> layersOf(String model) {
        return layers.getOrDefault(model, List.of());
    }
}
