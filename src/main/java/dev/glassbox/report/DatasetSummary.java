package dev.glassbox.report;

import java.util.List;

/**
 * A data set as the report describes it.
 *
 * @param name    its name
 * @param images  number of images
 * @param classes class names in output order
 * @param counts  images per class, in class order (0 for a class the data set has no pictures of)
 * @param masks   whether it has object masks (what the focus check and the background edit need)
 */
public record DatasetSummary(String name, long images, List<String> classes, List<Long> counts, boolean masks) {

    public DatasetSummary {
        classes = List.copyOf(classes);
        counts = List.copyOf(counts);
        if (classes.size() != counts.size()) {
            throw new IllegalArgumentException(counts.size() + " counts for " + classes.size() + " classes");
        }
    }

    /** A data set without masks. */
    public DatasetSummary(String name, long images, List<String> classes, List<Long> counts) {
        this(name, images, classes, counts, false);
    }

    /** The classes it has no pictures of, in class order. */
    public List<String> missingClasses() {
        return java.util.stream.IntStream.range(0, classes.size()).filter(c -> counts.get(c) == 0)
                .mapToObj(classes::get).toList();
    }
}
