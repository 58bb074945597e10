package dev.glassbox.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Something true of some images of a data set and not of others, besides their class: "a blue background", "the
 * corner tag". Neuron group captions compare a group's activation on images with and without it.
 *
 * @param phrase what the images have, to finish "strongest on images with ..."
 * @param flags  per image of the data set, whether it has the trait
 */
public record ImageTrait(String phrase, boolean[] flags) {

    public ImageTrait {
        flags = flags.clone();
    }

    @Override
    public boolean[] flags() {
        return flags.clone();
    }

    public boolean has(int image) {
        return flags[image];
    }

    /**
     * The traits a shapes data set's {@code manifest.csv} records (blue background, corner tag), matched to the data
     * set's files; none when the folder has no shapes manifest or some file is missing from it.
     */
    public static List<ImageTrait> fromShapesManifest(Path folder, List<String> files) {
        Path manifest = folder.resolve("manifest.csv");
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        List<ManifestRow> rows;
        try {
            rows = ManifestRow.parseAll(Files.readAllLines(manifest));
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
        Map<String, ManifestRow> byFile = new HashMap<>();
        rows.forEach(r -> byFile.put(r.file(), r));
        boolean[] blue = new boolean[files.size()];
        boolean[] tag = new boolean[files.size()];
        for (int i = 0; i < files.size(); i++) {
            ManifestRow r = byFile.get(files.get(i).replace('\\', '/'));
            if (r == null) {
                return List.of();
            }
            blue[i] = r.blue();
            tag[i] = r.hasTag();
        }
        return List.of(new ImageTrait("a blue background", blue), new ImageTrait("the corner tag", tag));
    }
}
