package dev.glassbox.checks;

import dev.glassbox.Progress;
import dev.glassbox.evaluation.ConfusionMatrix;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.model.Layouts;
import dev.glassbox.model.ModelUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;

/** Check contexts for tests: a model, its runs on small data sets, and a picture store, as the report builds them. */
public final class CheckContexts {

    /** The pictures' shape in these tests: 3×8×8, channels first. */
    public static final InputSpec PICTURE = InputSpec.image(InputLayout.NCHW, 3, 8, 8);

    private CheckContexts() {}

    public static CheckContext of(ModelUnderTest model, List<DatasetRun> runs, List<MethodSpec> methods,
                                  ImageStore store) {
        return new CheckContext(model, 0, runs, methods, new dev.glassbox.imaging.Pictures(store, 64), 16, 1,
                Progress.NONE);
    }

    static MethodSpec method(String name) {
        return new MethodSpec(name, Map.of());
    }

    static MethodSpec method(String name, Map<String, String> params) {
        return new MethodSpec(name, params);
    }

    /** The check's defaults with {@code given} over them. */
    static CheckSettings settings(Check check, Map<String, Object> given) {
        return CheckSettings.of(check.definition(), given);
    }

    /**
     * The model's answers and confidences on every image, and its evaluation, as the report's evaluation pass makes
     * them.
     */
    public static DatasetRun evaluated(ModelUnderTest model, LabelledImages data) {
        int n = data.size();
        var x = Layouts.convert(data.images().read(0, n), data.input(), model.engine().input(), data.name(),
                model.name()).castTo(model.engine().dataType());
        float[][] p = model.engine().probabilities(x).castTo(DataType.FLOAT).toFloatMatrix();
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = CheckContext.argMax(p[i]);
            confidence[i] = p[i][predicted[i]];
        }
        return answered(data, predicted, confidence);
    }

    /** A run whose answers are given: the evaluation is counted from them. */
    public static DatasetRun answered(LabelledImages data, int[] predicted, float[] confidence) {
        ConfusionMatrix m = ConfusionMatrix.of(data.classes(), data.labels(), predicted);
        return new DatasetRun(data, Evaluation.of(data.name(), m), new Predictions(predicted, confidence));
    }

    /**
     * A run with the counts of {@code counts[truth][predicted]}, every answer at confidence 1, on images that are
     * never read: for the checks that work from counts.
     */
    static DatasetRun fromMatrix(String name, List<String> classes, long[][] counts) {
        List<Integer> truth = new ArrayList<>();
        List<Integer> answers = new ArrayList<>();
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts[t].length; p++) {
                for (long k = 0; k < counts[t][p]; k++) {
                    truth.add(t);
                    answers.add(p);
                }
            }
        }
        int[] labels = truth.stream().mapToInt(Integer::intValue).toArray();
        float[] confidence = new float[labels.length];
        java.util.Arrays.fill(confidence, 1f);
        return answered(unread(name, classes, labels), answers.stream().mapToInt(Integer::intValue).toArray(),
                confidence);
    }

    /** A data set with these labels whose images must not be read. */
    static LabelledImages unread(String name, List<String> classes, int[] labels) {
        List<String> files = IntStream.range(0, labels.length).mapToObj(i -> "img-" + i + ".png").toList();
        return new LabelledImages(name, classes, PICTURE, labels, files, (from, to) -> {
            throw new AssertionError("this check should not read images");
        }, PixelRange.UNIT);
    }
}
