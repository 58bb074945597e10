package dev.glassbox.evaluation;

import java.util.List;

/**
 * Counts predictions batch by batch, so that an evaluation over any number of images holds only k x k numbers.
 * Not thread-safe.
 */
public final class ConfusionTally {

    private final long[][] counts;

    public ConfusionTally(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
        this.counts = new long[classes][classes];
    }

    public void add(int truth, int predicted) {
        check(truth, "true");
        check(predicted, "predicted");
        counts[truth][predicted]++;
    }

    public void add(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        for (int i = 0; i < truth.length; i++) {
            add(truth[i], predicted[i]);
        }
    }

    public ConfusionMatrix toMatrix(List<String> classes) {
        if (classes.size() != counts.length) {
            throw new IllegalArgumentException(classes.size() + " class names for " + counts.length + " classes");
        }
        return new ConfusionMatrix(classes, counts);
    }

    private void check(int label, String which) {
        if (label < 0 || label >= counts.length) {
            throw new IllegalArgumentException(which + " label " + label + " is outside 0.." + (counts.length - 1));
        }
    }
}
