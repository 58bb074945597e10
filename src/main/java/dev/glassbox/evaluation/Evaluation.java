package dev.glassbox.evaluation;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How one model did on one labelled data set.
 *
 * @param dataset   the data set's name
 * @param images    images evaluated
 * @param accuracy  fraction of images whose predicted class is the true class
 * @param classes   per-class metrics, in class order
 * @param confusion the counts behind all of it
 */
public record Evaluation(String dataset, long images, double accuracy, List<ClassMetrics> classes,
                         ConfusionMatrix confusion) {

    public Evaluation {
        classes = List.copyOf(classes);
        if (images != confusion.total()) {
            throw new IllegalArgumentException(images + " images but the confusion matrix counts " + confusion.total());
        }
        if (classes.size() != confusion.size()) {
            throw new IllegalArgumentException(classes.size() + " class metrics for " + confusion.size() + " classes");
        }
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy " + accuracy + " is not in [0, 1]");
        }
    }

    public static Evaluation of(String dataset, ConfusionMatrix m) {
        long n = m.total();
        if (n == 0) {
            throw new IllegalArgumentException("data set '" + dataset + "' has no images to evaluate");
        }
        List<ClassMetrics> perClass = IntStream.range(0, m.size()).mapToObj(c -> ClassMetrics.of(m, c)).toList();
        return new Evaluation(dataset, n, (double) m.correct() / n, perClass, m);
    }

    /** The metrics of the class with this name. */
    public ClassMetrics metrics(String className) {
        return classes.stream().filter(c -> c.name().equals(className)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no class '" + className + "' in " + dataset));
    }

    public double recall(String className) {
        return metrics(className).recall();
    }

    public long correct() {
        return confusion.correct();
    }
}
