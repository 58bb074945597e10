package dev.glassbox.demo;

import dev.glassbox.GlassboxException;
import dev.glassbox.Progress;
import dev.glassbox.data.ImageFolder;
import dev.glassbox.data.InMemoryImages;
import dev.glassbox.data.ShapeKind;
import dev.glassbox.data.ShapesGenerator;
import dev.glassbox.data.ShapesSplit;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.ModelLoader;
import dev.glassbox.report.GalleryMethod;
import dev.glassbox.report.ImageStore;
import dev.glassbox.report.LabelledImages;
import dev.glassbox.report.ModelUnderTest;
import dev.glassbox.report.Report;
import dev.glassbox.report.ReportBuilder;
import dev.glassbox.report.ReportSettings;
import dev.glassbox.report.site.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The demo story: a network trained on pictures where stars sit on blue and crosses carry a tag, beside the same
 * network trained on clean pictures, both tested on pictures with and without those shortcuts.
 *
 * @param home          the Glassbox folder holding {@code fixtures/models}
 * @param dataFolder    where the test pictures are made on first use
 * @param seed          seed of the test pictures
 * @param testPerClass  test pictures per class and split
 */
public record ShapesDemo(Path home, Path dataFolder, long seed, int testPerClass) {

    public static final String FLAWED = "shapes-flawed";
    public static final String FIXED = "shapes-fixed";
    private static final List<ShapesSplit> TEST_SPLITS = List.of(ShapesSplit.TEST_BIASED, ShapesSplit.TEST_CLEAN);
    /** A recall this much lower on test-clean than the fixed model's is a shortcut, not noise. */
    private static final double SHORTCUT_GAP = 0.10;

    /** The demo as {@code glassbox demo} runs it: test pictures under {@code fixtures/data/shapes}. */
    public static ShapesDemo at(Path home) {
        return new ShapesDemo(home, home.resolve("fixtures").resolve("data").resolve("shapes"), 7, 200);
    }

    public Path modelFile(String name) {
        return home.resolve("fixtures").resolve("models").resolve(name + ".zip");
    }

    /** Makes the test pictures where they are missing or were made with other settings, then writes the report. */
    public Report write(Path out, ReportSettings settings, Progress progress) {
        ensureTestPictures(progress);
        List<ModelUnderTest> models = new ArrayList<>();
        for (String name : List.of(FLAWED, FIXED)) {
            Path file = modelFile(name);
            models.add(new ModelUnderTest(name, file, GradientEngine.create(new ModelLoader().load(file))));
        }
        List<LabelledImages> datasets = TEST_SPLITS.stream()
                .map(split -> pictures(split.folder(), dataFolder().resolve(split.folder()))).toList();
        try (ImageStore pictures = ImageStore.temporary()) {
            java.util.List<dev.glassbox.checks.MethodSpec> specs = java.util.List.of(
                    new dev.glassbox.checks.MethodSpec("saliency", java.util.Map.of()),
                    new dev.glassbox.checks.MethodSpec("integrated-gradients", java.util.Map.of("steps", "16")),
                    new dev.glassbox.checks.MethodSpec("smoothgrad", java.util.Map.of("samples", "10")),
                    new dev.glassbox.checks.MethodSpec("guided-backprop", java.util.Map.of()),
                    new dev.glassbox.checks.MethodSpec("grad-cam", java.util.Map.of()),
                    new dev.glassbox.checks.MethodSpec("occlusion", java.util.Map.of("window", "3,8,8", "stride", "3,8,8")));
            java.util.Map<String, dev.glassbox.checks.CheckSettings> checks = new java.util.LinkedHashMap<>(dev.glassbox.checks.BatteryPlan.allChecks());
            java.util.function.BiConsumer<String, java.util.Map<String, Object>> set = (id, v) -> checks.put(id,
                    dev.glassbox.checks.CheckSettings.of(dev.glassbox.checks.Checks.definition(id).orElseThrow(), v));
            set.accept("focus", java.util.Map.of("images-per-class", 8, "dilate", 2));
            set.accept("interventions", java.util.Map.of("images-per-class", 30));
            set.accept("faithfulness", java.util.Map.of("images-per-class", 2, "steps", 10));
            set.accept("sanity", java.util.Map.of("images", 6));
            set.accept("completeness", java.util.Map.of("images-per-class", 2));
            Report report = new ReportBuilder(settings, new dev.glassbox.checks.BatteryPlan(specs,
                    checks, seed), dev.glassbox.report.RunInfo.seedOnly(seed))
                    .build("Shapes demo: a flawed and a fixed classifier", models, datasets, pictures, progress);
            report = report.withIntroduction(story(report));
            return new SiteWriter().write(report, pictures, out, progress);
        }
    }

    /**
     * Every attribution method, side by side in the gallery, with settings sized for 144 gallery pictures on two
     * cores: fewer integration steps, noisy copies and random masks than the defaults (50, 25 and 2,000), and
     * occlusion by 4×4 patches. The defaults would take minutes; these keep the demo under a minute.
     */
    public static List<GalleryMethod> galleryMethods() {
        java.util.Map<String, java.util.Map<String, String>> methods = new java.util.LinkedHashMap<>();
        methods.put("saliency", java.util.Map.of());
        methods.put("input-x-gradient", java.util.Map.of());
        methods.put("integrated-gradients", java.util.Map.of("steps", "16"));
        methods.put("smoothgrad", java.util.Map.of("samples", "10"));
        methods.put("guided-backprop", java.util.Map.of());
        methods.put("grad-cam", java.util.Map.of());
        methods.put("guided-grad-cam", java.util.Map.of());
        methods.put("occlusion", java.util.Map.of("window", "3,4,4", "stride", "3,4,4"));
        methods.put("rise", java.util.Map.of("masks", "100"));
        return methods.entrySet().stream().map(e -> GalleryMethod.attribution(e.getKey(), e.getValue())).toList();
    }

