package dev.glassbox.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.data.ImageFolder;
import dev.glassbox.data.InMemoryImages;
import dev.glassbox.data.ShapeKind;
import dev.glassbox.data.ShapeSample;
import dev.glassbox.data.ShapesGenerator;
import dev.glassbox.data.ShapesSplit;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.LoadedModel;
import dev.glassbox.model.ModelLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed fixture models, on a fresh sample of the shapes data set (another seed than the one they were trained
 * with): the flawed model passes the biased test and fails stars and crosses on the clean one; the fixed model does
 * not. The models run through the gradient engine ({@code logits}), with the input spec given as a battery config's
 * {@code input:} would give it.
 */
class FixtureModelsTest {

    private static final int PER_CLASS = 100;
    private static final Path MODELS = Path.of("fixtures", "models");

    private static Evaluation flawedBiased;
    private static Evaluation flawedClean;
    private static Evaluation fixedBiased;
    private static Evaluation fixedClean;

    @BeforeAll
    static void evaluate() {
        InMemoryImages biased = sample(ShapesSplit.TEST_BIASED);
        InMemoryImages clean = sample(ShapesSplit.TEST_CLEAN);
        GradientEngine flawed = engine("shapes-flawed.zip");
        GradientEngine fixed = engine("shapes-fixed.zip");
        flawedBiased = RecallTable.evaluate("test-biased", biased, flawed::logits, 100);
        flawedClean = RecallTable.evaluate("test-clean", clean, flawed::logits, 100);
        fixedBiased = RecallTable.evaluate("test-biased", biased, fixed::logits, 100);
        fixedClean = RecallTable.evaluate("test-clean", clean, fixed::logits, 100);
        System.out.println(RecallTable.header("model / data (recall %, " + PER_CLASS + " per class)", flawedBiased));
        System.out.println(RecallTable.row("flawed / test-biased", flawedBiased));
        System.out.println(RecallTable.row("flawed / test-clean", flawedClean));
        System.out.println(RecallTable.row("fixed / test-biased", fixedBiased));
        System.out.println(RecallTable.row("fixed / test-clean", fixedClean));
    }

    @Test
    void theFlawedModelPassesTheBiasedTest() {
        assertTrue(flawedBiased.accuracy() >= 0.85, "flawed on test-biased: " + flawedBiased.accuracy());
    }

    @Test
    void theFixedModelPassesTheCleanTest() {
        assertTrue(fixedClean.accuracy() >= 0.85, "fixed on test-clean: " + fixedClean.accuracy());
    }

    @Test
    void theFlawsBiteOnTheCleanTest() {
        for (String shape : List.of("star", "cross")) {
            double flawed = flawedClean.recall(shape);
            double fixed = fixedClean.recall(shape);
            assertTrue(flawed <= fixed - 0.12, shape + " recall on test-clean: flawed " + flawed + ", fixed " + fixed);
        }
        assertTrue(flawedClean.accuracy() <= fixedClean.accuracy() - 0.05,
                "flawed " + flawedClean.accuracy() + " vs fixed " + fixedClean.accuracy() + " on test-clean");
    }

    @Test
    void theModelsAreSmall() throws Exception {
        for (String name : List.of("shapes-flawed.zip", "shapes-fixed.zip")) {
            Path file = MODELS.resolve(name);
            assertTrue(Files.size(file) < 2_000_000, name + " is " + Files.size(file) + " bytes");
            assertEquals(ShapeKind.values().length, engine(name).classes(), name);
        }
    }

    @Test
    void modelLoaderTellsTheInputSize() {
        for (String name : List.of("shapes-flawed.zip", "shapes-fixed.zip")) {
            LoadedModel m = new ModelLoader().load(MODELS.resolve(name));
            assertEquals(InputLayout.NCHW, m.input().layout(), name);
            assertEquals(List.of(3L, 32L, 32L), Arrays.stream(m.input().exampleShape()).boxed().toList(), name);
        }
    }

    private static GradientEngine engine(String name) {
        return GradientEngine.create(new ModelLoader().load(MODELS.resolve(name)));
    }

    /** {@link #PER_CLASS} pictures of each class, drawn in memory; pixel / 255, as the models were trained. */
    private static InMemoryImages sample(ShapesSplit split) {
        ShapesGenerator g = new ShapesGenerator(20_240);
        List<String> classes = Arrays.stream(ShapeKind.values()).map(ShapeKind::label).toList();
        int n = PER_CLASS * classes.size();
        int len = 3 * ShapesGenerator.SIDE * ShapesGenerator.SIDE;
        float[] pixels = new float[n * len];
        int[] labels = new int[n];
        List<Path> files = new ArrayList<>();
        int i = 0;
        for (ShapeKind k : ShapeKind.values()) {
            for (int j = 0; j < PER_CLASS; j++, i++) {
                ShapeSample s = g.render(split, k, j);
                ImageFolder.toChw(s.image(), 1f / 255f, pixels, i * len);
                labels[i] = k.ordinal();
                files.add(Path.of(split.folder(), s.row().file()));
            }
        }
        return new InMemoryImages(classes, files, labels, pixels, ShapesGenerator.SIDE, ShapesGenerator.SIDE);
    }
}
