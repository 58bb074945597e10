package dev.glassbox.config;

import dev.glassbox.checks.CheckDefinition;
import dev.glassbox.checks.CheckParameter;
import dev.glassbox.checks.CheckSettings;
import dev.glassbox.checks.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the config's {@code checks:} against the registry of {@link Checks}. */
final class ChecksSection {

    private ChecksSection() {}

    /** Every check with its defaults: what a config without {@code checks:} runs. */
    static Map<String, CheckSettings> defaults() {
        return Collections.unmodifiableMap(Checks.withDefaults());
    }

    /**
     * The checks the config names, in registry order, with their settings. An absent key runs every check with its
     * defaults; an empty one ({@code checks: {}} or {@code checks:}) runs none.
     */
    static Map<String, CheckSettings> read(ConfigNode root) {
        ConfigNode node = root.get("checks");
        if (!root.has("checks")) {
            return defaults();
        }
        if (node.isAbsent()) {
            return Map.of();
        }
        Map<String, ConfigNode> given = node.entries();
        List<String> ids = Checks.ids();
        for (String id : given.keySet()) {
            if (!ids.contains(id)) {
                throw node.error("unknown check '" + id + "'" + DidYouMean.hint(id, ids) + " (checks: "
                        + String.join(", ", ids) + ")");
            }
        }
        Map<String, CheckSettings> out = new LinkedHashMap<>();
        for (CheckDefinition d : Checks.definitions()) {
            if (given.containsKey(d.id())) {
                out.put(d.id(), CheckSettings.of(d, settings(d, given.get(d.id()))));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Object> settings(CheckDefinition definition, ConfigNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node.isAbsent()) {
            return out;
        }
        node.entries(definition.parameterNames(), definition.id() + " takes").forEach((name, value) -> {
            CheckParameter p = definition.parameter(name).orElseThrow();
            out.put(name, switch (p.kind()) {
                case NUMBER -> value.number(p.min(), p.max());
                case INTEGER -> (int) value.wholeNumber((long) p.min(), (long) p.max());
                case CHOICES -> choices(p, value);
            });
        });
        return out;
    }

    /** Some of a parameter's choices, in the order the check defines them. */
    private static List<String> choices(CheckParameter p, ConfigNode node) {
        Set<String> picked = new LinkedHashSet<>();
        for (ConfigNode e : node.listOrOne("choices")) {
            String c = e.name();
            if (!p.choices().contains(c)) {
                throw e.error("unknown choice '" + c + "' in '" + node.path() + "'" + DidYouMean.hint(c, p.choices())
                        + " (choices: " + String.join(", ", p.choices()) + ")");
            }
            if (!picked.add(c)) {
                throw e.error("'" + node.path() + "' names '" + c + "' twice");
            }
        }
        List<String> out = new ArrayList<>(p.choices());
        out.retainAll(picked);
        return List.copyOf(out);
    }
}
