package dev.glassbox.config;

import java.util.List;

/**
 * The config's {@code model-card:}: what the model is for and where it should not be used, in the words of the
 * people who made it, for the report's model card page. Both keys are optional; without them the page says so.
 *
 * @param intendedUse what the model is meant for, or empty
 * @param limits      where it should not be relied on, one point each; may be empty
 */
public record ModelCardConfig(String intendedUse, List<String> limits) {

    /** The keys of {@code model-card:}. */
    public static final List<String> KEYS = List.of("intended-use", "limits");

    public static final ModelCardConfig NONE = new ModelCardConfig("", List.of());

    public ModelCardConfig {
        intendedUse = intendedUse == null ? "" : intendedUse.strip();
        limits = List.copyOf(limits);
    }

    static ModelCardConfig read(ConfigNode node) {
        if (node.isAbsent()) {
            return NONE;
        }
        node.entries(KEYS, "model-card takes");
        ConfigNode use = node.get("intended-use");
        ConfigNode limitsNode = node.get("limits");
        List<String> limits = limitsNode.isPresent()
                ? limitsNode.listOrOne("sentences").stream().map(ConfigNode::name).toList() : List.of();
        return new ModelCardConfig(use.isPresent() ? use.name() : "", limits);
    }
}
