package dev.glassbox.checks;

import static dev.glassbox.checks.CheckContexts.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.imaging.ImageStore;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.model.ModelUnderTest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FocusCheckTest {

    private static final List<MethodSpec> METHODS = List.of(method("saliency"), method("input-x-gradient"));
    private static final LabelledImages BIASED = BarImages.biased(6, true);

    private final ImageStore store = ImageStore.temporary();
    private final FocusCheck check = new FocusCheck();

    @AfterEach
    void close() {
        store.close();
    }

    private List<CheckResult> run(ModelUnderTest model, LabelledImages data, List<MethodSpec> methods,
                                  Map<String, Object> given) {
        CheckContext context = CheckContexts.of(model, List.of(CheckContexts.evaluated(model, data)), methods, store);
        return check.run(context, CheckContexts.settings(check, given));
    }

    @Test
    void passesWhenEveryMethodMarksOnlyTheBar() {
        List<CheckResult> results = run(BarModels.shape(), BIASED, METHODS, Map.of("dilate", 0));
        assertEquals(2, results.size());
        for (CheckResult r : results) {
            assertEquals(CheckStatus.PASS, r.status(), r.finding());
            assertEquals(1.0, r.value(), 1e-6);
            assertEquals(0.5, r.threshold());
            assertEquals(1.0, r.details().get("share saliency"), 1e-6);
            assertEquals(1.0, r.details().get("share input-x-gradient"), 1e-6);
            assertEquals(1.0, r.details().get("pointing-game saliency"));
            assertEquals(12 / 64.0, r.details().get("object-area"), 1e-9); // a bar is 12 of 64 pixels
            assertTrue(r.finding().contains("100% of what shape's heatmaps mark on '" + r.className() + "'"),
                    r.finding());
            assertTrue(r.finding().contains("itself: it looks at the object. That is the median of 2 methods over 6"
                    + " images"), r.finding());
            assertTrue(r.evidence().isEmpty());
        }
        assertEquals(List.of("vertical", "horizontal"), results.stream().map(CheckResult::className).toList());
    }

    @Test
    void failsWhenTheModelDecidesByTheBackground() {
        List<CheckResult> results = run(BarModels.blueBackground(), BIASED, METHODS, Map.of("dilate", 0));
        assertEquals(2, results.size());
        for (CheckResult r : results) {
            assertEquals(CheckStatus.FAIL, r.status(), r.finding());
            assertEquals(0.0, r.value(), 1e-9);
            assertEquals(0.0, r.details().get("share saliency"), 1e-9);
            assertEquals(0.0, r.details().get("share input-x-gradient"), 1e-9);
            assertEquals(0.0, r.details().get("pointing-game input-x-gradient"));
            assertTrue(r.finding().startsWith("Only 0% of what blue-background's heatmaps mark on "
                    + "'" + r.className() + "'"), r.finding());
            assertTrue(r.finding().contains("looks at the background, not the object"), r.finding());
            assertEquals(2, r.evidence().size());
            for (Evidence e : r.evidence()) {
                assertTrue(Files.isRegularFile(store.folder().resolve(e.picture().substring(ImageStore.PREFIX.length()))),
                        e.picture());
            }
        }
    }

    @Test
    void warnsWhenTheShareIsJustAboveTheMinimum() {
        // saliency is the weights' magnitude: 8 on the bar (8 pixels of luma weights summing to 1) against
        // 28 * 2/9 on the ring, so 8 / (8 + 56/9) = 9/16 = 0.5625 of it is on the bar: above 0.5, below 0.6
        List<CheckResult> results = run(BarModels.withRing("mostly-shape", 2f / 9), BIASED, List.of(method("saliency")),
                Map.of("dilate", 0, "min", 0.5));
        for (CheckResult r : results) {
            assertEquals(CheckStatus.WARN, r.status(), r.finding());
            assertEquals(0.5625, r.value(), 1e-5);
            assertTrue(r.finding().contains("56.2%") || r.finding().contains("56.3%"), r.finding());
            assertTrue(r.finding().contains("close to the minimum"), r.finding());
        }
    }

    @Test
    void theDefaultDilationCountsTheBarsOutlineAsObject() {
        // widened by one pixel, a vertical bar covers columns 2-5 of every row, 8 of the 28 ring pixels
        // (rows 0 and 7), and a horizontal one rows 2-5 of every column, again 8 of them
        List<CheckResult> results = run(BarModels.blueBackground(), BIASED, List.of(method("saliency")), Map.of());
        for (CheckResult r : results) {
            assertEquals(8 / 28.0, r.value(), 1e-6, r.className());
            assertEquals(32 / 64.0, r.details().get("object-area"), 1e-9);
            assertEquals(CheckStatus.FAIL, r.status());
        }
    }

    @Test
    void skipsDataWithoutMasksAndBatteriesWithoutMethods() {
        List<CheckResult> noMasks = run(BarModels.shape(), BarImages.biased(2, false), METHODS, Map.of());
        assertEquals(1, noMasks.size());
        assertEquals(CheckStatus.SKIPPED, noMasks.get(0).status());
        assertNull(noMasks.get(0).value());
        assertTrue(noMasks.get(0).finding().contains("has no object masks"), noMasks.get(0).finding());

        List<CheckResult> noMethods = run(BarModels.shape(), BIASED, List.of(), Map.of());
        assertEquals(1, noMethods.size());
        assertEquals(CheckStatus.SKIPPED, noMethods.get(0).status());
    }
}