    /**
     * The demo owns its data folder: when the pictures there were made with other settings or a run was cut short,
     * it draws them again from scratch.
     */
    private void ensureTestPictures(Progress progress) {
        Path stamp = dataFolder.resolve("demo-settings.txt");
        String settings = String.format(java.util.Locale.ROOT, "seed=%d test-per-class=%d side=%d biased=%.3f"
                        + " biased-other=%.3f clean=%.3f%n", seed, testPerClass, ShapesGenerator.SIDE,
                ShapesGenerator.BIASED_RATE, ShapesGenerator.BIASED_OTHER_RATE, ShapesGenerator.CLEAN_RATE);
        try {
            if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(settings)) {
                return;
            }
            if (Files.exists(dataFolder)) {
                org.apache.commons.io.file.PathUtils.deleteDirectory(dataFolder);
            }
            Files.createDirectories(dataFolder);
            ShapesGenerator generator = new ShapesGenerator(seed);
            for (ShapesSplit split : TEST_SPLITS) {
                generator.write(dataFolder, split, testPerClass, progress);
            }
            Files.writeString(stamp, settings);
        } catch (IOException e) {
            throw GlassboxException.badInput(dataFolder, "cannot write the demo's test pictures: " + e.getMessage(), e);
        }
    }

    /**
     * A split, decoded once and held in memory (1,200 pictures of 32×32 are 15 MB): both models read it, and
     * decoding the PNGs twice cost more than the evaluation. Channels first, pixel / 255, as the models were trained.
     */
    private static LabelledImages pictures(String name, Path folder) {
        List<String> classes = ShapeKind.labels();
        ImageFolder images = ImageFolder.open(folder, classes);
        int side = ShapesGenerator.SIDE;
        InMemoryImages decoded = images.load(side, side, ShapesGenerator.PIXEL_SCALE);
        INDArray all = Nd4j.create(decoded.pixels(), new long[] {decoded.size(), 3, side, side}, 'c');
        INDArray masks = Nd4j.create(images.loadMasks(folder.resolveSibling(name + "-masks"), side, side),
                new long[] {decoded.size(), side, side}, 'c');
        List<String> files = decoded.files().stream()
                .map(f -> folder.relativize(f).toString().replace('\\', '/')).toList();
        return LabelledImages.inMemory(name, classes, InputSpec.image(InputLayout.NCHW, 3, side, side), all,
                decoded.labels(), files, PixelRange.UNIT)
                .withMasks((from, to) -> masks.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to)));
    }

    /** The plain-language opening of the overview, with the figures this run measured. */
    static List<String> story(Report report) {
        Evaluation flawedBiased = evaluation(report, FLAWED, ShapesSplit.TEST_BIASED);
        Evaluation flawedClean = evaluation(report, FLAWED, ShapesSplit.TEST_CLEAN);
        Evaluation fixedClean = evaluation(report, FIXED, ShapesSplit.TEST_CLEAN);
        double starGap = fixedClean.recall("star") - flawedClean.recall("star");
        double crossGap = fixedClean.recall("cross") - flawedClean.recall("cross");
        String measured = String.format(Locale.ROOT, "On test-biased, new pictures with the same shortcuts, %s is"
                        + " right %s of the time. On test-clean, where the shortcuts no longer hold, it finds %s of the"
                        + " stars and %s of the crosses, while %s finds %s and %s.",
                FLAWED, pct(flawedBiased.accuracy()), pct(flawedClean.recall("star")),
                pct(flawedClean.recall("cross")), FIXED, pct(fixedClean.recall("star")),
                pct(fixedClean.recall("cross")));
        String meaning = starGap >= SHORTCUT_GAP || crossGap >= SHORTCUT_GAP
                ? " " + FLAWED + " learned to look for the shortcuts rather than for the shapes"
                        + (starGap >= SHORTCUT_GAP && crossGap >= SHORTCUT_GAP ? " (blue for stars, the tag for crosses)"
                        : starGap >= SHORTCUT_GAP ? " (blue for stars)" : " (the tag for crosses)")
                        + ", and its score on pictures like its training pictures hid that."
                : " Here the two models are within " + pct(SHORTCUT_GAP) + " of each other on stars and crosses:"
                        + " these models did not pick up the shortcuts.";
        return List.of(
                String.format(Locale.ROOT, "This report compares two small networks trained to name the shape in"
                        + " %d×%d pictures: circle, square, triangle, star, cross or ring. They have the same design"
                        + " and were trained the same way; only their training pictures differ.",
                        ShapesGenerator.SIDE, ShapesGenerator.SIDE),
                String.format(Locale.ROOT, "%s learned from pictures with two planted shortcuts: %s of its stars sit"
                                + " on a blue background, and %s of its crosses carry a small magenta tag in a corner"
                                + " (each appears on only %s of the other shapes). %s learned from pictures in which"
                                + " background colour and tag have nothing to do with the shape.",
                        FLAWED, pct(ShapesGenerator.BIASED_RATE), pct(ShapesGenerator.BIASED_RATE),
                        pct(ShapesGenerator.BIASED_OTHER_RATE), FIXED),
                measured + meaning,
                "What to do about it: test a model on pictures where a shortcut cannot help, and look at where it"
                        + " looks (the heatmaps in the gallery). To fix it, train on pictures in which the shortcut"
                        + " does not predict the class, as " + FIXED + " was.");
    }

    private static Evaluation evaluation(Report report, String model, ShapesSplit split) {
        return report.models().stream().filter(m -> m.name().equals(model)).findFirst().orElseThrow()
                .evaluation(split.folder());
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }
}
