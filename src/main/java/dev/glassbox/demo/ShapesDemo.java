package dev.glassbox.demo;

import dev.glassbox.GlassboxException;
import dev.glassbox.Progress;
import dev.glassbox.data.ShapesGenerator;
import dev.glassbox.data.ShapesSplit;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.report.Report;
import dev.glassbox.battery.BatteryRunner;
import dev.glassbox.config.BatteryConfig;
import dev.glassbox.report.site.StagedSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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

    /** The battery the demo runs: {@code fixtures/batteries/demo.yaml}. */
    public Path batteryFile() {
        return home.resolve("fixtures").resolve("batteries").resolve("demo.yaml");
    }

    /**
     * Makes the test pictures where they are missing or were made with other settings, then runs the demo battery
     * and writes the report, opened by the story told with this run's figures.
     */
    public Report write(Path out, java.time.Instant generatedAt, Progress progress) {
        return write(out, false, generatedAt, progress);
    }

    /** The same, with {@code OUT.html} beside the folder when {@code singleFile} ({@code --single-file}). */
    public Report write(Path out, boolean singleFile, java.time.Instant generatedAt, Progress progress) {
        StagedSite.requireReplaceable(out, singleFile); // before the pictures are drawn
        ensureTestPictures(progress);
        return new BatteryRunner(battery(), generatedAt).write(out, singleFile, progress, ShapesDemo::story);
    }

    /**
     * The demo battery. A demo whose pictures live elsewhere than {@code fixtures/data/shapes} (tests draw smaller
     * sets in temporary folders) reads the same config with its data paths pointed there.
     */
    BatteryConfig battery() {
        Path file = batteryFile();
        Path standard = home.resolve("fixtures").resolve("data").resolve("shapes");
        if (dataFolder.toAbsolutePath().normalize().equals(standard.toAbsolutePath().normalize())) {
            return BatteryConfig.load(file);
        }
        try {
            String text = Files.readString(file).replace("../data/shapes/",
                    dataFolder.toAbsolutePath().normalize().toString().replace('\\', '/') + "/");
            return BatteryConfig.parse(file, text);
        } catch (IOException e) {
            throw GlassboxException.badInput(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The demo owns its data folder ({@code fixtures/data/shapes} in Glassbox's own folder, made on first use and
     * never chosen by the user): when the pictures there were made with other settings or a run was cut short, it
     * draws them again from scratch.
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

    /** The plain-language opening of the overview, with the figures this run measured. */
    static List<String> story(Report report) {
        Evaluation flawedBiased = evaluation(report, FLAWED, ShapesSplit.TEST_BIASED);
        Evaluation flawedClean = evaluation(report, FLAWED, ShapesSplit.TEST_CLEAN);
        Evaluation fixedClean = evaluation(report, FIXED, ShapesSplit.TEST_CLEAN);
        double starGap = fixedClean.recall("star") - flawedClean.recall("star");
        double crossGap = fixedClean.recall("cross") - flawedClean.recall("cross");
        String measured = String.format(Locale.ROOT, "On test-biased, new pictures with the same shortcuts, %s is"
                        + " right %s of the time. On test-clean, where the shortcuts no longer hold, it finds %s of the"
                        + " stars and %s of the crosses. %s finds %s and %s.",
                FLAWED, pct(flawedBiased.accuracy()), pct(flawedClean.recall("star")),
                pct(flawedClean.recall("cross")), FIXED, pct(fixedClean.recall("star")),
                pct(fixedClean.recall("cross")));
        String meaning = starGap >= SHORTCUT_GAP || crossGap >= SHORTCUT_GAP
                ? " So " + FLAWED + " learned to look for the shortcuts, not the shapes"
                        + (starGap >= SHORTCUT_GAP && crossGap >= SHORTCUT_GAP ? " (blue for stars, the tag for crosses)"
                        : starGap >= SHORTCUT_GAP ? " (blue for stars)" : " (the tag for crosses)")
                        + ". Its score on pictures like its training pictures hid that."
                : " Here the two models are within " + pct(SHORTCUT_GAP) + " of each other on stars and crosses:"
                        + " these models did not pick up the shortcuts.";
        return List.of(
                String.format(Locale.ROOT, "This report compares two small networks trained to name the shape in"
                        + " %d×%d pictures: circle, square, triangle, star, cross or ring. They have the same design"
                        + " and were trained the same way. Only their training pictures differ.",
                        ShapesGenerator.SIDE, ShapesGenerator.SIDE),
                String.format(Locale.ROOT, "%s learned from pictures with two planted shortcuts. %s of its stars sit"
                                + " on a blue background, and %s of its crosses carry a small magenta tag in a corner."
                                + " Each shows on only %s of the other shapes. %s learned from pictures in which"
                                + " background colour and tag have nothing to do with the shape.",
                        FLAWED, pct(ShapesGenerator.BIASED_RATE), pct(ShapesGenerator.BIASED_RATE),
                        pct(ShapesGenerator.BIASED_OTHER_RATE), FIXED),
                measured + meaning,
                "What to do about it: test a model on pictures where a shortcut cannot help, and see where it"
                        + " looks in the gallery. To fix it, train on pictures in which the shortcut does not predict"
                        + " the class, as " + FIXED + " was.");
    }

    private static Evaluation evaluation(Report report, String model, ShapesSplit split) {
        return report.models().stream().filter(m -> m.name().equals(model)).findFirst().orElseThrow()
                .evaluation(split.folder());
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }
}
