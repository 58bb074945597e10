package dev.glassbox.checks;

import dev.glassbox.attribution.AttributionMethod;
import dev.glassbox.attribution.AttributionMethods;
import dev.glassbox.model.GradientEngine;
import java.util.Map;
import java.util.Objects;

/**
 * An attribution method of the battery with its parameters, as the config names it.
 *
 * @param name   a name from {@link AttributionMethods#names()}
 * @param params its parameters, as {@code --param} takes them
 */
public record MethodSpec(String name, Map<String, String> params) {

    public MethodSpec {
        Objects.requireNonNull(name);
        params = Map.copyOf(params);
        AttributionMethods.parameters(name); // an unknown name fails here, before any work
    }

    /**
     * The same method drawing its random choices (SmoothGrad's noise, RISE's masks, a noise baseline) from
     * {@code seed}, unless its parameters already name a seed.
     */
    public MethodSpec seeded(long seed) {
        if (params.containsKey("seed") || !AttributionMethods.parameters(name).contains("seed")) {
            return this;
        }
        Map<String, String> withSeed = new java.util.LinkedHashMap<>(params);
        withSeed.put("seed", Long.toString(seed));
        return new MethodSpec(name, withSeed);
    }

    public AttributionMethod create(GradientEngine engine) {
        return AttributionMethods.create(name, engine, params);
    }
}
