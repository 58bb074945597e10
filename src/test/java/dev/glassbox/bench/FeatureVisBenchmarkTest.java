package dev.glassbox.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.Progress;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.ModelLoader;
import dev.glassbox.testing.TinyReports;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureVisBenchmarkTest {

    @Test
    void demoModelGetsStepRowsForOneSixAndEighteenPicturesAndAPageRowPerStepCount() {
        GradientEngine engine = GradientEngine.create(new ModelLoader().load(
                Path.of("fixtures", "models", "shapes-flawed.zip")));
        String md = new FeatureVisBenchmark(engine, 0.01, Progress.NONE, List.of(2, 3), 3).run("`demo`");

        List<String[]> steps = rows(md, "### Feature visualization: optimization steps");
        assertEquals(List.of("1", "6", "18"), steps.stream().map(r -> r[0]).toList(), md);
        assertEquals("6 class logits, 12 directions on 2 layers", steps.get(2)[1]);
        for (String[] r : steps) {
            for (int c = 2; c <= 6; c++) {
                assertTrue(number(r[c]) > 0, () -> "not positive in " + Arrays.toString(r));
            }
        }

        List<String[]> pages = rows(md, "### Feature visualization: neuron-group pages");
        assertEquals(List.of("2", "3"), pages.stream().map(r -> r[0]).toList(), md);
        for (String[] r : pages) {
            assertEquals("2 × 6 + 6", r[1]);
            assertTrue(number(r[2]) > 0 && number(r[3]) > 0, () -> Arrays.toString(r));
            double shares = 0;
            for (int c = 4; c <= 7; c++) {
                shares += number(r[c]);
            }
            assertTrue(shares > 90 && shares < 110, () -> "shares of " + Arrays.toString(r) + " should make the total");
        }
    }

    @Test
    void modelNotShapedLikeTheShapesGetsStepRowsButSkipsThePages() {
        GradientEngine engine = TinyReports.model("tiny", 3).engine();
        String md = new FeatureVisBenchmark(engine, 0.01, Progress.NONE, List.of(2), 3).run("`tiny`");

        // one conv layer of 4 channels: 4 groups and 3 class logits in the largest batch
        List<String[]> steps = rows(md, "### Feature visualization: optimization steps");
        assertEquals(List.of("1", "6", "7"), steps.stream().map(r -> r[0]).toList(), md);
        steps.forEach(r -> assertTrue(number(r[2]) > 0, () -> Arrays.toString(r)));
        assertTrue(md.contains("Skipped: the pages are timed on generated shapes"), md);
    }

    /** The body rows of the table under {@code heading}, cells trimmed. */
    private static List<String[]> rows(String markdown, String heading) {
        int at = markdown.indexOf(heading);
        assertTrue(at >= 0, () -> "no '" + heading + "' in\n" + markdown);
        int next = markdown.indexOf("\n### ", at + 1);
        String section = markdown.substring(at, next < 0 ? markdown.length() : next);
        return section.lines()
                .filter(l -> l.startsWith("| ") && Character.isDigit(l.charAt(2)))
                .map(l -> Arrays.stream(l.substring(1, l.length() - 1).split("\\|")).map(String::trim)
                        .toArray(String[]::new))
                .toList();
    }

    private static double number(String cell) {
        return Double.parseDouble(cell.replaceAll("[,×%]", ""));
    }
}
