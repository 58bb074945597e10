package dev.glassbox.diagnosis;

/**
 * How much lower a class's recall is in one place than in another, with Newcombe's 95% interval.
 *
 * @param between "datasets" (the same model on two data sets) or "models" (two models on the same data set)
 * @param from    where the recall is higher: a data set's name, or a model's
 * @param to      where it is lower: the deployment-like data set, or the model diagnosed
 * @param gap     the recall at {@code from} minus the recall at {@code to}
 * @param low     the interval's lower end
 * @param high    its upper end
 * @param support the class's pictures at {@code to}
 */
public record RecallGap(String between, String from, String to, double gap, double low, double high, long support) {

    /** Whether the interval lies above zero: the class really does worse at {@code to}. */
    public boolean clear() {
        return low > 0;
    }
}
