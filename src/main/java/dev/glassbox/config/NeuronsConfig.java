package dev.glassbox.config;

import java.util.List;

/**
 * The config's {@code neurons:}: which layers' units the report groups and shows, and into how many groups.
 *
 * @param layers layer names as {@code glassbox inspect} lists them, or {@code auto} to let Glassbox choose
 * @param groups how many groups of units each layer is split into, 1 to 64
 * @param steps  optimization steps behind each picture of a group or class, 1 to 4096 (Lucid uses 512); when the
 *               config does not say, at most {@link #DEFAULT_STEPS}, fewer for a larger model
 * @param groupsGiven whether the config set {@code groups}: the default is cut to a narrower layer's channel count,
 *               a number the config asks for is not
 * @param stepsGiven whether the config set {@code steps}: the default is scaled to the model's size, a number the
 *               config asks for is not
 */
public record NeuronsConfig(List<String> layers, int groups, int steps, boolean groupsGiven, boolean stepsGiven) {

    /** Settings as a config that names its number of groups and steps. */
    public NeuronsConfig(List<String> layers, int groups, int steps) {
        this(layers, groups, steps, true, true);
    }

    /** The keys of {@code neurons:}. */
    public static final List<String> KEYS = List.of("layers", "groups", "steps");

    public static final String AUTO = "auto";
    public static final int DEFAULT_GROUPS = 6;
    public static final int MAX_GROUPS = 64;
    public static final int DEFAULT_STEPS = 256;
    public static final int MAX_STEPS = 4096;

    public static final NeuronsConfig DEFAULT = new NeuronsConfig(List.of(AUTO), DEFAULT_GROUPS, DEFAULT_STEPS,
            false, false);

    public NeuronsConfig {
        layers = List.copyOf(layers);
        if (groups < 1 || groups > MAX_GROUPS) {
            throw new IllegalArgumentException("neuron groups " + groups + " is not in 1.." + MAX_GROUPS);
        }
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("neuron picture steps " + steps + " is not in 1.." + MAX_STEPS);
        }
    }

    /** Whether Glassbox chooses the layers. */
    public boolean automatic() {
        return layers.contains(AUTO);
    }

    static NeuronsConfig read(ConfigNode node) {
        if (node.isAbsent()) {
            return DEFAULT;
        }
        node.entries(KEYS, "neurons takes");
        List<String> layers = DEFAULT.layers();
        ConfigNode layersNode = node.get("layers");
        if (layersNode.isPresent()) {
            layers = layersNode.listOrOne("layer names").stream().map(ConfigNode::name).distinct().toList();
        }
        ConfigNode groupsNode = node.get("groups");
        int groups = groupsNode.isPresent() ? (int) groupsNode.wholeNumber(1, MAX_GROUPS) : DEFAULT_GROUPS;
        ConfigNode stepsNode = node.get("steps");
        int steps = stepsNode.isPresent() ? (int) stepsNode.wholeNumber(1, MAX_STEPS) : DEFAULT_STEPS;
        return new NeuronsConfig(layers, groups, steps, groupsNode.isPresent(), stepsNode.isPresent());
    }
}
