package dev.glassbox.battery;

import dev.glassbox.Progress;
import dev.glassbox.checks.CheckContext;
import dev.glassbox.checks.DatasetRun;
import dev.glassbox.checks.Predictions;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.evaluation.ConfusionTally;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.Layouts;
import dev.glassbox.model.ModelUnderTest;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The evaluation pass: every image of a data set once, in batches. It keeps the counts, each image's answer and
 * confidence, and, while they stream past, the gallery's candidates.
 */
final class EvaluationStage {

    private final RunPlan plan;

    EvaluationStage(RunPlan plan) {
        this.plan = plan;
    }

    DatasetRun run(ModelUnderTest model, LabelledImages data, GalleryPicks picks, Progress progress) {
        GradientEngine engine = model.engine();
        ConfusionTally tally = new ConfusionTally(data.classes().size());
        String task = "Testing " + model.name() + " on " + data.name();
        int n = data.size();
        int length = (int) data.input().length();
        progress.update(task, 0, n);
        int[] answers = new int[n];
        float[] confidences = new float[n];
        for (int from = 0; from < n; from += plan.batchSize()) {
            int to = Math.min(n, from + plan.batchSize());
            INDArray batch = data.images().read(from, to);
            requireBatch(batch, data, from, to);
            INDArray x = Layouts.convert(batch, data.input(), engine.input(), data.name(), model.name());
            float[][] probabilities = engine.probabilities(x.castTo(engine.dataType())).castTo(DataType.FLOAT)
                    .toFloatMatrix();
            INDArray rows = null;
            for (int i = 0; i < to - from; i++) {
                int index = from + i;
                int truth = data.label(index);
                int predicted = CheckContext.argMax(probabilities[i]);
                tally.add(truth, predicted);
                answers[index] = predicted;
                confidences[index] = probabilities[i][predicted];
                if (picks.wants(truth, predicted, confidences[index], index)) {
                    if (rows == null) {
                        rows = batch.castTo(DataType.FLOAT).dup('c').reshape('c', to - from, length);
                    }
                    picks.offer(new GalleryPicks.Pick(index, truth, predicted, confidences[index],
                            rows.getRow(i).toFloatVector()));
                }
            }
            progress.update(task, to, n);
        }
        return new DatasetRun(data, Evaluation.of(data.name(), tally.toMatrix(data.classes())),
                new Predictions(answers, confidences));
    }

    private static void requireBatch(INDArray batch, LabelledImages data, int from, int to) {
        if (batch.size(0) != to - from || batch.length() != (to - from) * data.input().length()) {
            throw new IllegalStateException("data set '" + data.name() + "' gave a batch of shape "
                    + java.util.Arrays.toString(batch.shape()) + " for images " + from + " to " + to);
        }
    }
}
