package dev.glassbox.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A check's settings as the config gave them, with defaults filled in; the config has validated kinds and ranges.
 *
 * @param values by parameter name: Double, Integer or List of String
 */
public record CheckSettings(Map<String, Object> values) {

    public CheckSettings {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The defaults of a check, overridden by {@code given} (already validated). */
    public static CheckSettings of(CheckDefinition definition, Map<String, Object> given) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (CheckParameter p : definition.parameters()) {
            v.put(p.name(), given.getOrDefault(p.name(), p.defaultValue()));
        }
        return new CheckSettings(v);
    }

    public double number(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public int integer(String name) {
        return ((Number) require(name)).intValue();
    }

    @SuppressWarnings("unchecked")
    public List<String> choices(String name) {
        return (List<String>) require(name);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no setting '" + name + "'; settings are " + values.keySet());
        }
        return v;
    }
}
