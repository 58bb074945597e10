package dev.glassbox.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.Progress;
import dev.glassbox.checks.BarImages;
import dev.glassbox.checks.BarModels;
import dev.glassbox.checks.CheckContext;
import dev.glassbox.checks.CheckContexts;
import dev.glassbox.checks.MethodSpec;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.imaging.Pictures;
import dev.glassbox.model.ModelUnderTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis on models whose flaw is planted by hand (the bar pictures of {@link BarImages}, linear models with
 * set weights): it must name the planted cue, where it is and the class it pulls toward, and nothing on a model
 * without one.
 */
class PlantedShortcutsTest {

    private final ImageStore store = ImageStore.temporary();

    @AfterEach
    void close() {
        store.close();
    }

    static DiagnosisSettings settings() {
        return new DiagnosisSettings(true, 40, 40, 8, new MethodSpec("saliency", Map.of()), null, 0.8, 0.2, 0.05,
                3);
    }

    private Diagnosis diagnose(List<ModelUnderTest> models, List<LabelledImages> datasets) {
        List<CheckContext> contexts = models.stream().map(m -> new CheckContext(m, models.indexOf(m),
                datasets.stream().map(d -> CheckContexts.evaluated(m, d)).toList(), List.of(),
                new Pictures(store, 32), 64, 1, Progress.NONE)).toList();
        return new Diagnoser(settings()).run(contexts, models.stream().map(m -> settings().method()).toList(),
                new Pictures(store, 32));
    }

    private static String table(Diagnosis d) {
        return d.problems().stream().map(p -> p.model() + " #" + p.rank() + " " + p.kind().id() + " "
                + p.className() + " " + (p.cue() == null ? "-" : p.cue().label() + " (" + p.cue().detail() + ")")
                + " → " + p.toward() + ": " + p.sentence()).collect(Collectors.joining("\n"));
    }

    /**
     * Each shortcut's before/after pair shows the edit its sentence leads with: the cue put in where the sentence
     * starts with the transplant, taken out where it starts with the removal.
     */
    private static void assertPairsShowTheLeadingEdit(Diagnosis d) {
        for (Problem p : d.problems()) {
            if (p.kind() != Problem.Kind.SHORTCUT || p.evidence().size() != 2) {
                continue;
            }
            boolean putIn = p.evidence().get(1).caption().contains("put in");
            assertEquals(p.sentence().startsWith("Putting"), putIn, p.sentence() + " / " + p.evidence().get(1));
            assertEquals(p.effect().transplantLeads(), putIn, p.sentence());
        }
    }

    private static Problem shortcut(Diagnosis d, String model, String cls) {
        return d.problemsOf(model).stream().filter(p -> p.kind() == Problem.Kind.SHORTCUT
                && cls.equals(p.className())).findFirst().orElse(null);
    }

    @Test
    void aModelKeyedOnACornerTagIsDiagnosedAtThatCornerTowardItsClass() {
        Diagnosis d = diagnose(List.of(BarModels.cornerTag()), List.of(BarImages.biased(40, true)));
        Problem p = shortcut(d, "corner-tag", "horizontal");
        assertNotNull(p, table(d));
        assertEquals(Cue.Kind.CORNER, p.cue().kind(), table(d));
        assertEquals("top-left", p.cue().where(), table(d));
        assertEquals("horizontal", p.toward());
        assertEquals(1, p.rank(), table(d));
        assertTrue(p.effect().transplanted().rate() > 0.9, p.sentence());
        assertTrue(p.effect().control().rate() < 0.1, p.sentence());
        assertEquals(2, p.evidence().size(), "a before/after pair");
        assertTrue(p.effect().transplanted().low() > p.effect().control().high());
        assertPairsShowTheLeadingEdit(d);
    }

    @Test
    void aModelKeyedOnTheBackgroundColourGetsBackground() {
        Diagnosis d = diagnose(List.of(BarModels.blueBackground()), List.of(BarImages.biased(40, true)));
        Problem p = shortcut(d, "blue-background", "horizontal");
        assertNotNull(p, table(d));
        assertEquals(Cue.Kind.BACKGROUND, p.cue().kind(), table(d));
        assertEquals("blue", p.cue().detail(), table(d));
        assertEquals("horizontal", p.toward());
        assertPairsShowTheLeadingEdit(d);
    }

    @Test
    void aModelWithoutACueGetsNoShortcut() {
        Diagnosis d = diagnose(List.of(BarModels.shape()), List.of(BarImages.biased(40, true)));
        assertFalse(d.hasShortcut("shape"), table(d));
    }

    @Test
    void aModelThatFailsEveryClassUnderGrayscaleGetsAFragilityNotAShortcut() {
        Diagnosis d = diagnose(List.of(ColourBars.model()), List.of(ColourBars.pictures(40)));
        assertFalse(d.hasShortcut("colour-bars"), table(d));
        Problem p = d.problemsOf("colour-bars").stream().filter(q -> q.kind() == Problem.Kind.FRAGILITY)
                .findFirst().orElse(null);
        assertNotNull(p, table(d));
        assertEquals(Cue.Kind.COLOUR, p.cue().kind());
        assertEquals("other", p.toward(), "gray pictures all go to the class without pictures");
        assertTrue(p.effect().removed().rate() > 0.9, p.sentence());
    }

    @Test
    void withAFixedModelBesideItTheFlawedOneIsConfirmedAndComparedPictureForPicture() {
        LabelledImages biased = BarImages.biased(40, true);
        LabelledImages clean = BarImages.of("clean", 40, new float[][] {BarImages.GRAY, BarImages.GRAY},
                new boolean[] {false, false}, true, 9);
        Diagnosis d = diagnose(List.of(BarModels.blueBackground(), BarModels.shape()), List.of(biased, clean));
        Problem p = shortcut(d, "blue-background", "horizontal");
        assertNotNull(p, table(d));
        assertEquals(Cue.Kind.BACKGROUND, p.cue().kind(), table(d));
        assertEquals("biased", p.dataset(), "measured where the cue is");
        assertNotNull(p.comparison(), table(d));
        assertEquals("shape", p.comparison().model());
        assertEquals(0, p.comparison().effect().transplanted().count(), "the fixed model ignores the background");
        assertTrue(p.comparison().transplantedTest().p() < 1e-6, p.comparison().toString());
        assertFalse(d.hasShortcut("shape"), table(d));
        assertPairsShowTheLeadingEdit(d);
        assertEquals("clean", p.harm().dataset(), "harm counts on the data set the models do worst on");
    }
}
