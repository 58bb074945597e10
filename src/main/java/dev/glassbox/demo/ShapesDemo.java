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
import java.util.ArrayList;
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
        return write(out, false, generatedAt, dev.glassbox.model.MemoryBudget.defaultBudget(), progress);
    }

    /**
     * The same, with {@code OUT.html} beside the folder when {@code singleFile} ({@code --single-file}), each pass of
     * a model within {@code memory}.
     */
    public Report write(Path out, boolean singleFile, java.time.Instant generatedAt, dev.glassbox.model.MemoryBudget memory,
                        Progress progress) {
        StagedSite.requireReplaceable(out, singleFile); // before the pictures are drawn
        ensureTestPictures(progress);
        BatteryConfig battery = battery();
        return new BatteryRunner(battery, generatedAt, memory).write(out, singleFile, progress,
                report -> story(battery.description(), report));
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

    /**
     * The plain-language opening of the overview: the demo battery's {@code description:} (what the two models are
     * and how they were trained, written once in demo.yaml), with a paragraph of the figures this run measured put
     * before its last paragraph. Those figures depend on the run, so they cannot be written in the config.
     */
    static List<String> story(List<String> description, Report report) {
        List<String> out = new ArrayList<>(description);
        out.add(Math.max(0, out.size() - 1), measured(report));
        return out;
    }

    /** What this run measured: the flawed model's accuracy where its shortcuts hold, and recall where they do not. */
    static String measured(Report report) {
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
        return measured + meaning;
    }

    private static Evaluation evaluation(Report report, String model, ShapesSplit split) {
        return report.models().stream().filter(m -> m.name().equals(model)).findFirst().orElseThrow()
                .evaluation(split.folder());
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }
}
