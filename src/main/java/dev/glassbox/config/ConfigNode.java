package dev.glassbox.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glassbox.GlassboxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One value of the config's YAML tree with its key path ({@code checks.focus.min}, {@code data[1].images}), read with
 * errors that name the file and that path. Absent keys and empty values ({@code checks:}, {@code ''}) both read as
 * absent.
 */
final class ConfigNode {

    private final String file;
    private final String path;
    private final JsonNode json;

    private ConfigNode(String file, String path, JsonNode json) {
        this.file = file;
        this.path = path;
        this.json = json;
    }

    static ConfigNode root(String file, JsonNode json) {
        return new ConfigNode(file, "", json);
    }

    /** The key path, as a message quotes it. */
    String path() {
        return path;
    }

    /** The config's file name, as messages start. */
    String file() {
        return file;
    }

    boolean isAbsent() {
        // Jackson reads a key with nothing after it as null, or as "" when it ends the file
        return json == null || json.isMissingNode() || json.isNull() || json.isTextual() && json.asText().isEmpty();
    }

    boolean isPresent() {
        return !isAbsent();
    }

    boolean isMap() {
        return json != null && json.isObject();
    }

    boolean isList() {
        return json != null && json.isArray();
    }

    /** Whether this map has the key, even with an empty value. */
    boolean has(String key) {
        return isMap() && json.has(key);
    }

    ConfigNode get(String key) {
        return new ConfigNode(file, path.isEmpty() ? key : path + "." + key, isMap() ? json.get(key) : null);
    }

    /**
     * The entries of a map, in file order, after checking every key against {@code known}.
     *
     * @param takes how the unknown-key message lists the valid keys ("focus takes"); null at the top level, where
     *              the list is given only when no key is close to the mistyped one
     */
    Map<String, ConfigNode> entries(List<String> known, String takes) {
        requireMap(known, takes);
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        json.fields().forEachRemaining(e -> {
            String key = e.getKey();
            ConfigNode child = new ConfigNode(file, path.isEmpty() ? key : path + "." + key, e.getValue());
            if (!known.contains(key)) {
                String hint = DidYouMean.hint(key, known);
                String list = takes != null ? " (" + takes + ": " + String.join(", ", known) + ")"
                        : hint.isEmpty() ? "; the keys are " + String.join(", ", known) : "";
                throw error("unknown key '" + child.path + "'" + hint + list);
            }
            out.put(key, child);
        });
        return out;
    }

    /** The entries of a map whose keys the caller checks (check ids, method names). */
    Map<String, ConfigNode> entries() {
        requireMap(List.of(), null);
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        json.fields().forEachRemaining(e -> out.put(e.getKey(),
                new ConfigNode(file, path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue())));
        return out;
    }

    private void requireMap(List<String> known, String takes) {
        if (!isMap()) {
            String keys = known.isEmpty() ? "" : " of " + String.join(", ", known);
            throw error("'" + path + "' must be a map" + keys + ", got " + describe());
        }
    }

    /** The elements of a list. */
    List<ConfigNode> list(String what) {
        if (!isList()) {
            throw error("'" + path + "' must be a list of " + what + ", got " + describe());
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            out.add(new ConfigNode(file, path + "[" + i + "]", json.get(i)));
        }
        return out;
    }

    /** The elements of a list, or this value alone when it is a single value ({@code edits: flip}). */
    List<ConfigNode> listOrOne(String what) {
        return isList() ? list(what) : List.of(this);
    }

    /** A name or other text; a number or true/false is taken as written ({@code classes: [0, 1, 2]}). */
    String text() {
        if (json == null || !json.isValueNode() || json.isNull()) {
            throw error("'" + path + "' must be text, got " + describe());
        }
        return scalarText();
    }

    /** A non-empty name, trimmed. */
    String name() {
        String t = text().trim();
        if (t.isEmpty()) {
            throw error("'" + path + "' must not be empty");
        }
        return t;
    }

    /**
     * A scalar as the attribution methods parse their parameters: text as written, whole numbers without a
     * fraction ({@code 16}, also when written {@code 16.0}); a list of scalars joined by commas ({@code [3, 4, 4]}
     * gives {@code "3,4,4"}).
     */
    String parameterText() {
        if (isList()) {
            List<String> parts = new ArrayList<>();
            for (ConfigNode element : list("values")) {
                if (!element.json.isValueNode() || element.isAbsent()) {
                    throw error("'" + element.path + "' must be a single value, got " + element.describe());
                }
                parts.add(element.scalarText());
            }
            return String.join(",", parts);
        }
        if (json == null || !json.isValueNode() || json.isNull()) {
            throw error("'" + path + "' must be a value or a list of values, got " + describe());
        }
        return scalarText();
    }

    private String scalarText() {
        if (json.isFloatingPointNumber() && json.asDouble() == Math.rint(json.asDouble())
                && Math.abs(json.asDouble()) < 1e15) {
            return Long.toString((long) json.asDouble());
        }
        return json.asText();
    }

    /** A number in [min, max]. */
    double number(double min, double max) {
        double v = number();
        if (v < min || v > max) {
            throw error("'" + path + "' must be a number between " + format(min) + " and " + format(max) + ", got "
                    + describe());
        }
        return v;
    }

    /** A finite number. */
    double number() {
        if (json == null || !json.isNumber() || !Double.isFinite(json.asDouble())) {
            throw error("'" + path + "' must be a number, got " + describe());
        }
        return json.asDouble();
    }

    /** A whole number in [min, max]; {@code 3.0} counts as whole. */
    long wholeNumber(long min, long max) {
        long v = wholeNumber();
        if (v < min || v > max) {
            throw error("'" + path + "' must be a whole number between " + min + " and " + max + ", got "
                    + describe());
        }
        return v;
    }

    long wholeNumber() {
        boolean whole = json != null && (json.isIntegralNumber() && json.canConvertToLong()
                || json.isFloatingPointNumber() && json.asDouble() == Math.rint(json.asDouble())
                && Math.abs(json.asDouble()) < 1e15);
        if (!whole) {
            throw error("'" + path + "' must be a whole number, got " + describe());
        }
        return json.isIntegralNumber() ? json.asLong() : (long) json.asDouble();
    }

    /** true or false. */
    boolean flag() {
        if (json == null || !json.isBoolean()) {
            throw error("'" + path + "' must be true or false, got " + describe());
        }
        return json.asBoolean();
    }

    /** A path, resolved against {@code folder} (the config's) when relative. */
    Path path(Path folder) {
        String t = name();
        try {
            return folder.resolve(t).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw error("'" + path + "' is not a valid path: " + e.getReason());
        }
    }

    /** A one-line usage error (exit 2) that starts with the config's file name. */
    GlassboxException error(String problem) {
        return GlassboxException.usage(file + ": " + problem);
    }

    /** The value as a message quotes it: text in double quotes, numbers as written, "a map", "a list", "nothing". */
    String describe() {
        if (isAbsent()) {
            return "nothing";
        }
        if (json.isTextual()) {
            return "\"" + json.asText().replace("\n", " ") + "\"";
        }
        if (json.isObject()) {
            return "a map";
        }
        if (json.isArray()) {
            return "a list";
        }
        return json.asText();
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Lower-cased and trimmed, for names that are not case-sensitive (layouts, method names). */
    static String folded(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
