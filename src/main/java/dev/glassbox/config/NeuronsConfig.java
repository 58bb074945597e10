package dev.glassbox.config;

import java.util.List;

/**
 * The config's {@code neurons:}: which layers' units the report groups and shows, and into how many groups.
 *
 * @param layers layer names as {@code glassbox inspect} lists them, or {@code auto} to let Glassbox choose
 * @param groups how many groups of units each layer is split into, 1 to 64
 */
public record NeuronsConfig(List<String> layers, int groups) {

    /** The keys of {@code neurons:}. */
    public static final List<String> KEYS = List.of("layers", "groups");

    public static final String AUTO = "auto";
    public static final int DEFAULT_GROUPS = 6;
    public static final int MAX_GROUPS = 64;

    public static final NeuronsConfig DEFAULT = new NeuronsConfig(List.of(AUTO), DEFAULT_GROUPS);

    public NeuronsConfig {
        layers = List.copyOf(layers);
        if (groups < 1 || groups > MAX_GROUPS) {
            throw new IllegalArgumentException("neuron groups " + groups + " is not in 1.." + MAX_GROUPS);
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
        return new NeuronsConfig(layers, groups);
    }
}
