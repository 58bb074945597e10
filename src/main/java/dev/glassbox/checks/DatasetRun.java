package dev.glassbox.checks;

import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.data.LabelledImages;
import java.util.Objects;

/**
 * A model's evaluation on one data set, which the checks start from.
 *
 * @param data        the images, labels and (optional) masks
 * @param evaluation  the confusion matrix and per-class metrics
 * @param predictions the answer and confidence for each image, in data set order
 */
public record DatasetRun(LabelledImages data, Evaluation evaluation, Predictions predictions) {

    public DatasetRun {
        Objects.requireNonNull(data);
        Objects.requireNonNull(evaluation);
        if (predictions.size() != data.size()) {
            throw new IllegalArgumentException(predictions.size() + " predictions for " + data.size() + " images");
        }
    }

    public String name() {
        return data.name();
    }
}
