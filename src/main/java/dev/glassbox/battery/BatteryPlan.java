package dev.glassbox.battery;

import dev.glassbox.checks.MethodSpec;
import dev.glassbox.checks.Checks;
import dev.glassbox.checks.CheckSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a battery runs: its attribution methods (drawn in the gallery and used by the checks that judge attribution)
 * and its checks with their settings, in registry order.
 *
 * @param methods the attribution methods, in the order the gallery shows them
 * @param checks  check id to settings; only these checks run
 * @param seed    the seed of every sampled choice
 */
public record BatteryPlan(List<MethodSpec> methods, Map<String, CheckSettings> checks, long seed) {

    public BatteryPlan {
        methods = List.copyOf(methods);
        Map<String, CheckSettings> ordered = new LinkedHashMap<>();
        for (String id : Checks.ids()) {
            if (checks.containsKey(id)) {
                ordered.put(id, checks.get(id));
            }
        }
        for (String id : checks.keySet()) {
            if (!ordered.containsKey(id)) {
                throw new IllegalArgumentException("no check '" + id + "'; checks are " + Checks.ids());
            }
        }
        checks = java.util.Collections.unmodifiableMap(ordered);
    }
}
