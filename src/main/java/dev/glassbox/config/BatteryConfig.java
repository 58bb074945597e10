package dev.glassbox.config;

import dev.glassbox.model.Preprocessing;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.glassbox.GlassboxException;
import dev.glassbox.checks.CheckSettings;
import dev.glassbox.checks.Checks;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A battery config (DESIGN.md §5b): the model to test, the data to test it on, and the attribution methods and
 * checks to run, read from a YAML file by {@link #load(Path)}. Relative paths in the file are resolved against its
 * folder. {@code fixtures/batteries/example.yaml} documents every key.
 *
 * @param file        the config file, absolute
 * @param text        the file's text as written, for the report's about page
 * @param title       the report's title; by default the model file's name without its extension
 * @param model       the model file, absolute; it exists
 * @param compare     a second model shown side by side, absolute; null when there is none
 * @param input       the input shape (when the config gives one) and the preprocessing of pixels
 * @param classes     the class names in the index order of the model's outputs; empty for the sorted folder names
 * @param data        the data sets, at least one, with distinct names
 * @param attribution the attribution methods, samples and method parameters
 * @param checks      by check id, in the order of {@link Checks#definitions()}, the checks to run and their settings
 * @param neurons     the neuron groups settings
 * @param output      the report folder, absolute; null when the config leaves it to the command line
 * @param seed        the seed of every sample and random choice
 * @param batchSize   examples per forward or backward pass, 1 to 4096
 * @param description paragraphs that open the report's overview: what was tested and why (may be empty)
 * @param diagnosis   the diagnosis settings
 * @param modelCard   what the model is for and its limits, for the model card page ({@link ModelCardConfig#NONE}
 *                    when the config does not say)
 */
public record BatteryConfig(Path file, String text, String title, Path model, Path compare, InputConfig input,
                            List<String> classes, List<DataSet> data, AttributionConfig attribution,
                            Map<String, CheckSettings> checks, NeuronsConfig neurons, Path output, long seed,
                            int batchSize, List<String> description, DiagnosisConfig diagnosis,
                            ModelCardConfig modelCard) {

    /** The top-level keys. */
    public static final List<String> KEYS = List.of("title", "description", "model", "compare", "input", "classes",
            "data", "attribution", "checks", "diagnosis", "neurons", "output", "seed", "batch-size", "model-card");

    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final int MAX_BATCH_SIZE = 4096;

    public BatteryConfig {
        Objects.requireNonNull(file);
        Objects.requireNonNull(text);
        Objects.requireNonNull(title);
        Objects.requireNonNull(model);
        Objects.requireNonNull(input);
        classes = List.copyOf(classes);
        if (classes.size() == 1 || new LinkedHashSet<>(classes).size() != classes.size()) {
            throw new IllegalArgumentException("classes " + classes + " are not at least two distinct names");
        }
        data = List.copyOf(data);
        if (data.isEmpty() || data.stream().map(DataSet::name).distinct().count() != data.size()) {
            throw new IllegalArgumentException("data sets " + data + " are not at least one, with distinct names");
        }
        Objects.requireNonNull(attribution);
        checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        if (!Checks.ids().containsAll(checks.keySet())) {
            throw new IllegalArgumentException("checks " + checks.keySet() + " are not all in " + Checks.ids());
        }
        Objects.requireNonNull(neurons);
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batch size " + batchSize + " is not in 1.." + MAX_BATCH_SIZE);
        }
        description = List.copyOf(description);
        Objects.requireNonNull(diagnosis);
        modelCard = modelCard == null ? ModelCardConfig.NONE : modelCard;
    }

    /**
     * Reads and validates a battery config.
     *
     * @throws GlassboxException usage (exit 2) for a YAML or config error, naming the file and the key; bad input
     *                           (exit 3) when the config file, a model file or a data folder it names is missing
     */
    public static BatteryConfig load(Path file) {
        if (!Files.exists(file)) {
            throw GlassboxException.badInput(file, "no such battery config file");
        }
        if (Files.isDirectory(file)) {
            throw GlassboxException.badInput(file, "is a folder, not a battery config file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw GlassboxException.badInput(file, "is not UTF-8 text", e);
        } catch (IOException e) {
            throw GlassboxException.badInput(file, "cannot be read: " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /**
     * Validates a config's text as if read from {@code file}, which names it in messages and whose folder relative
     * paths start from; the file itself is not read.
     */
    public static BatteryConfig parse(Path file, String text) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        Path folder = absolute.getParent();
        ConfigNode root = ConfigNode.root(name, yaml(name, text));
        if (root.isAbsent()) {
            throw root.error("the file is empty; a battery config needs at least 'model' and 'data'");
        }
        if (!root.isMap()) {
            throw root.error("a battery config must be a map of keys (" + String.join(", ", KEYS) + "), got "
                    + root.describe());
        }
        root.entries(KEYS, null);

        ConfigNode modelNode = required(root, "model", "the model file to test, a DL4J .zip or a Keras .h5");
        Path model = modelNode.path(folder);
        ConfigNode compareNode = root.get("compare");
        Path compare = compareNode.isPresent() ? compareNode.path(folder) : null;
        ConfigNode titleNode = root.get("title");
        String title = titleNode.isPresent() ? titleNode.name() : withoutExtension(model.getFileName().toString());
        InputConfig input = InputConfig.read(root.get("input"));
        List<String> classes = classes(root.get("classes"));
        ConfigNode dataNode = required(root, "data", "a list of image folders, one subfolder per class");
        List<ConfigNode> dataEntries = dataNode.list("data sets (name, images, masks)");
        List<DataSet> data = dataSets(root, dataNode, dataEntries, folder);
        AttributionConfig attribution = AttributionConfig.read(root.get("attribution"));
        Map<String, CheckSettings> checks = ChecksSection.read(root);
        NeuronsConfig neurons = NeuronsConfig.read(root.get("neurons"));
        ConfigNode outputNode = root.get("output");
        Path output = outputNode.isPresent() ? outputNode.path(folder) : null;
        ConfigNode seedNode = root.get("seed");
        long seed = seedNode.isPresent() ? seedNode.wholeNumber() : 0;
        ConfigNode batchNode = root.get("batch-size");
        int batchSize = batchNode.isPresent() ? (int) batchNode.wholeNumber(1, MAX_BATCH_SIZE) : DEFAULT_BATCH_SIZE;
        List<String> description = description(root.get("description"));
        DiagnosisConfig diagnosis = DiagnosisConfig.read(root.get("diagnosis"), data);
        ModelCardConfig modelCard = ModelCardConfig.read(root.get("model-card"));

        // the files last, so that a config wrong in itself says so (exit 2) before what it names is looked for
        requireFile(model, modelNode);
        if (compare != null) {
            requireFile(compare, compareNode);
        }
        requireFolders(data, dataEntries);
        return new BatteryConfig(absolute, text, title, model, compare, input, classes, data, attribution, checks,
                neurons, output, seed, batchSize, description, diagnosis, modelCard);
    }

    /** The data sets, at least one, each with its own name. */
    private static List<DataSet> dataSets(ConfigNode root, ConfigNode dataNode, List<ConfigNode> entries, Path folder) {
        if (entries.isEmpty()) {
            throw dataNode.error("'data' must list at least one data set");
        }
        List<DataSet> data = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            DataSet d = DataSet.read(entries.get(i), folder);
            Integer before = names.putIfAbsent(d.name(), i);
            if (before != null) {
                throw root.error("data[" + before + "] and data[" + i + "] are both named '" + d.name()
                        + "'; give each its own 'name'");
            }
            data.add(d);
        }
        return data;
    }

    /** Each data set's images folder, masks folder and region folders exist. */
    private static void requireFolders(List<DataSet> data, List<ConfigNode> entries) {
        for (int i = 0; i < data.size(); i++) {
            requireFolder(data.get(i).images(), "images folder", entries.get(i).get("images"));
            if (data.get(i).hasMasks()) {
                requireFolder(data.get(i).masks(), "masks folder", entries.get(i).get("masks"));
            }
            for (String r : data.get(i).regions().keySet()) {
                requireFolder(data.get(i).regions().get(r), "region folder", entries.get(i).get("regions").get(r));
            }
        }
    }

    /** The config file's name ("battery.yaml"). */
    public String fileName() {
        return file.getFileName().toString();
    }

    /** The folder relative paths in the config start from. */
    public Path folder() {
        return file.getParent();
    }

    public boolean hasCompare() {
        return compare != null;
    }

    /**
     * The preprocessing for a model input with {@code channels} channels.
     *
     * @throws GlassboxException usage when {@code input.mean} or {@code input.std} has one entry per channel of a
     *                           different number of channels
     */
    public Preprocessing preprocessing(int channels) {
        if (!input.fits(channels)) {
            throw GlassboxException.usage(fileName() + ": 'input.mean' and 'input.std' need one entry per channel"
                    + " of the model's input (" + channels + ") or a single number; got " + input.mean().size()
                    + " and " + input.std().size());
        }
        return input.preprocessing(channels);
    }

    private static JsonNode yaml(String name, String text) {
        ObjectMapper mapper = new ObjectMapper(
                YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw GlassboxException.usage(name + ": " + syntaxProblem(e));
        }
    }

    /** "line 4, column 3: what is wrong", on one line. */
    private static String syntaxProblem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            String context = m.getContext() == null || m.getContextMark() == null ? ""
                    : " (" + m.getContext() + " from line " + (m.getContextMark().getLine() + 1) + ")";
            return oneLine("line " + (m.getProblemMark().getLine() + 1) + ", column "
                    + (m.getProblemMark().getColumn() + 1) + ": " + m.getProblem() + context);
        }
        String problem = e.getOriginalMessage();
        if (problem != null && problem.startsWith("Duplicate field ")) {
            problem = "key " + problem.substring("Duplicate field ".length()) + " appears twice in the same map";
        }
        String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
        return oneLine(where + problem);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static ConfigNode required(ConfigNode root, String key, String what) {
        ConfigNode n = root.get(key);
        if (n.isAbsent()) {
            throw root.error("'" + key + "' is required: " + what);
        }
        return n;
    }

    /**
     * A list of paragraphs, or one text whose blank lines separate paragraphs; line breaks inside a paragraph become
     * spaces, and empty paragraphs are left out.
     */
    private static List<String> description(ConfigNode node) {
        if (node.isAbsent()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode p : node.listOrOne("paragraphs")) {
            for (String paragraph : p.text().split("\\n\\s*\\n")) {
                String t = paragraph.strip().replaceAll("\\s*\\n\\s*", " ");
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static List<String> classes(ConfigNode node) {
        if (node.isAbsent()) {
            return List.of();
        }
        List<ConfigNode> entries = node.list("class names");
        if (entries.size() < 2) {
            throw node.error("'classes' must list at least 2 class names, got " + entries.size());
        }
        Set<String> names = new LinkedHashSet<>();
        for (ConfigNode e : entries) {
            String n = e.name();
            if (!names.add(n)) {
                throw e.error("'classes' names '" + n + "' twice");
            }
        }
        return List.copyOf(names);
    }

    private static String withoutExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static void requireFile(Path p, ConfigNode node) {
        if (!Files.exists(p)) {
            throw GlassboxException.badInput(p, "the model file named by '" + node.path() + "' in " + node.file()
                    + " does not exist");
        }
        if (Files.isDirectory(p)) {
            throw GlassboxException.badInput(p, "the model file named by '" + node.path() + "' in " + node.file()
                    + " is a folder");
        }
    }

    private static void requireFolder(Path p, String what, ConfigNode node) {
        if (!Files.isDirectory(p)) {
            throw GlassboxException.badInput(p, "the " + what + " named by '" + node.path() + "' in " + node.file()
                    + (Files.exists(p) ? " is not a folder" : " does not exist"));
        }
    }
}
