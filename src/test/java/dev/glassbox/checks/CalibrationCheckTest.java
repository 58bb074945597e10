package dev.glassbox.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.imaging.ImageStore;
import dev.glassbox.model.ModelUnderTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CalibrationCheckTest {

    private static ModelUnderTest model;
    private static ImageStore store;
    private final CalibrationCheck check = new CalibrationCheck();

    @BeforeAll
    static void model() {
        model = LinearModels.model("m", new float[2][LinearModels.PIXELS], new float[2]);
        store = ImageStore.temporary();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** 100 answers of class 0 to images of class 0 (right) or 1 (wrong), with the given confidences. */
    private static DatasetRun answers(float[] confidence, boolean[] right) {
        int[] labels = new int[right.length];
        for (int i = 0; i < right.length; i++) {
            labels[i] = right[i] ? 0 : 1;
        }
        return CheckContexts.answered(CheckContexts.unread("set", List.of("x", "y"), labels), new int[right.length],
                confidence);
    }

    private static boolean[] firstRight(int n, int right) {
        boolean[] r = new boolean[n];
        Arrays.fill(r, 0, right, true);
        return r;
    }

    private CheckResult run(DatasetRun run) {
        List<CheckResult> results = check.run(CheckContexts.of(model, List.of(run), List.of(), store),
                CheckContexts.settings(check, Map.of()));
        assertEquals(1, results.size());
        return results.get(0);
    }

    @Test
    void passesWhenConfidenceMatchesHowOftenItIsRight() {
        // 50 answers at 0.7 with 35 right, 50 at 0.9 with 45 right: every bin's accuracy is its confidence
        float[] confidence = new float[100];
        boolean[] right = new boolean[100];
        for (int i = 0; i < 100; i++) {
            confidence[i] = i < 50 ? 0.7f : 0.9f;
            right[i] = i < 35 || (i >= 50 && i < 95);
        }
        CheckResult r = run(answers(confidence, right));
        assertEquals(CheckStatus.PASS, r.status(), r.finding());
        assertEquals(0, r.value(), 1e-6);
        assertEquals(0.05, r.threshold());
        assertEquals(0.8, r.details().get("mean-confidence"), 1e-6);
        assertEquals(0.8, r.details().get("accuracy"), 1e-12);
        assertTrue(r.finding().startsWith("Its confidence can be read as a probability"), r.finding());
        // the reliability diagram: one point per filled bin, on the diagonal
        CheckChart.Series points = r.charts().get(0).series().get(0);
        assertEquals(2, points.x().length);
        assertEquals(0.7, points.x()[0], 1e-6);
        assertEquals(0.7, points.y()[0], 1e-12);
        assertEquals(0.9, points.y()[1], 1e-12);
    }

    @Test
    void failsWhenItIsSureOfAnswersThatAreOftenWrong() {
        // every answer at 0.99, 60 of 100 right: ECE = |0.6 - 0.99| = 0.39, over twice the maximum 0.05
        float[] confidence = new float[100];
        Arrays.fill(confidence, 0.99f);
        CheckResult r = run(answers(confidence, firstRight(100, 60)));
        assertEquals(CheckStatus.FAIL, r.status(), r.finding());
        assertEquals(0.39, r.value(), 1e-6);
        assertTrue(r.finding().startsWith("m is more sure of itself than it should be: its answers average 99%"
                + " sure but are right 60% of the time. On set, how sure m is and how often it is right differ"
                + " by 39.0 points on average. The expected calibration error is 0.390; the maximum is 0.050."),
                r.finding());
        assertTrue(r.finding().contains("recalibrate"), r.finding());
    }

    @Test
    void warnsBetweenTheMaximumAndTwiceIt() {
        // all at 0.9, 83 of 100 right: ECE 0.07, above 0.05 and below 0.1
        float[] confidence = new float[100];
        Arrays.fill(confidence, 0.9f);
        CheckResult r = run(answers(confidence, firstRight(100, 83)));
        assertEquals(CheckStatus.WARN, r.status(), r.finding());
        assertEquals(0.07, r.value(), 1e-6);
    }

    @Test
    void saysWhenTheModelIsLessSureThanItShouldBe() {
        // all at 0.6, 95 of 100 right: ECE 0.35, underconfident
        float[] confidence = new float[100];
        Arrays.fill(confidence, 0.6f);
        CheckResult r = run(answers(confidence, firstRight(100, 95)));
        assertEquals(CheckStatus.FAIL, r.status());
        assertEquals(0.35, r.value(), 1e-6);
        assertTrue(r.finding().startsWith("m is less sure of itself than it should be"), r.finding());
    }

    @Test
    void onTwentyPicturesAnOrdinaryGapIsTooFewToJudge() {
        // 20 answers at 0.85, 16 right: ECE 0.05 measured, but chance alone reaches far past the fail line of 0.1
        float[] confidence = new float[20];
        Arrays.fill(confidence, 0.85f);
        CheckResult r = run(answers(confidence, firstRight(20, 16)));
        assertEquals(CheckStatus.SKIPPED, r.status(), r.finding());
        assertTrue(r.finding().startsWith("Too few pictures to judge: on 20 pictures, a model whose confidence is"
                + " right would show an error of up to 0.1"), r.finding());
        assertTrue(r.details().get("chance-ece-95") > 0.1, r.details().toString());
    }

    @Test
    void aGapFarBeyondChanceFailsEvenOnFewPictures() {
        // 20 answers at 0.99, 5 right: no model whose confidence is right gets there by chance
        float[] confidence = new float[20];
        Arrays.fill(confidence, 0.99f);
        CheckResult r = run(answers(confidence, firstRight(20, 5)));
        assertEquals(CheckStatus.FAIL, r.status(), r.finding());
        assertTrue(r.details().get("p-value") < 0.01, r.details().toString());
    }

    @Test
    void chanceIsDrawnFromTheSeedAndShrinksWithMorePictures() {
        float[] few = new float[50];
        float[] many = new float[5000];
        Arrays.fill(few, 0.8f);
        Arrays.fill(many, 0.8f);
        CalibrationCheck.Chance a = CalibrationCheck.Chance.of(few, 15, 0.05, 3);
        assertEquals(a, CalibrationCheck.Chance.of(few, 15, 0.05, 3));
        CalibrationCheck.Chance b = CalibrationCheck.Chance.of(many, 15, 0.05, 3);
        // one bin: chance's error is |accuracy - 0.8|, whose 95th percentile is about 1.96 * sqrt(0.16 / n)
        assertEquals(1.96 * Math.sqrt(0.16 / 50), a.high(), 0.035);
        assertEquals(1.96 * Math.sqrt(0.16 / 5000), b.high(), 0.004);
        assertTrue(b.p() < 0.01, "a 5-point gap on 5000 pictures is no chance: " + b);
    }
}
