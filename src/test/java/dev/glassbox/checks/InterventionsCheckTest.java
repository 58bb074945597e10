package dev.glassbox.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.imaging.ImageStore;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.model.ModelUnderTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InterventionsCheckTest {

    /** Vertical bars on gray; horizontal bars on blue with a white tag in the top-left corner. */
    private static final LabelledImages BIASED = BarImages.biased(6, true);

    private final ImageStore store = ImageStore.temporary();
    private final InterventionsCheck check = new InterventionsCheck();

    @AfterEach
    void close() {
        store.close();
    }

    private List<CheckResult> run(ModelUnderTest model, LabelledImages data, Map<String, Object> given) {
        DatasetRun run = CheckContexts.evaluated(model, data);
        assertEquals(1.0, run.evaluation().accuracy(), model.name() + " should get the planted data right");
        CheckContext context = CheckContexts.of(model, List.of(run), List.of(), store);
        return check.run(context, CheckContexts.settings(check, given));
    }

    private static CheckResult forClass(List<CheckResult> results, String name) {
        return results.stream().filter(r -> name.equals(r.className())).findFirst().orElseThrow();
    }

    @Test
    void aModelThatSeesTheBarsShapeIgnoresEveryEdit() {
        List<CheckResult> results = run(BarModels.shape(), BIASED, Map.of());
        assertEquals(2, results.size());
        for (CheckResult r : results) {
            assertEquals(CheckStatus.PASS, r.status(), r.finding());
            assertEquals(0.0, r.value());
            assertEquals(0.2, r.threshold());
            for (String edit : InterventionsCheck.EDITS) {
                assertEquals(0.0, r.details().get("flip-rate " + edit), edit);
            }
            assertEquals(0.0, r.details().get("flip-rate top-left"));
            assertEquals(0.0, r.details().get("flip-rate darker"));
            assertTrue(r.finding().startsWith("No edit that should not matter changed many answers on '"
                    + r.className() + "' images"), r.finding());
            assertTrue(r.evidence().isEmpty());
        }
    }

    @Test
    void aModelThatDecidesByTheBlueBackgroundFailsTheBackgroundEditForThatClass() {
        List<CheckResult> results = run(BarModels.blueBackground(), BIASED, Map.of());
        // the gray background has no colour to negate, so the vertical class is untouched
        CheckResult vertical = forClass(results, "vertical");
        assertEquals(CheckStatus.PASS, vertical.status(), vertical.finding());
        assertEquals(0.0, vertical.value());

        CheckResult horizontal = forClass(results, "horizontal");
        assertEquals(CheckStatus.FAIL, horizontal.status(), horizontal.finding());
        assertEquals(1.0, horizontal.value());
        // blue turns olive, and gray has no blue either: both flip every answer; the rest flip none
        assertEquals(1.0, horizontal.details().get("flip-rate background"));
        assertEquals(1.0, horizontal.details().get("flip-rate grayscale"));
        assertEquals(0.0, horizontal.details().get("flip-rate corners"));
        assertEquals(0.0, horizontal.details().get("flip-rate flip"));
        assertEquals(0.0, horizontal.details().get("flip-rate brightness"));
        String f = horizontal.finding();
        assertTrue(f.startsWith("When only the background of 'horizontal' images was recoloured, blue-background"
                + " changed its answer for 100% of them. It uses the background's colour to know 'horizontal'."), f);
        assertTrue(f.contains("were turned gray"), f);
        assertTrue(f.contains("(6 'horizontal' images of biased; the maximum is 20%.)"), f);
        // before and after pictures for each edit named
        assertEquals(4, horizontal.evidence().size());
        assertTrue(horizontal.evidence().get(1).caption().contains("After recolouring the background"),
                horizontal.evidence().get(1).caption());
        assertTrue(horizontal.evidence().get(1).caption().endsWith("blue-background answered vertical."));
    }

    @Test
    void aModelThatDecidesByTheCornerTagFailsTheTopLeftPatch() {
        List<CheckResult> results = run(BarModels.cornerTag(), BIASED, Map.of());
        CheckResult vertical = forClass(results, "vertical");
        assertEquals(CheckStatus.PASS, vertical.status(), vertical.finding());

        CheckResult horizontal = forClass(results, "horizontal");
        assertEquals(CheckStatus.FAIL, horizontal.status(), horizontal.finding());
        assertEquals(1.0, horizontal.value());
        assertEquals(1.0, horizontal.details().get("flip-rate corners"));
        assertEquals(1.0, horizontal.details().get("flip-rate top-left"));
        assertEquals(0.0, horizontal.details().get("flip-rate top-right"));
        assertEquals(0.0, horizontal.details().get("flip-rate bottom-right"));
        for (String edit : List.of("background", "flip", "brightness", "grayscale")) {
            assertEquals(0.0, horizontal.details().get("flip-rate " + edit), edit);
        }
        String f = horizontal.finding();
        assertTrue(f.startsWith("When a small patch covered a corner of 'horizontal' images, corner-tag changed its"
                + " answer for 100% of them (most often the top-left corner, 100%). It uses what is in the corners"
                + " of 'horizontal' images"), f);
        assertFalse(f.contains("recoloured"), f);
        assertEquals(2, horizontal.evidence().size());
        assertTrue(horizontal.evidence().get(1).caption().contains("(top-left)"), horizontal.evidence().get(1).caption());
    }

    @Test
    void warnsWhenTheShareIsOverTheMaximumButTheIntervalReachesIt() {
        // the blue model flips all 6 horizontal answers: 6 of 6 has the 95% interval 61.0%-100%, wholly above a
        // maximum of 60% (fail) but reaching one of 70% (warn); with a maximum of 100% nothing is over it (pass)
        Map<Double, CheckStatus> expected = Map.of(0.6, CheckStatus.FAIL, 0.7, CheckStatus.WARN, 1.0,
                CheckStatus.PASS);
        expected.forEach((max, status) -> {
            CheckResult horizontal = forClass(run(BarModels.blueBackground(), BIASED, Map.of("max-flip-rate", max)),
                    "horizontal");
            assertEquals(status, horizontal.status(), max + ": " + horizontal.finding());
            if (status == CheckStatus.WARN) {
                assertTrue(horizontal.finding().endsWith("With 6 images the 95% interval still reaches the maximum,"
                        + " so this is not sure yet: edit more images to know."), horizontal.finding());
            }
        });
    }

    @Test
    void tooFewImagesToJudgeSaySo() {
        // 2 images of each class: the interval of any share of 2 is wider than 50 points
        CheckResult horizontal = forClass(run(BarModels.blueBackground(), BarImages.biased(2, true), Map.of()),
                "horizontal");
        assertEquals(CheckStatus.SKIPPED, horizontal.status(), horizontal.finding());
        assertTrue(horizontal.finding().startsWith("Too few pictures to judge: 2 of at least 4 needed"),
                horizontal.finding());
    }

    @Test
    void onlyTheChosenEditsRunAndTheBackgroundNeedsMasks() {
        List<CheckResult> chosen = run(BarModels.blueBackground(), BIASED,
                Map.of("edits", List.of("flip", "brightness")));
        CheckResult horizontal = forClass(chosen, "horizontal");
        assertEquals(CheckStatus.PASS, horizontal.status(), horizontal.finding());
        assertEquals(List.of("flip-rate flip", "flip-rate brightness", "flip-rate brighter", "flip-rate darker"),
                List.copyOf(horizontal.details().keySet()));

        List<CheckResult> noMasks = run(BarModels.blueBackground(), BarImages.biased(6, false),
                Map.of("edits", List.of("background")));
        for (CheckResult r : noMasks) {
            assertEquals(CheckStatus.SKIPPED, r.status());
            assertTrue(r.finding().contains("the background was not recoloured: biased has no masks"), r.finding());
        }
    }
}
