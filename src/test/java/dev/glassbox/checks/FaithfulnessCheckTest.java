package dev.glassbox.checks;

import static dev.glassbox.checks.CheckContexts.method;
import static dev.glassbox.checks.LinearModels.PIXELS;
import static dev.glassbox.checks.LinearModels.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.imaging.PixelRange;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.model.ModelUnderTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Deletion and insertion on black 8×8 pictures with a gray 4×4 square in the middle, and linear models that call
 * class 0 from the square's brightness: {@code logit0 = 0.2 Σ_square x}, {@code logit1 = 3.84} (half of it at gray
 * 0.8), so the answer is class 0 with probability about 0.98 and falls to 0.02 as the square is deleted.
 */
class FaithfulnessCheckTest {

    private static final LabelledImages SQUARE = centreSquares(6);

    private final ImageStore store = ImageStore.temporary();
    private final FaithfulnessCheck check = new FaithfulnessCheck();

    @AfterEach
    void close() {
        store.close();
    }

    private static boolean centre(int y, int x) {
        return y >= 2 && y <= 5 && x >= 2 && x <= 5;
    }

    private static LabelledImages centreSquares(int n) {
        Random r = new Random(9);
        float[][][][] x = new float[n][3][8][8];
        for (int i = 0; i < n; i++) {
            float gray = 0.7f + 0.2f * r.nextFloat();
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 8; y++) {
                    for (int xx = 0; xx < 8; xx++) {
                        x[i][c][y][xx] = centre(y, xx) ? gray : 0;
                    }
                }
            }
        }
        int[] labels = IntStream.range(0, n).map(i -> i % 2).toArray();
        List<String> files = IntStream.range(0, n).mapToObj(i -> "square-" + i + ".png").toList();
        return LabelledImages.inMemory("squares", List.of("bright", "dim"), CheckContexts.PICTURE, Nd4j.create(x),
                labels, files, PixelRange.UNIT);
    }

    /**
     * The square model, plus {@code blackWeight} on every pixel outside the square: pixels that are black in every
     * picture, so those weights never change an answer, like the untrained border weights of a model trained on
     * MNIST.
     */
    private static ModelUnderTest squareModel(String name, float blackWeight) {
        float[][] w = new float[2][PIXELS];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                for (int c = 0; c < 3; c++) {
                    w[0][at(c, y, x)] = centre(y, x) ? 0.2f : blackWeight;
                }
            }
        }
        return LinearModels.model(name, w, new float[] {0, 3.84f});
    }

    private List<CheckResult> run(ModelUnderTest model, List<MethodSpec> methods, Map<String, Object> given) {
        DatasetRun run = CheckContexts.evaluated(model, SQUARE);
        assertTrue(Arrays.stream(run.predictions().predicted()).allMatch(p -> p == 0), "every answer is class 0");
        Map<String, Object> settings = new java.util.HashMap<>(given);
        settings.putIfAbsent("images-per-class", 3);
        return check.run(CheckContexts.of(model, List.of(run), methods, store), CheckContexts.settings(check, settings));
    }

    @Test
    void passesWhenTheRankingFollowsTheWeights() {
        // saliency ranks the square's 16 pixels first: deleting them (a quarter of the picture) takes the answer's
        // probability from 0.98 to 0.02, where random order takes the whole curve to get there
        CheckResult r = run(squareModel("square", 0), List.of(method("saliency")), Map.of()).get(0);
        assertEquals(CheckStatus.PASS, r.status(), r.finding());
        assertEquals("saliency", r.method());
        assertEquals(0.05, r.threshold());
        assertTrue(r.value() > 0.1, "gain " + r.value());
        assertTrue(r.details().get("deletion-area") < r.details().get("deletion-area random") - 0.2, r.details()
                .toString());
        assertTrue(r.details().get("insertion-area") > r.details().get("insertion-area random"), r.details()
                .toString());
        assertEquals((r.details().get("deletion-area random") - r.details().get("deletion-area")
                + r.details().get("insertion-area") - r.details().get("insertion-area random")) / 2, r.value(), 1e-12);
        assertTrue(r.finding().startsWith("The pixels saliency marks do drive square's answers"), r.finding());
        // the chart: four curves at 17 points each, starting from the unedited pictures' probability
        CheckChart chart = r.charts().get(0);
        assertEquals(4, chart.series().size());
        CheckChart.Series deletion = chart.series().get(0);
        assertEquals(17, deletion.x().length);
        assertEquals(deletion.y()[0], chart.series().get(1).y()[0], 1e-9, "both deletions start unedited");
        assertTrue(deletion.y()[0] > 0.95 && deletion.y()[16] < 0.05, Arrays.toString(deletion.y()));
        assertTrue(deletion.y()[4] < 0.05, "the square is gone after 4 of 16 steps: " + Arrays.toString(deletion.y()));
    }

    @Test
    void saliencyFailsWhereWeightsSitOnPixelsThatAreAlwaysBlack() {
        // saliency is |gradient|: it ranks the black pixels' weight 1 above the square's 0.2, so it deletes black
        // pixels (no change) for the first three quarters of the curve. Input x gradient is 0 on black pixels and
        // ranks the square first.
        List<CheckResult> results = run(squareModel("black-weights", 1), List.of(method("saliency"),
                method("input-x-gradient")), Map.of());
        CheckResult saliency = results.get(0);
        assertEquals(CheckStatus.FAIL, saliency.status(), saliency.finding());
        assertTrue(saliency.value() < 0, "gain " + saliency.value());
        assertTrue(saliency.details().get("deletion-area") > saliency.details().get("deletion-area random"));
        assertTrue(saliency.finding().startsWith("The pixels saliency marks are no more important to black-weights"
                + " than random ones"), saliency.finding());
        CheckResult ixg = results.get(1);
        assertEquals(CheckStatus.PASS, ixg.status(), ixg.finding());
        assertTrue(ixg.value() > 0.1, "gain " + ixg.value());
    }

    @Test
    void warnsBelowTheMinimumGain() {
        CheckResult r = run(squareModel("square", 0), List.of(method("saliency")), Map.of("min-gain", 0.9)).get(0);
        assertEquals(CheckStatus.WARN, r.status(), r.finding());
        assertTrue(r.value() > 0 && r.value() < 0.9);
        assertTrue(r.finding().contains("only a little more than random ones"), r.finding());
    }

    @Test
    void rankingPutsTheHighestScoresFirstAndShufflesTies() {
        float[] scores = {0.1f, 0.5f, 0.5f, -1f, 0.3f, 0.5f};
        int[] order = FaithfulnessCheck.ranked(scores, new Random(1));
        int[] firstThree = Arrays.copyOf(order, 3);
        Arrays.sort(firstThree);
        assertArrayEquals(new int[] {1, 2, 5}, firstThree);
        assertArrayEquals(new int[] {4, 0, 3}, Arrays.copyOfRange(order, 3, 6));
        // the same seed gives the same order; ties come in more than one order over seeds
        assertArrayEquals(order, FaithfulnessCheck.ranked(scores, new Random(1)));
        boolean differs = false;
        for (long seed = 2; seed < 20 && !differs; seed++) {
            differs = !Arrays.equals(order, FaithfulnessCheck.ranked(scores, new Random(seed)));
        }
        assertTrue(differs, "ties should not always keep index order");
    }

    @Test
    void blurAveragesTheNeighbourhoodWithEdgesClamped() {
        // 3x3, one channel, a single 9 in the middle: radius 1 spreads it to every pixel as 9 / (pixels in window)
        float[] px = {0, 0, 0, 0, 9, 0, 0, 0, 0};
        float[] out = FaithfulnessCheck.boxBlur(px, 1, 3, 3, 1);
        assertEquals(9f / 4, out[0], 1e-6); // a corner's window holds 4 pixels
        assertEquals(9f / 6, out[1], 1e-6); // an edge's 6
        assertEquals(1f, out[4], 1e-6); // the centre's 9
    }

    @Test
    void skipsWithoutMethods() {
        List<CheckResult> results = run(squareModel("square", 0), List.of(), Map.of());
        assertEquals(CheckStatus.SKIPPED, results.get(0).status());
    }
}
