package dev.glassbox.featurevis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.Progress;
import dev.glassbox.model.Preprocessing;
import dev.glassbox.data.ImageFolder;
import dev.glassbox.data.ShapeKind;
import dev.glassbox.data.ShapesGenerator;
import dev.glassbox.data.ShapesSplit;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.data.FolderImages;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.data.ImageTrait;
import dev.glassbox.data.LabelledImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The neuron analysis end to end on the flawed demo model and a few of its test pictures. */
class NeuronAnalysisTest {

    @TempDir
    static Path dir;
    private static GradientEngine flawed;
    private static LabelledImages data;

    @BeforeAll
    static void pictures() {
        new ShapesGenerator(11).write(dir, ShapesSplit.TEST_BIASED, 8, Progress.NONE);
        Path images = dir.resolve(ShapesSplit.TEST_BIASED.folder());
        List<String> classes = Arrays.stream(ShapeKind.values()).map(ShapeKind::label).toList();
        LabelledImages opened = FolderImages.open("test-biased", ImageFolder.open(images, classes),
                dir.resolve(ShapesSplit.TEST_BIASED.folder() + "-masks"), InputSpec.image(InputLayout.NCHW, 3, 32, 32),
                new Preprocessing(1 / 255.0, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0)), Progress.NONE);
        data = opened.withTraits(ImageTrait.fromShapesManifest(images, opened.files()));
        flawed = DemoModels.engine("shapes-flawed.zip");
    }

    private static NeuronReport run(ImageStore store, long seed) {
        var settings = new NeuronAnalysis.Settings(NeuronLayers.automatic(flawed), 3, 6, seed, 16, 64);
        return new NeuronAnalysis(flawed, "shapes-flawed", 0, store, settings, Progress.NONE).run(List.of(data));
    }

    @Test
    void everyLayerGetsItsGroupsWithPicturesExamplesAndClasses() {
        assertEquals(2, data.traits().size(), "the shapes manifest gives the blue background and the tag");
        try (ImageStore store = ImageStore.temporary()) {
            NeuronReport report = run(store, 5);
            assertEquals(6, report.steps());
            assertEquals(List.of("conv1", "conv2"), report.layers().stream().map(LayerGroups::layer).toList());
            assertEquals(6, report.classPictures().size());
            report.classPictures().forEach(c -> assertTrue(Files.isRegularFile(store.file(c.picture())), c.picture()));
            for (LayerGroups layer : report.layers()) {
                assertEquals(3, layer.groups().size());
                assertTrue(layer.explained() > 0 && layer.explained() <= 1, "explained " + layer.explained());
                assertEquals(48 * NeuronAnalysis.POSITIONS_PER_IMAGE, layer.positions(), "every image is sampled");
                for (NeuronGroup g : layer.groups()) {
                    assertTrue(Files.isRegularFile(store.file(g.picture())), g.picture());
                    assertEquals(NeuronAnalysis.EXAMPLES, g.examples().size());
                    g.examples().forEach(e -> assertTrue(Files.isRegularFile(store.file(e.picture())), e.picture()));
                    for (int i = 1; i < g.examples().size(); i++) {
                        assertFalse(g.examples().get(i).file().equals(g.examples().get(i - 1).file()));
                    }
                    assertEquals(6, g.classes().size());
                    double shares = g.classes().stream().mapToDouble(ClassReliance::share).map(Math::abs).sum();
                    assertTrue(shares <= 6 + 1e-9, "shares " + shares);
                    assertTrue(g.datasetMax() > 0 && Double.isFinite(g.reached()), g.toString());
                    assertTrue(g.offObject() >= 0 && g.offObject() <= 1, "off-object share " + g.offObject());
                    assertFalse(g.caption().isBlank());
                    assertFalse(g.topChannels().isEmpty());
                }
            }
            // each class's shares over a layer's groups add up to at most 100% in absolute value
            for (LayerGroups layer : report.layers()) {
                for (String c : data.classes()) {
                    double sum = layer.groups().stream().flatMap(g -> g.classes().stream())
                            .filter(r -> r.className().equals(c)).mapToDouble(r -> Math.abs(r.share())).sum();
                    assertTrue(sum <= 1 + 1e-9, c + " in " + layer.layer() + ": " + sum);
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameGroupsAndPictures() throws Exception {
        try (ImageStore a = ImageStore.temporary(); ImageStore b = ImageStore.temporary()) {
            NeuronReport first = run(a, 9);
            NeuronReport second = run(b, 9);
            assertEquals(first, second);
            for (LayerGroups layer : first.layers()) {
                for (NeuronGroup g : layer.groups()) {
                    assertArrayEquals(Files.readAllBytes(a.file(g.picture())), Files.readAllBytes(b.file(g.picture())));
                }
            }
        }
    }

    @Test
    void defaultStepsShrinkWithTheWorkOfAStepBetweenTheBounds() {
        assertEquals(256, NeuronAnalysis.defaultSteps(flawed, 18, 256), "the demo's model gets the full default");
        assertEquals(48, NeuronAnalysis.defaultSteps(flawed, 18, 48), "never more than the most");
        assertEquals(NeuronAnalysis.MIN_DEFAULT_STEPS, NeuronAnalysis.defaultSteps(flawed, 10_000_000, 256));
        int previous = Integer.MAX_VALUE;
        for (int pictures = 1000; pictures <= 64_000; pictures *= 2) {
            int steps = NeuronAnalysis.defaultSteps(flawed, pictures, 256);
            assertTrue(steps <= previous && steps >= NeuronAnalysis.MIN_DEFAULT_STEPS, pictures + ": " + steps);
            previous = steps;
        }
    }
}
