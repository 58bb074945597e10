package dev.glassbox.training;

import dev.glassbox.data.LabelledImages;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Accuracy and per-class recall of a classifier on labelled images.
 *
 * @param classes   class names in index order
 * @param confusion {@code confusion[truth][predicted]} counts
 */
public record Evaluation(List<String> classes, int[][] confusion) {

    /** Counts predictions against labels. */
    public static Evaluation of(List<String> classes, int[] labels, int[] predicted) {
        int k = classes.size();
        int[][] confusion = new int[k][k];
        for (int i = 0; i < labels.length; i++) {
            confusion[labels[i]][predicted[i]]++;
        }
        return new Evaluation(classes, confusion);
    }

    /**
     * Runs {@code model} (a batch of NCHW images in, a batch of scores out; the highest score is the prediction) on
     * every image, {@code batch} at a time.
     */
    public static Evaluation run(LabelledImages data, UnaryOperator<INDArray> model, int batch) {
        int n = data.size();
        int len = data.imageLength();
        int[] predicted = new int[n];
        for (int start = 0; start < n; start += batch) {
            int b = Math.min(batch, n - start);
            float[] buf = new float[b * len];
            System.arraycopy(data.pixels(), start * len, buf, 0, b * len);
            INDArray x = Nd4j.create(buf, new long[] {b, 3, data.height(), data.width()}, 'c');
            int[] argmax = model.apply(x).argMax(1).toIntVector();
            System.arraycopy(argmax, 0, predicted, start, b);
        }
        return of(data.classes(), data.labels(), predicted);
    }

    public int support(int c) {
        int s = 0;
        for (int v : confusion[c]) {
            s += v;
        }
        return s;
    }

    /** Recall of class {@code c}; NaN when it has no images. */
    public double recall(int c) {
        int s = support(c);
        return s == 0 ? Double.NaN : confusion[c][c] / (double) s;
    }

    public double recall(String className) {
        int c = classes.indexOf(className);
        if (c < 0) {
            throw new IllegalArgumentException("no class " + className + " in " + classes);
        }
        return recall(c);
    }

    public double accuracy() {
        int right = 0;
        int all = 0;
        for (int c = 0; c < classes.size(); c++) {
            right += confusion[c][c];
            all += support(c);
        }
        return all == 0 ? Double.NaN : right / (double) all;
    }

    /** One Markdown table row: the label, then the accuracy and each class's recall in percent. */
    public String markdownRow(String label) {
        StringBuilder sb = new StringBuilder("| ").append(label).append(" | ")
                .append(String.format(Locale.ROOT, "%.1f", 100 * accuracy()));
        for (int c = 0; c < classes.size(); c++) {
            sb.append(" | ").append(String.format(Locale.ROOT, "%.1f", 100 * recall(c)));
        }
        return sb.append(" |").toString();
    }

    /** The Markdown table header matching {@link #markdownRow}. */
    public String markdownHeader(String firstColumn) {
        StringBuilder sb = new StringBuilder("| ").append(firstColumn).append(" | accuracy");
        StringBuilder rule = new StringBuilder("|---|---:");
        for (String c : classes) {
            sb.append(" | ").append(c);
            rule.append("|---:");
        }
        return sb.append(" |\n").append(rule).append("|").toString();
    }
}
