package dev.glassbox.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.Preprocessing;
import dev.glassbox.GlassboxException;
import dev.glassbox.checks.CheckSettings;
import dev.glassbox.checks.Checks;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The battery config: every kind of error names the file and the key and carries its exit code; defaults and
 * relative paths. The configs live in {@code <tmp>/configs/} beside {@code <tmp>/models/} and {@code <tmp>/data/}.
 */
class BatteryConfigTest {

    private static final String MINIMAL = """
            model: ../models/flawed.zip
            data:
              - images: ../data/test-clean
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/flawed.zip"), "not read");
        Files.writeString(dir.resolve("models/fixed.zip"), "not read");
        for (String folder : List.of("test-clean/circle", "test-clean-masks/circle", "test-biased/circle")) {
            Files.createDirectories(dir.resolve("data").resolve(folder));
        }
        Files.createDirectories(dir.resolve("configs"));
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("configs/battery.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private BatteryConfig load(String yaml) throws IOException {
        return BatteryConfig.load(write(yaml));
    }

    private GlassboxException failure(String yaml) throws IOException {
        Path file = write(yaml);
        return assertThrows(GlassboxException.class, () -> BatteryConfig.load(file));
    }

    private void assertUsage(String message, String yaml) throws IOException {
        GlassboxException e = failure(yaml);
        assertEquals(message, e.getMessage());
        assertEquals(2, e.exitCode());
    }

    // ---- defaults and paths

    @Test
    void minimalConfigTakesTheDefaults() throws IOException {
        BatteryConfig c = load(MINIMAL);

        assertEquals("flawed", c.title());
        assertEquals("battery.yaml", c.fileName());
        assertEquals(MINIMAL, c.text());
        assertNull(c.compare());
        assertFalse(c.hasCompare());
        assertEquals(InputConfig.DEFAULT, c.input());
        assertTrue(c.input().spec().isEmpty());
        assertEquals(List.of(), c.classes());
        assertEquals(1, c.data().size());
        assertEquals("test-clean", c.data().get(0).name());
        assertFalse(c.data().get(0).hasMasks());
        assertEquals(AttributionConfig.DEFAULT, c.attribution());
        assertEquals(List.of("saliency", "integrated-gradients", "smoothgrad", "grad-cam", "guided-backprop"),
                c.attribution().methods());
        assertEquals(3, c.attribution().samplesPerClass());
        assertEquals(Checks.ids(), List.copyOf(c.checks().keySet()));
        assertEquals(0.9, c.checks().get("accuracy").number("min"));
        assertEquals(NeuronsConfig.DEFAULT, c.neurons());
        assertEquals(List.of("auto"), c.neurons().layers());
        assertEquals(6, c.neurons().groups());
        assertNull(c.output());
        assertEquals(0, c.seed());
        assertEquals(64, c.batchSize());
        Preprocessing p = c.preprocessing(3);
        assertEquals(List.of(0.0, 0.0, 0.0), p.mean());
        assertEquals(255 / 255.0, p.apply(2, 255), 1e-12);
    }

    @Test
    void relativePathsResolveAgainstTheConfigFolderNotTheWorkingFolder() throws IOException {
        BatteryConfig c = load(MINIMAL + """
                compare: ../models/fixed.zip
                output: ../../reports/shapes
                """);

        Path root = dir.toAbsolutePath().normalize();
        assertEquals(root.resolve("models/flawed.zip"), c.model());
        assertEquals(root.resolve("models/fixed.zip"), c.compare());
        assertEquals(root.resolve("data/test-clean"), c.data().get(0).images());
        assertEquals(root.getParent().resolve("reports/shapes"), c.output());
        assertEquals(root.resolve("configs"), c.folder());
    }

    @Test
    void absolutePathsStayAsTheyAre() throws IOException {
        Path model = dir.resolve("models/fixed.zip").toAbsolutePath();
        BatteryConfig c = load("model: " + model + "\ndata:\n  - images: ../data/test-clean\n");
        assertEquals(model, c.model());
    }

    @Test
    void everyKeyIsRead() throws IOException {
        BatteryConfig c = load("""
                title: Shapes 1.3
                model: ../models/flawed.zip
                compare: ../models/fixed.zip
                input:
                  layout: nhwc
                  width: 32
                  height: 28
                  channels: 3
                  scale: 0.5
                  mean: [0.1, 0.2, 0.3]
                  std: 2
                classes: [circle, square, 7]
                data:
                  - name: clean
                    images: ../data/test-clean
                    masks: ../data/test-clean-masks
                  - images: ../data/test-biased
                attribution:
                  methods: [occlusion, Saliency]
                  samples-per-class: 0
                  params:
                    occlusion: {window: [3, 4, 4], stride: 2, baseline: 0.5}
                    integrated-gradients: {steps: 16.0, method: riemann-right}
                    grad-cam: {relu: false, layer: conv2}
                    smoothgrad: {base: integrated-gradients, steps: 8, sigma: 0.2}
                    saliency:
                checks:
                  focus: {min: 0.25, images-per-class: 3}
                  accuracy:
                  interventions: {edits: [grayscale, flip]}
                neurons:
                  layers: [conv1, conv2]
                  groups: 4
                output: out
                seed: 7
                batch-size: 16
                """);

        assertEquals("Shapes 1.3", c.title());
        assertTrue(c.hasCompare());
        InputConfig in = c.input();
        assertEquals(InputLayout.NHWC, in.layout());
        assertEquals(InputSpec.image(InputLayout.NHWC, 3, 28, 32), in.spec().orElseThrow());
        assertEquals(0.5, in.scale());
        Preprocessing p = c.preprocessing(3);
        assertEquals(List.of(0.1, 0.2, 0.3), p.mean());
        assertEquals(List.of(2.0, 2.0, 2.0), p.std());
        assertEquals((10 * 0.5 - 0.2) / 2, p.apply(1, 10), 1e-12);
        assertEquals(List.of("circle", "square", "7"), c.classes());
        assertEquals(List.of("clean", "test-biased"), c.data().stream().map(DataSet::name).toList());
        assertEquals(dir.toAbsolutePath().normalize().resolve("data/test-clean-masks"), c.data().get(0).masks());
        assertNull(c.data().get(1).masks());
        AttributionConfig a = c.attribution();
        assertEquals(List.of("occlusion", "saliency"), a.methods());
        assertEquals(0, a.samplesPerClass());
        assertEquals(Map.of("window", "3,4,4", "stride", "2", "baseline", "0.5"), a.params("occlusion"));
        assertEquals(Map.of("steps", "16", "method", "riemann-right"), a.params("integrated-gradients"));
        assertEquals(Map.of("relu", "false", "layer", "conv2"), a.params("grad-cam"));
        assertEquals(Map.of("base", "integrated-gradients", "steps", "8", "sigma", "0.2"), a.params("smoothgrad"));
        assertEquals(Map.of(), a.params("saliency"));
        assertEquals(Map.of(), a.params("rise"));
        // registry order, not file order; what is left out keeps its default
        assertEquals(List.of("accuracy", "focus", "interventions"), List.copyOf(c.checks().keySet()));
        CheckSettings focus = c.checks().get("focus");
        assertEquals(0.25, focus.number("min"));
        assertEquals(3, focus.integer("images-per-class"));
        assertEquals(1, focus.integer("dilate"));
        assertEquals(0.9, c.checks().get("accuracy").number("min"));
        assertEquals(List.of("flip", "grayscale"), c.checks().get("interventions").choices("edits"));
        assertEquals(0.2, c.checks().get("interventions").number("max-flip-rate"));
        assertEquals(new NeuronsConfig(List.of("conv1", "conv2"), 4, NeuronsConfig.DEFAULT_STEPS, true, false),
                c.neurons());
        assertFalse(c.neurons().automatic());
        assertEquals(dir.toAbsolutePath().normalize().resolve("configs/out"), c.output());
        assertEquals(7, c.seed());
        assertEquals(16, c.batchSize());
    }

    @Test
    void flatLayoutGivesAFlatImage() throws IOException {
        BatteryConfig c = load(MINIMAL + "input: {layout: flat, width: 28, height: 28, channels: 1}\n");
        assertEquals(InputSpec.flatImage(1, 28, 28), c.input().spec().orElseThrow());
    }

    @Test
    void preprocessingWithoutALayoutFitsTheModelsChannels() throws IOException {
        BatteryConfig c = load(MINIMAL + "input: {mean: [0.5, 0.4, 0.3], std: [0.2, 0.2, 0.2]}\n");
        assertEquals(List.of(0.5, 0.4, 0.3), c.preprocessing(3).mean());
        GlassboxException e = assertThrows(GlassboxException.class, () -> c.preprocessing(1));
        assertEquals(2, e.exitCode());
        assertEquals("battery.yaml: 'input.mean' and 'input.std' need one entry per channel of the model's input (1)"
                + " or a single number; got 3 and 3", e.getMessage());
    }

    @Test
    void checksLeftOutRunEveryCheckAndAnEmptyMapRunsNone() throws IOException {
        assertEquals(Checks.ids(), List.copyOf(load(MINIMAL).checks().keySet()));
        assertEquals(Map.of(), load(MINIMAL + "checks: {}\n").checks());
        assertEquals(Map.of(), load(MINIMAL + "checks:\n").checks());
    }

    @Test
    void aSingleChoiceNeedNotBeAList() throws IOException {
        BatteryConfig c = load(MINIMAL + "checks: {interventions: {edits: flip}}\n");
        assertEquals(List.of("flip"), c.checks().get("interventions").choices("edits"));
    }

    // ---- config errors, exit 2

    @Test
    void unknownTopLevelKeySuggestsTheNearest() throws IOException {
        assertUsage("battery.yaml: unknown key 'atribution'; did you mean 'attribution'?",
                MINIMAL + "atribution: {}\n");
    }

    @Test
    void unknownTopLevelKeyFarFromAnyListsTheKeys() throws IOException {
        assertUsage("battery.yaml: unknown key 'colour'; the keys are " + String.join(", ", BatteryConfig.KEYS),
                MINIMAL + "colour: red\n");
    }

    @Test
    void unknownNestedKeySuggestsTheNearestAndListsTheValidOnes() throws IOException {
        assertUsage("battery.yaml: unknown key 'input.layuot'; did you mean 'layout'? (input takes: layout, width,"
                + " height, channels, scale, mean, std)", MINIMAL + "input: {layuot: NCHW}\n");
        assertUsage("battery.yaml: unknown key 'data[0].mask'; did you mean 'masks'? (a data entry takes: name,"
                + " images, masks, regions)", MINIMAL + "    mask: ../data/test-clean-masks\n");
        assertUsage("battery.yaml: unknown key 'neurons.group'; did you mean 'groups'? (neurons takes: layers,"
                + " groups, steps)", MINIMAL + "neurons: {group: 3}\n");
        assertUsage("battery.yaml: unknown key 'attribution.method'; did you mean 'methods'? (attribution takes:"
                + " methods, samples-per-class, params)", MINIMAL + "attribution: {method: [saliency]}\n");
    }

    @Test
    void unknownCheckSuggestsTheNearest() throws IOException {
        assertUsage("battery.yaml: unknown check 'calibraton'; did you mean 'calibration'? (checks: "
                + String.join(", ", Checks.ids()) + ")", MINIMAL + "checks: {calibraton: {}}\n");
    }

    @Test
    void unknownCheckParameterSuggestsTheNearest() throws IOException {
        assertUsage("battery.yaml: unknown key 'checks.focus.mni'; did you mean 'min'? (focus takes: min,"
                + " images-per-class, dilate)", MINIMAL + "checks:\n  focus:\n    mni: 0.5\n");
    }

    @Test
    void numberOutOfRangeNamesTheRange() throws IOException {
        assertUsage("battery.yaml: 'checks.accuracy.min' must be a number between 0 and 1, got 1.5",
                MINIMAL + "checks: {accuracy: {min: 1.5}}\n");
        assertUsage("battery.yaml: 'checks.sanity.max-similarity' must be a number, got \"high\"",
                MINIMAL + "checks: {sanity: {max-similarity: high}}\n");
        assertUsage("battery.yaml: 'checks.sanity.max-similarity' must be a number between -1 and 1, got -2",
                MINIMAL + "checks: {sanity: {max-similarity: -2}}\n");
    }

    @Test
    void wholeNumbersMustBeWhole() throws IOException {
        assertUsage("battery.yaml: 'attribution.samples-per-class' must be a whole number, got \"six\"",
                MINIMAL + "attribution: {samples-per-class: six}\n");
        assertUsage("battery.yaml: 'checks.calibration.bins' must be a whole number, got 2.5",
                MINIMAL + "checks: {calibration: {bins: 2.5}}\n");
        assertUsage("battery.yaml: 'attribution.samples-per-class' must be a whole number between 0 and 100,"
                + " got 500", MINIMAL + "attribution: {samples-per-class: 500}\n");
        assertUsage("battery.yaml: 'batch-size' must be a whole number between 1 and 4096, got 0",
                MINIMAL + "batch-size: 0\n");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheKey() throws IOException {
        assertUsage("battery.yaml: 'input' must be a map of layout, width, height, channels, scale, mean, std,"
                + " got \"NCHW\"", MINIMAL + "input: NCHW\n");
        assertUsage("battery.yaml: 'data' must be a list of data sets (name, images, masks), got \"../data\"",
                "model: ../models/flawed.zip\ndata: ../data\n");
        assertUsage("battery.yaml: 'checks.focus' must be a map of min, images-per-class, dilate, got 0.5",
                MINIMAL + "checks: {focus: 0.5}\n");
        assertUsage("battery.yaml: 'title' must be text, got a list", MINIMAL + "title: [a, b]\n");
        assertUsage("battery.yaml: 'attribution.params.occlusion.window' must be a value or a list of values,"
                + " got a map", MINIMAL + "attribution: {params: {occlusion: {window: {x: 3}}}}\n");
    }

    @Test
    void aChoiceOutsideTheListSuggestsTheNearest() throws IOException {
        assertUsage("battery.yaml: unknown choice 'flp' in 'checks.interventions.edits'; did you mean 'flip'?"
                + " (choices: background, corners, flip, brightness, grayscale)",
                MINIMAL + "checks: {interventions: {edits: [corners, flp]}}\n");
    }

    @Test
    void unknownAttributionMethodSuggestsTheNearest() throws IOException {
        String methods = " (methods: saliency, input-x-gradient, integrated-gradients, smoothgrad, guided-backprop,"
                + " grad-cam, guided-grad-cam, occlusion, rise)";
        assertUsage("battery.yaml: unknown attribution method 'gradcam' in 'attribution.methods[1]'; did you mean"
                + " 'grad-cam'?" + methods, MINIMAL + "attribution: {methods: [saliency, gradcam]}\n");
        assertUsage("battery.yaml: unknown attribution method 'smoothgrd' in 'attribution.params'; did you mean"
                + " 'smoothgrad'?" + methods, MINIMAL + "attribution: {params: {smoothgrd: {samples: 5}}}\n");
    }

    @Test
    void unknownAttributionParameterSuggestsTheNearest() throws IOException {
        assertUsage("battery.yaml: unknown key 'attribution.params.integrated-gradients.stepz'; did you mean"
                + " 'steps'? (integrated-gradients takes: steps, method, baseline, seed)",
                MINIMAL + "attribution: {params: {integrated-gradients: {stepz: 5}}}\n");
        assertUsage("battery.yaml: unknown key 'attribution.params.saliency.abs' (saliency takes no parameters)",
                MINIMAL + "attribution: {params: {saliency: {abs: true}}}\n");
        assertUsage("battery.yaml: unknown key 'attribution.params.smoothgrad.window' (smoothgrad takes: base,"
                + " samples, sigma, kind, seed)", MINIMAL + "attribution: {params: {smoothgrad: {window: 3}}}\n");
    }

    @Test
    void aMethodListedTwiceIsAnError() throws IOException {
        assertUsage("battery.yaml: 'attribution.methods' names 'saliency' twice",
                MINIMAL + "attribution: {methods: [saliency, SALIENCY]}\n");
    }

    @Test
    void inputValuesAreChecked() throws IOException {
        assertUsage("battery.yaml: 'input.layout' must be NCHW, NHWC or flat, got \"CHW\"",
                MINIMAL + "input: {layout: CHW, width: 3, height: 3, channels: 1}\n");
        assertUsage("battery.yaml: 'input.height' is required with 'input.layout' (width, height and channels give"
                + " the input's shape)", MINIMAL + "input: {layout: NCHW, width: 3, channels: 1}\n");
        assertUsage("battery.yaml: 'input.channels' must be 1 (grayscale) or 3 (RGB), got 4",
                MINIMAL + "input: {layout: NCHW, width: 3, height: 3, channels: 4}\n");
        assertUsage("battery.yaml: 'input.width' needs 'input.layout' (NCHW, NHWC or flat) beside it",
                MINIMAL + "input: {width: 3}\n");
        assertUsage("battery.yaml: 'input.scale' must be a number greater than 0, got 0",
                MINIMAL + "input: {scale: 0}\n");
        assertUsage("battery.yaml: 'input.std[1]' must be a number greater than 0, got -1",
                MINIMAL + "input: {std: [1, -1, 1]}\n");
        assertUsage("battery.yaml: 'input.mean' must be one number per channel (1) or a single number, got 3"
                + " entries", MINIMAL + "input: {layout: NCHW, width: 3, height: 3, channels: 1, mean: [0, 0, 0]}\n");
    }

    @Test
    void classesMustBeAtLeastTwoDistinctNames() throws IOException {
        assertUsage("battery.yaml: 'classes' names 'star' twice", MINIMAL + "classes: [star, circle, star]\n");
        assertUsage("battery.yaml: 'classes' must list at least 2 class names, got 1", MINIMAL + "classes: [star]\n");
        assertUsage("battery.yaml: 'classes[1]' must not be empty", MINIMAL + "classes: [star, '']\n");
    }

    @Test
    void requiredKeysAreNamed() throws IOException {
        assertUsage("battery.yaml: 'model' is required: the model file to test, a DL4J .zip or a Keras .h5",
                "data:\n  - images: ../data/test-clean\n");
        assertUsage("battery.yaml: 'data' is required: a list of image folders, one subfolder per class",
                "model: ../models/flawed.zip\n");
        assertUsage("battery.yaml: 'data' must list at least one data set", "model: ../models/flawed.zip\ndata: []\n");
        assertUsage("battery.yaml: 'data[0].images' is required: the folder of images, one subfolder per class",
                "model: ../models/flawed.zip\ndata:\n  - name: x\n");
    }

    @Test
    void duplicateDataNamesAreAnError() throws IOException {
        assertUsage("battery.yaml: data[0] and data[1] are both named 'test-clean'; give each its own 'name'",
                MINIMAL + "  - images: ../data/test-biased\n    name: test-clean\n");
    }

    @Test
    void aYamlSyntaxErrorGivesItsLineAndColumn() throws IOException {
        GlassboxException e = failure("""
                model: ../models/flawed.zip
                data:
                  - images: ../data/test-clean
                 - images: ../data/test-biased
                """);
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().startsWith("battery.yaml: line 4, column 2: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsAnError() throws IOException {
        GlassboxException e = failure(MINIMAL + "seed: 1\nseed: 2\n");
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().startsWith("battery.yaml: line 5: key 'seed' appears twice"), e.getMessage());
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        assertUsage("battery.yaml: the file is empty; a battery config needs at least 'model' and 'data'",
                "# nothing yet\n");
        assertUsage("battery.yaml: a battery config must be a map of keys (" + String.join(", ", BatteryConfig.KEYS)
                + "), got a list", "- model\n");
    }

    // ---- missing files, exit 3

    @Test
    void aMissingModelFileIsBadInput() throws IOException {
        GlassboxException e = failure("model: ../models/missing.zip\ndata:\n  - images: ../data/test-clean\n");
        assertEquals(3, e.exitCode());
        assertEquals(dir.toAbsolutePath().normalize().resolve("models/missing.zip")
                + ": the model file named by 'model' in battery.yaml does not exist", e.getMessage());
    }

    @Test
    void aMissingCompareModelIsBadInput() throws IOException {
        GlassboxException e = failure(MINIMAL + "compare: ../models/other.zip\n");
        assertEquals(3, e.exitCode());
        assertEquals(dir.toAbsolutePath().normalize().resolve("models/other.zip")
                + ": the model file named by 'compare' in battery.yaml does not exist", e.getMessage());
    }

    @Test
    void aMissingDataFolderIsBadInput() throws IOException {
        GlassboxException e = failure(MINIMAL + "  - images: ../data/test-gone\n");
        assertEquals(3, e.exitCode());
        assertEquals(dir.toAbsolutePath().normalize().resolve("data/test-gone")
                + ": the images folder named by 'data[1].images' in battery.yaml does not exist", e.getMessage());
    }

    @Test
    void aMissingMasksFolderIsBadInput() throws IOException {
        GlassboxException e = failure(MINIMAL + "    masks: ../data/no-masks\n");
        assertEquals(3, e.exitCode());
        assertEquals(dir.toAbsolutePath().normalize().resolve("data/no-masks")
                + ": the masks folder named by 'data[0].masks' in battery.yaml does not exist", e.getMessage());
    }

    @Test
    void aConfigErrorIsReportedBeforeAMissingFile() throws IOException {
        GlassboxException e = failure("model: ../models/missing.zip\ndata:\n  - images: ../data/test-clean\n"
                + "seed: x\n");
        assertEquals(2, e.exitCode());
    }

    @Test
    void aMissingConfigFileIsBadInput() {
        Path file = dir.resolve("configs/none.yaml");
        GlassboxException e = assertThrows(GlassboxException.class, () -> BatteryConfig.load(file));
        assertEquals(3, e.exitCode());
        assertEquals(file + ": no such battery config file", e.getMessage());
    }
}
