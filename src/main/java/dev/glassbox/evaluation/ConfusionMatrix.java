package dev.glassbox.evaluation;

import java.util.Arrays;
import java.util.List;

/**
 * How often each true class was predicted as each class.
 *
 * @param classes class names, in the model's output order
 * @param counts  {@code counts[t][p]} = images of true class {@code t} that the model called {@code p}
 */
public record ConfusionMatrix(List<String> classes, long[][] counts) {

    public ConfusionMatrix {
        classes = List.copyOf(classes);
        int k = classes.size();
        if (k < 2) {
            throw new IllegalArgumentException("a confusion matrix needs at least 2 classes, got " + k);
        }
        if (counts.length != k) {
            throw new IllegalArgumentException(counts.length + " rows for " + k + " classes");
        }
        long[][] copy = new long[k][];
        for (int t = 0; t < k; t++) {
            if (counts[t].length != k) {
                throw new IllegalArgumentException("row " + t + " has " + counts[t].length + " columns, not " + k);
            }
            for (long c : counts[t]) {
                if (c < 0) {
                    throw new IllegalArgumentException("negative count " + c + " in row " + t);
                }
            }
            copy[t] = counts[t].clone();
        }
        counts = copy;
    }

    /** Counts the pairs {@code (truth[i], predicted[i])}. */
    public static ConfusionMatrix of(List<String> classes, int[] truth, int[] predicted) {
        ConfusionTally tally = new ConfusionTally(classes.size());
        tally.add(truth, predicted);
        return tally.toMatrix(classes);
    }

    public int size() {
        return classes.size();
    }

    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    /** Images whose true class is {@code c}. */
    public long support(int c) {
        return Arrays.stream(counts[c]).sum();
    }

    /** Images the model called {@code c}. */
    public long predictedAs(int c) {
        long n = 0;
        for (long[] row : counts) {
            n += row[c];
        }
        return n;
    }

    public long correct() {
        long n = 0;
        for (int c = 0; c < counts.length; c++) {
            n += counts[c][c];
        }
        return n;
    }

    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && classes.equals(m.classes) && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return 31 * classes.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + classes + Arrays.deepToString(counts);
    }
}
