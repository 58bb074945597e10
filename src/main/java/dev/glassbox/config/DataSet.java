package dev.glassbox.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the config's {@code data:} list: a folder of images with one subfolder per class.
 *
 * @param name   how the report names it; unique within a config
 * @param images the images folder, absolute
 * @param masks  the object masks folder (same relative paths, non-zero = object), absolute; null when there is none
 */
public record DataSet(String name, Path images, Path masks) {

    /** The keys of an entry of {@code data:}. */
    public static final List<String> KEYS = List.of("name", "images", "masks");

    public DataSet {
        Objects.requireNonNull(images);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a data set needs a name");
        }
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
        return new DataSet(name, images, masks);
    }
}
