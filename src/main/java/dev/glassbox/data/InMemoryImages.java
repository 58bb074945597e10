package dev.glassbox.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Images held in memory as one float array, channels first (NCHW), with their class indices.
 *
 * @param classes class names in index order
 * @param files   where each image came from
 * @param labels  class index of each image
 * @param pixels  {@code size()} images of {@code 3 x height x width} values each
 */
public record InMemoryImages(List<String> classes, List<Path> files, int[] labels, float[] pixels, int width,
                             int height) {

    public int size() {
        return labels.length;
    }

    /** Values in one image. */
    public int imageLength() {
        return 3 * width * height;
    }
}
