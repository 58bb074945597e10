package dev.glassbox.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final List<String> ABC = List.of("a", "b", "c");
    // Worked by hand: rows are true classes, columns predictions.
    //        a  b  c
    //   a  [ 3  1  0 ]
    //   b  [ 0  1  1 ]
    //   c  [ 1  1  2 ]
    private static final int[] TRUTH = {0, 0, 0, 1, 1, 2, 2, 2, 2, 0};
    private static final int[] PREDICTED = {0, 0, 1, 1, 2, 2, 2, 0, 1, 0};

    @Test
    void confusionMatrixCountsTruePredictedPairs() {
        ConfusionMatrix m = ConfusionMatrix.of(ABC, TRUTH, PREDICTED);
        assertArrayEquals(new long[] {3, 1, 0}, m.counts()[0]);
        assertArrayEquals(new long[] {0, 1, 1}, m.counts()[1]);
        assertArrayEquals(new long[] {1, 1, 2}, m.counts()[2]);
        assertEquals(10, m.total());
        assertEquals(6, m.correct());
    }

    @Test
    void metricsMatchHandComputedValues() {
        Evaluation e = Evaluation.of("hand", ConfusionMatrix.of(ABC, TRUTH, PREDICTED));
        assertEquals(0.6, e.accuracy(), 1e-12);
        assertEquals(10, e.images());
        assertMetrics(e.classes().get(0), "a", 3.0 / 4, 3.0 / 4, 3.0 / 4, 4);
        assertMetrics(e.classes().get(1), "b", 1.0 / 3, 1.0 / 2, 0.4, 2);
        assertMetrics(e.classes().get(2), "c", 2.0 / 3, 2.0 / 4, 4.0 / 7, 4);
    }

    @Test
    void classNeverSeenNorPredictedScoresZeroNotNaN() {
        List<String> abcd = List.of("a", "b", "c", "d");
        Evaluation e = Evaluation.of("hand", ConfusionMatrix.of(abcd, TRUTH, PREDICTED));
        assertMetrics(e.classes().get(3), "d", 0, 0, 0, 0);
    }

    @Test
    void streamedTallyEqualsOneShotMatrix() {
        ConfusionTally tally = new ConfusionTally(3);
        for (int i = 0; i < TRUTH.length; i++) {
            tally.add(TRUTH[i], PREDICTED[i]);
        }
        assertEquals(ConfusionMatrix.of(ABC, TRUTH, PREDICTED), tally.toMatrix(ABC));
    }

    @Test
    void invalidInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(ABC, new int[] {0, 3}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(ABC, new int[] {0}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(ABC, new long[][] {{1, 2}, {3, 4}}));
        assertThrows(IllegalArgumentException.class, () -> new ClassMetrics("x", 1.5, 0, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of("empty", new ConfusionMatrix(ABC, new long[3][3])));
    }

    private static void assertMetrics(ClassMetrics m, String name, double p, double r, double f1, long support) {
        assertEquals(name, m.name());
        assertEquals(p, m.precision(), 1e-12, "precision of " + name);
        assertEquals(r, m.recall(), 1e-12, "recall of " + name);
        assertEquals(f1, m.f1(), 1e-12, "f1 of " + name);
        assertEquals(support, m.support(), "support of " + name);
    }
}
