package dev.glassbox.attribution;

import dev.glassbox.GlassboxException;
import dev.glassbox.model.GradientEngine;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every attribution method by its name, with the parameters that the command line and battery config give it. */
public final class AttributionMethods {

    private static final Map<String, List<String>> PARAMETERS = new LinkedHashMap<>();

    static {
        PARAMETERS.put("saliency", List.of());
        PARAMETERS.put("input-x-gradient", List.of());
        PARAMETERS.put("integrated-gradients", List.of("steps", "method", "baseline", "seed"));
        PARAMETERS.put("smoothgrad", List.of("base", "samples", "sigma", "kind", "seed"));
        PARAMETERS.put("guided-backprop", List.of());
        PARAMETERS.put("grad-cam", List.of("layer", "relu", "upsample", "sum-channels", "layer-input"));
        PARAMETERS.put("guided-grad-cam", List.of("layer"));
        PARAMETERS.put("occlusion", List.of("window", "stride", "baseline"));
        PARAMETERS.put("rise", List.of("masks", "grid", "keep", "seed"));
    }

    private AttributionMethods() {}

    /** The method names, in the order of DESIGN.md. */
    public static List<String> names() {
        return List.copyOf(PARAMETERS.keySet());
    }

    /** The parameters a method takes (smoothgrad also passes its base method's parameters on). */
    public static List<String> parameters(String method) {
        return PARAMETERS.getOrDefault(method, List.of());
    }

    /**
     * @throws GlassboxException (usage) for an unknown method or parameter, or a value that does not parse
     */
    public static AttributionMethod create(String name, GradientEngine engine, Map<String, String> params) {
        String method = name.trim().toLowerCase(Locale.ROOT);
        if (!PARAMETERS.containsKey(method)) {
            throw GlassboxException.usage("unknown attribution method '" + name + "'; the methods are "
                    + String.join(", ", names()));
        }
        if (method.equals("smoothgrad")) {
            return smoothGrad(engine, params);
        }
        Params p = new Params(method, params, PARAMETERS.get(method));
        return switch (method) {
            case "saliency" -> new Saliency(engine);
            case "input-x-gradient" -> new InputXGradient(engine);
            case "integrated-gradients" -> new IntegratedGradients(engine,
                    p.integer("steps", IntegratedGradients.DEFAULT_STEPS),
                    Approximation.parse(p.text("method", "gauss-legendre")),
                    Baseline.parse(p.text("baseline", "zero"), engine.input(), p.integer("seed", 0)));
            case "guided-backprop" -> new GuidedBackprop(engine);
            case "grad-cam" -> new GradCam(engine, p.text("layer", null), p.bool("relu", true),
                    p.bool("upsample", true), p.bool("sum-channels", true), p.bool("layer-input", false));
            case "guided-grad-cam" -> new GuidedGradCam(engine, p.text("layer", null));
            case "occlusion" -> new Occlusion(engine, p.longs("window"), p.longs("stride"),
                    p.number("baseline", 0));
            case "rise" -> new Rise(engine, p.integer("masks", Rise.DEFAULT_MASKS), p.integer("grid", Rise.DEFAULT_GRID),
                    p.number("keep", Rise.DEFAULT_KEEP), p.integer("seed", 0));
            default -> throw new IllegalStateException(method);
        };
    }

    private static AttributionMethod smoothGrad(GradientEngine engine, Map<String, String> params) {
        List<String> own = PARAMETERS.get("smoothgrad");
        Map<String, String> mine = new LinkedHashMap<>();
        Map<String, String> forBase = new LinkedHashMap<>();
        String baseName = params.getOrDefault("base", "saliency").trim().toLowerCase(Locale.ROOT);
        if (baseName.equals("smoothgrad") || !PARAMETERS.containsKey(baseName)) {
            throw GlassboxException.usage("smoothgrad base '" + baseName + "' is not one of "
                    + String.join(", ", names().stream().filter(n -> !n.equals("smoothgrad")).toList()));
        }
        Set<String> baseParams = new TreeSet<>(PARAMETERS.get(baseName));
        params.forEach((k, v) -> {
            // seed belongs to smoothgrad's noise; a base that also takes one shares it
            if (own.contains(k)) {
                mine.put(k, v);
                if (k.equals("seed") && baseParams.contains(k)) {
                    forBase.put(k, v);
                }
            } else if (baseParams.contains(k)) {
                forBase.put(k, v);
            } else {
                Set<String> valid = new TreeSet<>(own);
                valid.addAll(baseParams);
                throw GlassboxException.usage("unknown parameter '" + k + "' for smoothgrad with base " + baseName
                        + "; valid parameters: " + String.join(", ", valid));
            }
        });
        Params p = new Params("smoothgrad", mine, own);
        AttributionMethod base = create(baseName, engine, forBase);
        return new SmoothGrad(base, p.integer("samples", SmoothGrad.DEFAULT_SAMPLES),
                p.number("sigma", SmoothGrad.DEFAULT_SIGMA), SmoothGrad.Kind.parse(p.text("kind", "smoothgrad")),
                p.integer("seed", 0));
    }

    /** One method's parameters, checked against the names it takes and parsed with errors that name them. */
    private record Params(String method, Map<String, String> values, List<String> valid) {

        Params {
            for (String k : values.keySet()) {
                if (!valid.contains(k)) {
                    throw GlassboxException.usage("unknown parameter '" + k + "' for " + method + "; "
                            + (valid.isEmpty() ? method + " takes no parameters"
                            : "valid parameters: " + String.join(", ", valid)));
                }
            }
        }

        String text(String key, String fallback) {
            String v = values.get(key);
            return v == null ? fallback : v.trim();
        }

        int integer(String key, int fallback) {
            String v = values.get(key);
            if (v == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw bad(key, v, "a whole number");
            }
        }

        double number(String key, double fallback) {
            String v = values.get(key);
            if (v == null) {
                return fallback;
            }
            try {
                double d = Double.parseDouble(v.trim());
                if (!Double.isFinite(d)) {
                    throw bad(key, v, "a finite number");
                }
                return d;
            } catch (NumberFormatException e) {
                throw bad(key, v, "a number");
            }
        }

        boolean bool(String key, boolean fallback) {
            String v = values.get(key);
            if (v == null) {
                return fallback;
            }
            return switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw bad(key, v, "true or false");
            };
        }

        long[] longs(String key) {
            String v = values.get(key);
            if (v == null) {
                return null;
            }
            try {
                return Arrays.stream(v.trim().split("\\s*[,x]\\s*")).mapToLong(s -> Long.parseLong(s.trim()))
                        .toArray();
            } catch (NumberFormatException e) {
                throw bad(key, v, "whole numbers separated by commas, e.g. 1,2,3");
            }
        }

        private GlassboxException bad(String key, String value, String expected) {
            return GlassboxException.usage(method + " parameter " + key + "='" + value + "' is not " + expected);
        }
    }
}
