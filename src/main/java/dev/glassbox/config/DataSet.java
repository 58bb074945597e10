package dev.glassbox.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the config's {@code data:} list: a folder of images with one subfolder per class.
 *
 * @param name   how the report names it; unique within a config
 * @param images the images folder, absolute
 * @param masks  the object masks folder (same relative paths, non-zero = object), absolute; null when there is none
 * @param regions further named masks folders (same relative paths, non-zero = in the region; a missing file is an
 *               empty region), absolute, in the order given: places the diagnosis measures attribution on and
 *               transplants, such as the shapes data's tag
 */
public record DataSet(String name, Path images, Path masks, Map<String, Path> regions) {

    /** The keys of an entry of {@code data:}. */
    public static final List<String> KEYS = List.of("name", "images", "masks", "regions");

    /** An entry without named regions. */
    public DataSet(String name, Path images, Path masks) {
        this(name, images, masks, Map.of());
    }

    public DataSet {
        Objects.requireNonNull(images);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a data set needs a name");
        }
        regions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(regions));
    }

    public boolean hasMasks() {
        return masks != null;
    }

    /** Reads an entry; whether its folders exist is for the caller to check once the whole config is valid. */
    static DataSet read(ConfigNode node, Path folder) {
        node.entries(KEYS, "a data entry takes");
        ConfigNode imagesNode = node.get("images");
        if (imagesNode.isAbsent()) {
            throw node.error("'" + imagesNode.path() + "' is required: the folder of images, one subfolder per"
                    + " class");
        }
        Path images = imagesNode.path(folder);
        ConfigNode masksNode = node.get("masks");
        Path masks = masksNode.isAbsent() ? null : masksNode.path(folder);
        ConfigNode nameNode = node.get("name");
        String name = nameNode.isPresent() ? nameNode.name()
                : images.getFileName() == null ? images.toString() : images.getFileName().toString();
        return new DataSet(name, images, masks, regions(node.get("regions"), folder));
    }

    private static Map<String, Path> regions(ConfigNode node, Path folder) {
        Map<String, Path> out = new LinkedHashMap<>();
        if (node.isAbsent()) {
            return out;
        }
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            if (e.getKey().isBlank()) {
                throw node.error("'" + node.path() + "' has a region without a name");
            }
            out.put(e.getKey().trim(), e.getValue().path(folder));
        }
        return out;
    }
}
