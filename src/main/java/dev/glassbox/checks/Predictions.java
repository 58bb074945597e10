package dev.glassbox.checks;

/**
 * What a model answered for every image of a data set, from the evaluation pass: small enough to keep for any data
 * set (two numbers per image).
 *
 * @param predicted  the class answered for each image
 * @param confidence the probability the model gave that answer
 */
public record Predictions(int[] predicted, float[] confidence) {

    public Predictions {
        if (predicted.length != confidence.length) {
            throw new IllegalArgumentException(predicted.length + " answers for " + confidence.length
                    + " confidences");
        }
        predicted = predicted.clone();
        confidence = confidence.clone();
    }

    public int size() {
        return predicted.length;
    }

    public int predicted(int i) {
        return predicted[i];
    }

    public float confidence(int i) {
        return confidence[i];
    }
}
