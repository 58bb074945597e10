package dev.glassbox.training;

import dev.glassbox.data.InMemoryImages;
import dev.glassbox.evaluation.ClassMetrics;
import dev.glassbox.evaluation.ConfusionTally;
import dev.glassbox.evaluation.Evaluation;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Per-class recall of a freshly trained model, as the Markdown rows of {@code fixtures/models/README.md}. */
public final class RecallTable {

    private RecallTable() {}

    /**
     * Runs {@code model} (NCHW images in, one score per class out; the highest is the prediction) on every image,
     * {@code batch} at a time.
     */
    public static Evaluation evaluate(String name, InMemoryImages data, UnaryOperator<INDArray> model, int batch) {
        ConfusionTally tally = new ConfusionTally(data.classes().size());
        int[] labels = data.labels();
        int len = data.imageLength();
        for (int start = 0; start < data.size(); start += batch) {
            int b = Math.min(batch, data.size() - start);
            float[] buf = new float[b * len];
            System.arraycopy(data.pixels(), start * len, buf, 0, b * len);
            INDArray x = Nd4j.create(buf, new long[] {b, 3, data.height(), data.width()}, 'c');
            int[] predicted = model.apply(x).argMax(1).toIntVector();
            tally.add(java.util.Arrays.copyOfRange(labels, start, start + b), predicted);
        }
        return Evaluation.of(name, tally.toMatrix(data.classes()));
    }

    /** The header matching {@link #row}: the label column, accuracy, then each class. */
    public static String header(String firstColumn, Evaluation e) {
        StringBuilder head = new StringBuilder("| ").append(firstColumn).append(" | accuracy");
        StringBuilder rule = new StringBuilder("|---|---:");
        for (ClassMetrics c : e.classes()) {
            head.append(" | ").append(c.name());
            rule.append("|---:");
        }
        return head.append(" |\n").append(rule).append("|").toString();
    }

    /** One row: the label, then accuracy and each class's recall, in percent. */
    public static String row(String label, Evaluation e) {
        StringBuilder sb = new StringBuilder("| ").append(label).append(" | ").append(percent(e.accuracy()));
        for (ClassMetrics c : e.classes()) {
            sb.append(" | ").append(percent(c.recall()));
        }
        return sb.append(" |").toString();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }
}
