package dev.glassbox.evaluation;

/**
 * How well the model does on one class.
 *
 * @param name      the class
 * @param precision of the images the model called this class, the fraction that were (0 when it never called it)
 * @param recall    of the images of this class, the fraction the model found (0 when there were none)
 * @param f1        harmonic mean of precision and recall (0 when both are 0)
 * @param support   images of this class in the data set
 */
public record ClassMetrics(String name, double precision, double recall, double f1, long support) {

    public ClassMetrics {
        checkFraction("precision", precision);
        checkFraction("recall", recall);
        checkFraction("f1", f1);
        if (support < 0) {
            throw new IllegalArgumentException("negative support " + support);
        }
    }

    /** Row and column {@code c} of the matrix; an empty denominator gives 0, as scikit-learn does by default. */
    public static ClassMetrics of(ConfusionMatrix m, int c) {
        long hit = m.count(c, c);
        long support = m.support(c);
        long predicted = m.predictedAs(c);
        double precision = predicted == 0 ? 0 : (double) hit / predicted;
        double recall = support == 0 ? 0 : (double) hit / support;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(m.classes().get(c), precision, recall, f1, support);
    }

    private static void checkFraction(String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " " + v + " is not in [0, 1]");
        }
    }
}
