package dev.glassbox.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.imaging.ImageStore;
import dev.glassbox.model.ModelUnderTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accuracy, recall and precision share one rule: fail when the whole Wilson 95% interval lies below the minimum,
 * warn when the share is below it but the interval reaches it. Out of 100 with a minimum of 90%:
 *
 * <pre>
 *   right  share  Wilson 95% interval   status
 *     97   0.97   [0.9155, 0.9897]      pass
 *     91   0.91   [0.8377, 0.9519]      pass: the share meets the minimum
 *     85   0.85   [0.7672, 0.9070]      warn: below, but 90% is inside the interval
 *     80   0.80   [0.7112, 0.8666]      fail: the whole interval is below
 * </pre>
 */
class ProportionChecksTest {

    private static final List<String> ABCD = List.of("a", "b", "c", "d");
    private static ModelUnderTest model;
    private static ImageStore store;

    @BeforeAll
    static void model() {
        model = LinearModels.model("m", new float[2][LinearModels.PIXELS], new float[2]);
        store = ImageStore.temporary();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<CheckResult> run(Check check, double min, DatasetRun... runs) {
        return check.run(CheckContexts.of(model, List.of(runs), List.of(), store),
                CheckContexts.settings(check, Map.of("min", min)));
    }

    private static DatasetRun twoClasses(String name, long right, long wrong) {
        return CheckContexts.fromMatrix(name, List.of("x", "y"), new long[][] {{right, wrong}, {0, 0}});
    }

    @Test
    void accuracyPassesWarnsAndFailsByTheInterval() {
        List<CheckResult> results = run(new AccuracyCheck(), 0.9, twoClasses("ninety-seven", 97, 3),
                twoClasses("ninety-one", 91, 9), twoClasses("eighty-five", 85, 15), twoClasses("eighty", 80, 20));
        assertEquals(List.of(CheckStatus.PASS, CheckStatus.PASS, CheckStatus.WARN, CheckStatus.FAIL),
                results.stream().map(CheckResult::status).toList());
        CheckResult pass = results.get(0);
        assertEquals(0.97, pass.value(), 1e-12);
        assertEquals(0.9, pass.threshold());
        assertEquals(0.915481, pass.details().get("interval-lower"), 1e-6);
        assertEquals(0.989745, pass.details().get("interval-upper"), 1e-6);
        assertEquals(97.0, pass.details().get("count"));
        assertEquals(100.0, pass.details().get("out-of"));
        assertEquals("m named 97 of 100 ninety-seven images correctly (97%; 95% interval 91.5%–99%), at or above the"
                + " minimum of 90%.", pass.finding());
        CheckResult warn = results.get(2);
        assertEquals(0.85, warn.value(), 1e-12);
        assertTrue(warn.finding().contains("named 85 of 100 eighty-five images correctly (85%; 95% interval"
                + " 76.7%–90.7%): below the minimum of 90%, but the interval reaches it"), warn.finding());
        CheckResult fail = results.get(3);
        assertEquals(0.8, fail.value(), 1e-12);
        assertTrue(fail.finding().startsWith("m named only 80 of 100 eighty images correctly (80%; 95% interval"
                + " 71.1%–86.7%): even the top of the interval is below the minimum of 90%"), fail.finding());
        assertEquals("eighty", fail.dataset());
        assertNull(fail.className());
    }

    @Test
    void recallIsJudgedPerClassAndNamesWhatTheMissedImagesWereCalled() {
        // rows are true classes: a found 97 of 100, b 85 of 100, c 80 of 100 (15 called a), d has no images
        DatasetRun run = CheckContexts.fromMatrix("set", ABCD, new long[][] {
                {97, 1, 2, 0}, {10, 85, 5, 0}, {15, 5, 80, 0}, {0, 0, 0, 0}});
        List<CheckResult> results = run(new ClassRecallCheck(), 0.9, run);
        assertEquals(List.of("a", "b", "c", "d"), results.stream().map(CheckResult::className).toList());
        assertEquals(List.of(CheckStatus.PASS, CheckStatus.WARN, CheckStatus.FAIL, CheckStatus.SKIPPED),
                results.stream().map(CheckResult::status).toList());
        assertEquals(0.97, results.get(0).value(), 1e-12);
        assertEquals(0.85, results.get(1).value(), 1e-12);
        assertEquals(0.80, results.get(2).value(), 1e-12);
        assertNull(results.get(3).value());
        assertEquals("m found only 80 of the 100 pictures of class 'c' in set (80%; 95% interval 71.1%–86.7%): even"
                + " the top of the interval is below the minimum of 90%; it called most of the others 'a' (15). The"
                + " focus and interventions checks and the gallery show why.", results.get(2).finding());
        assertTrue(results.get(3).finding().contains("set has no pictures of class 'd'"), results.get(3).finding());
    }

    @Test
    void precisionIsJudgedPerAnswerAndNamesWhereTheWrongOnesCameFrom() {
        // columns are answers: a right 97 of 100 times, b 85 of 100, c 80 of 100 (15 were a), d never answered
        DatasetRun run = CheckContexts.fromMatrix("set", ABCD, new long[][] {
                {97, 10, 15, 0}, {1, 85, 5, 0}, {2, 5, 80, 0}, {0, 0, 0, 0}});
        List<CheckResult> results = run(new ClassPrecisionCheck(), 0.9, run);
        assertEquals(List.of(CheckStatus.PASS, CheckStatus.WARN, CheckStatus.FAIL, CheckStatus.SKIPPED),
                results.stream().map(CheckResult::status).toList());
        assertEquals(0.97, results.get(0).value(), 1e-12);
        assertEquals(0.85, results.get(1).value(), 1e-12);
        assertEquals(0.80, results.get(2).value(), 1e-12);
        assertEquals("Of the 100 set pictures m called 'c', only 80 were of that class (80%; 95% interval 71.1%–86.7%):"
                + " even the top of the interval is below the minimum of 90%; most of the others were of class 'a'"
                + " (15). It says 'c' too readily.", results.get(2).finding());
        assertTrue(results.get(3).finding().contains("never answered 'd'"), results.get(3).finding());
    }
}
