package dev.glassbox.config;

import dev.glassbox.attribution.AttributionMethods;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The config's {@code attribution:}: which methods draw the report's pictures, for how many images, with which
 * settings.
 *
 * @param methods         method names of {@link AttributionMethods#names()}, distinct, in the config's order
 * @param samplesPerClass images of each class shown with every method, 0 to 100
 * @param params          by method name, that method's parameters as
 *                        {@link AttributionMethods#create(String, dev.glassbox.model.GradientEngine, Map)} takes them
 */
public record AttributionConfig(List<String> methods, int samplesPerClass, Map<String, Map<String, String>> params) {

    /** The keys of {@code attribution:}. */
    public static final List<String> KEYS = List.of("methods", "samples-per-class", "params");

    public static final List<String> DEFAULT_METHODS =
            List.of("saliency", "integrated-gradients", "smoothgrad", "grad-cam", "guided-backprop");
    public static final int DEFAULT_SAMPLES_PER_CLASS = 3;
    public static final int MAX_SAMPLES_PER_CLASS = 100;

    public static final AttributionConfig DEFAULT =
            new AttributionConfig(DEFAULT_METHODS, DEFAULT_SAMPLES_PER_CLASS, Map.of());

    public AttributionConfig {
        methods = List.copyOf(methods);
        if (new LinkedHashSet<>(methods).size() != methods.size()
                || !AttributionMethods.names().containsAll(methods)) {
            throw new IllegalArgumentException("attribution methods " + methods + " are not distinct names of "
                    + AttributionMethods.names());
        }
        if (samplesPerClass < 0 || samplesPerClass > MAX_SAMPLES_PER_CLASS) {
            throw new IllegalArgumentException("samples per class " + samplesPerClass + " is not in 0.."
                    + MAX_SAMPLES_PER_CLASS);
        }
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        params.forEach((method, p) -> copy.put(method, Collections.unmodifiableMap(new LinkedHashMap<>(p))));
        params = Collections.unmodifiableMap(copy);
    }

    /** A method's parameters, empty when the config gives none. */
    public Map<String, String> params(String method) {
        return params.getOrDefault(method, Map.of());
    }

    static AttributionConfig read(ConfigNode node) {
        if (node.isAbsent()) {
            return DEFAULT;
        }
        node.entries(KEYS, "attribution takes");
        List<String> methods = DEFAULT_METHODS;
        ConfigNode methodsNode = node.get("methods");
        if (methodsNode.isPresent()) {
            Set<String> seen = new LinkedHashSet<>();
            for (ConfigNode m : methodsNode.listOrOne("method names")) {
                String name = method(m, m.name(), "'" + m.path() + "'");
                if (!seen.add(name)) {
                    throw m.error("'" + methodsNode.path() + "' names '" + name + "' twice");
                }
            }
            methods = new ArrayList<>(seen);
        }
        int samples = DEFAULT_SAMPLES_PER_CLASS;
        ConfigNode samplesNode = node.get("samples-per-class");
        if (samplesNode.isPresent()) {
            samples = (int) samplesNode.wholeNumber(0, MAX_SAMPLES_PER_CLASS);
        }
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        ConfigNode paramsNode = node.get("params");
        if (paramsNode.isPresent()) {
            paramsNode.entries().forEach((key, value) -> {
                String name = method(value, key, "'" + paramsNode.path() + "'");
                if (params.containsKey(name)) {
                    throw value.error("'" + paramsNode.path() + "' gives the parameters of '" + name + "' twice");
                }
                params.put(name, methodParams(name, value));
            });
        }
        return new AttributionConfig(methods, samples, params);
    }

    /** A method name, folded to lower case; an unknown one is an error with the nearest name. */
    private static String method(ConfigNode at, String given, String where) {
        String name = ConfigNode.folded(given);
        List<String> names = AttributionMethods.names();
        if (!names.contains(name)) {
            throw at.error("unknown attribution method '" + given + "' in " + where + DidYouMean.hint(name, names)
                    + " (methods: " + String.join(", ", names) + ")");
        }
        return name;
    }

    private static Map<String, String> methodParams(String method, ConfigNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isAbsent()) {
            return out;
        }
        Map<String, ConfigNode> entries = node.entries();
        List<String> valid = new ArrayList<>(AttributionMethods.parameters(method));
        if (method.equals("smoothgrad")) {
            // smoothgrad passes its base method's parameters on to it
            String base = entries.containsKey("base") ? ConfigNode.folded(entries.get("base").text()) : "saliency";
            List<String> bases = AttributionMethods.names().stream().filter(n -> !n.equals("smoothgrad")).toList();
            if (!bases.contains(base)) {
                ConfigNode b = entries.get("base");
                throw b.error("'" + b.path() + "' must be an attribution method other than smoothgrad, got "
                        + b.describe() + DidYouMean.hint(base, bases));
            }
            AttributionMethods.parameters(base).stream().filter(p -> !valid.contains(p)).forEach(valid::add);
        }
        entries.forEach((key, value) -> {
            if (!valid.contains(key)) {
                throw value.error("unknown key '" + value.path() + "'" + DidYouMean.hint(key, valid)
                        + (valid.isEmpty() ? " (" + method + " takes no parameters)"
                        : " (" + method + " takes: " + String.join(", ", valid) + ")"));
            }
            out.put(key, value.parameterText());
        });
        return out;
    }
}
