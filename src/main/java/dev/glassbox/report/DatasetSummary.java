package dev.glassbox.report;

import java.util.List;

/**
 * A data set as the report describes it.
 *
 * @param name    its name
 * @param images  number of images
 * @param classes class names in output order
 * @param counts  images per class, in class order
 */
public record DatasetSummary(String name, long images, List<String> classes, List<Long> counts) {

    public DatasetSummary {
        classes = List.copyOf(classes);
        counts = List.copyOf(counts);
        if (classes.size() != counts.size()) {
            throw new IllegalArgumentException(counts.size() + " counts for " + classes.size() + " classes");
        }
    }
}
