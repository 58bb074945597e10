package dev.glassbox.config;

import dev.glassbox.model.InputSpec;
import dev.glassbox.model.Preprocessing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A first battery config, with comments, from what {@code glassbox init} learned of a model and its pictures. The
 * text it writes is a config {@link BatteryConfig#load} reads unmodified.
 *
 * @param title        the report's title
 * @param model        the model file, as the config names it (relative to the config where possible)
 * @param input        the input the model takes, as images (a flat model's picture size and channels)
 * @param flat         whether the model takes the picture as one flat vector
 * @param preprocessing the pixel scale chosen, and {@code scaleNote} the comment saying how it was chosen
 * @param classes      class names in the order of the model's outputs
 * @param classesNote  a comment on where the names come from and what to check
 * @param data         the data sets
 * @param methods      attribution methods that fit the model
 */
public record StarterConfig(String title, String model, InputSpec input, boolean flat, Preprocessing preprocessing,
                            List<String> scaleNote, List<String> classes, List<String> classesNote,
                            List<Data> data, List<String> methods) {

    /** One data folder: its name, its path (as the config names it), and its masks folder's, or null. */
    public record Data(String name, String images, String masks) {}

    public StarterConfig {
        scaleNote = List.copyOf(scaleNote);
        classes = List.copyOf(classes);
        classesNote = List.copyOf(classesNote);
        data = List.copyOf(data);
        methods = List.copyOf(methods);
    }

    /** Whether any data set has masks, which the focus check and the background edit need. */
    public boolean hasMasks() {
        return data.stream().anyMatch(d -> d.masks() != null);
    }

    /** The config's text. */
    public String text() {
        List<String> out = new ArrayList<>();
        out.add("# A first battery for " + title + ", written by 'glassbox init' from what the model and the pictures");
        out.add("# say. Check the lines marked CHECK, then run:  glassbox report THIS-FILE");
        out.add("# fixtures/batteries/example.yaml in Glassbox documents every key.");
        out.add("title: " + quote(title));
        out.add("model: " + quote(model));
        input(out);
        out.add("");
        classesNote.forEach(l -> out.add("# " + l));
        out.add("classes: [" + String.join(", ", classes.stream().map(StarterConfig::quote).toList()) + "]");
        out.add("");
        out.add("# data: the pictures, one subfolder per class (a class without a folder is simply not tested).");
        out.add("data:");
        for (Data d : data) {
            out.add("  - name: " + quote(d.name()));
            out.add("    images: " + quote(d.images()));
            if (d.masks() != null) {
                out.add("    masks: " + quote(d.masks()) + "   # object masks: the focus check and the background edit");
            }
        }
        out.add("");
        out.add("attribution:");
        out.add("  methods: [" + String.join(", ", methods) + "]");
        out.add("  samples-per-class: 3      # gallery pictures per class, right and wrong answers");
        out.add("");
        checks(out);
        out.add("");
        out.add("# what groups of neurons in the last two convolution stages respond to (fewer steps: rougher pictures)");
        out.add("# (6 groups per layer by default, fewer where a layer has fewer channels)");
        out.add("neurons: {layers: [auto], steps: 128}");
        out.add("seed: 1");
        return String.join("\n", out) + "\n";
    }

    private void input(List<String> out) {
        out.add("");
        out.add("# input: what the model takes" + (flat ? ": one flat vector of the picture's values, channels first,"
                + " row by row" : "") + ".");
        out.add("input:");
        out.add("  layout: " + (flat ? "flat" : input.layout().name()));
        out.add("  width: " + input.width());
        out.add("  height: " + input.height());
        out.add("  channels: " + input.channels() + (input.channels() == 1 ? "   # gray" : "   # red, green, blue"));
        scaleNote.forEach(l -> out.add("  # " + l));
        out.add("  scale: " + number(preprocessing.scale()));
        out.add("  mean: " + numbers(preprocessing.mean()));
        out.add("  std: " + numbers(preprocessing.std()));
    }

    private void checks(List<String> out) {
        out.add("checks:");
        out.add("  accuracy: {min: 0.9}");
        out.add("  class-recall: {min: 0.8}");
        out.add("  class-precision: {min: 0.8}");
        out.add("  calibration: {max-ece: 0.05}");
        List<String> edits = new ArrayList<>(List.of("corners", "flip", "brightness"));
        if (input.channels() == 3) {
            edits.add("grayscale");
        }
        if (hasMasks()) {
            edits.add(0, "background");
            out.add("  focus: {min: 0.5}");
        } else {
            out.add("  # focus and the background edit need object masks: a folder beside the pictures named");
            out.add("  # <pictures>-masks with a PNG per picture at the same path, non-zero on the object. With them,");
            out.add("  # the report says whether the model looks at the object or at the background.");
        }
        out.add("  interventions: {max-flip-rate: 0.2, edits: [" + String.join(", ", edits) + "]}");
        out.add("  sanity: {max-similarity: 0.5}");
        out.add("  faithfulness: {}");
        if (methods.contains("integrated-gradients")) {
            out.add("  completeness: {max-delta: 0.05}");
        }
    }

    /** A YAML double-quoted scalar: any class name or path survives, digits stay text. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String numbers(List<Double> values) {
        return "[" + String.join(", ", values.stream().map(StarterConfig::number).toList()) + "]";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A path as the config should name it: relative to the config's folder where that is shorter. */
    public static String path(Path configFolder, Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path relative = configFolder.toAbsolutePath().normalize().relativize(abs);
        String r = relative.toString().replace('\\', '/');
        return r.isEmpty() ? "." : r.split("/").length <= abs.getNameCount() ? r : abs.toString();
    }
}
