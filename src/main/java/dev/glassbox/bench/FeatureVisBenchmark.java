package dev.glassbox.bench;

import dev.glassbox.Progress;
import dev.glassbox.model.Preprocessing;
import dev.glassbox.data.ImageFolder;
import dev.glassbox.data.ShapeKind;
import dev.glassbox.data.ShapesGenerator;
import dev.glassbox.data.ShapesSplit;
import dev.glassbox.featurevis.FeatureVisualizer;
import dev.glassbox.featurevis.NeuronAnalysis;
import dev.glassbox.featurevis.NeuronLayers;
import dev.glassbox.featurevis.Objective;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputSpec;
import dev.glassbox.data.FolderImages;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.data.ImageTrait;
import dev.glassbox.data.LabelledImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What feature visualization costs. First, optimization steps per second for batches of pictures, against the bare
 * forward+backward passes the steps make (the same layers seeded with a constant gradient): the ratio is what the
 * Fourier parameterization, the random views, Adam and the objectives add on top of the network. Second, the
 * neuron-group pages end to end ({@link NeuronAnalysis}) on a small generated shapes data set, with the time split
 * between scanning the data and optimizing the pictures.
 */
public final class FeatureVisBenchmark {

    /** Groups per layer, as the demo has them (fewer where a layer has fewer channels). */
    static final int GROUPS = 6;
    /** Optimization steps of the pages: the demo's, and the default. */
    static final List<Integer> PAGE_STEPS = List.of(64, FeatureVisualizer.Settings.DEFAULT_STEPS);
    /** Pictures per class of the generated data set the pages are made from. */
    static final int IMAGES_PER_CLASS = 40;
    /** Images per forward pass in the analysis, the battery's default. */
    private static final int BATCH_SIZE = 64;
    private static final int PICTURE_SIZE = 160;
    private static final long SEED = 7;

    private final GradientEngine engine;
    private final double seconds;
    private final Progress progress;
    private final List<Integer> pageSteps;
    private final int imagesPerClass;

    public FeatureVisBenchmark(GradientEngine engine, double seconds, Progress progress) {
        this(engine, seconds, progress, PAGE_STEPS, IMAGES_PER_CLASS);
    }

    /** With other page step counts and data size: tests run the pages in a second. */
    FeatureVisBenchmark(GradientEngine engine, double seconds, Progress progress, List<Integer> pageSteps,
                        int imagesPerClass) {
        this.engine = engine;
        this.seconds = seconds;
        this.progress = progress;
        this.pageSteps = List.copyOf(pageSteps);
        this.imagesPerClass = imagesPerClass;
    }

    public String run(String modelName) {
        if (!engine.input().isImage()) {
            return "### Feature visualization (`glassbox bench`)\n\nSkipped: " + modelName + " takes "
                    + engine.input().describe() + ", not an image.\n";
        }
        List<String> layers = NeuronLayers.automatic(engine);
        int groups = (int) Math.min(GROUPS, layers.stream().mapToLong(l -> engine.layer(l).channels()).min()
                .orElse(GROUPS));
        return steps(modelName, layers, groups) + "\n" + pages(modelName, layers, groups);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Steps per second

    private String steps(String modelName, List<String> layers, int groups) {
        List<Objective> all = objectives(layers, groups);
        List<Integer> sizes = new ArrayList<>(new LinkedHashSet<>(List.of(Math.min(1, all.size()),
                Math.min(GROUPS, all.size()), all.size())));
        int steps = Math.max(2, (int) Math.round(8 * seconds));
        InputSpec in = engine.input();
        var visualizer = new FeatureVisualizer(engine, Collections.nCopies(in.channels(), PixelRange.UNIT));
        var settings = FeatureVisualizer.Settings.of(steps, SEED, in.height(), in.width());
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            progress.update("Benchmarking feature visualization", i, sizes.size());
            int n = sizes.get(i);
            List<Objective> batch = all.subList(0, n);
            Map<String, UnaryOperator<INDArray>> constant = new LinkedHashMap<>();
            for (Objective o : batch) {
                constant.put(o.layer() == null ? engine.logitsLayer() : o.layer(), Nd4j::onesLike);
            }
            INDArray x = Nd4j.rand(DataType.FLOAT, in.batchShape(n)).castTo(engine.dataType());
            Paired t = Paired.time(() -> visualizer.optimize(batch, settings, Progress.NONE), () -> {
                // one pass per step, and one that measures the finished pictures
                for (int s = 0; s <= steps; s++) {
                    engine.objectivesGradient(x, constant);
                }
            }, seconds);
            double perStep = t.first() / steps;
            rows.add(new String[] {String.valueOf(n), describe(batch),
                    String.format(Locale.ROOT, "%,.1f", 1 / perStep),
                    String.format(Locale.ROOT, "%,.1f", n / perStep),
                    String.format(Locale.ROOT, "%.2f", 1e3 * perStep),
                    String.format(Locale.ROOT, "%.2f", 1e3 * t.second() / (steps + 1)),
                    String.format(Locale.ROOT, "%.2f×", t.ratio())});
        }
        progress.update("Benchmarking feature visualization", sizes.size(), sizes.size());
        StringBuilder s = new StringBuilder();
        s.append("### Feature visualization: optimization steps (`glassbox bench`)\n\n");
        s.append("Pictures optimized together on ").append(modelName).append(" as the neuron pages make them:"
                + " direction objectives (random non-negative directions, dot product) on the automatic layers ")
                .append(layers.isEmpty() ? "(none)" : "`" + String.join("`, `", layers) + "`")
                .append(" and class logits; the largest batch is every picture of the model's neuron pages, as the"
                        + " demo makes them in one batch (").append(layers.size()).append(" × ").append(groups)
                .append(" groups + ").append(engine.classes()).append(" classes). ")
                .append(steps).append(" steps per run. \"Bare passes\" is the same number of engine forward+backward"
                        + " passes alone (one per step and one that measures the finished pictures) on a batch of the"
                        + " same size, seeded with a constant gradient at the same layers; optimization and bare passes"
                        + " alternate (medians of per-pair ratios, ").append(seconds).append(" s per pair). Figures per"
                        + " step include each run's share of setting up and of that last pass.\n\n");
        s.append("| pictures | objectives | steps/s | picture-steps/s | ms per step | bare passes ms per step |"
                + " time ÷ bare passes |\n");
        s.append("|---:|---|---:|---:|---:|---:|---:|\n");
        rows.forEach(r -> s.append("| ").append(String.join(" | ", r)).append(" |\n"));
        return s.toString();
    }

    /**
     * The demo's pictures (each layer's groups, each class), interleaved (a logit, a direction on each layer, the
     * next logit, ...) so that the smaller batches are a prefix that still mixes the kinds.
     */
    private List<Objective> objectives(List<String> layers, int groups) {
        Random random = new Random(SEED);
        List<List<Objective>> kinds = new ArrayList<>();
        List<Objective> logits = new ArrayList<>();
        for (int k = 0; k < engine.classes(); k++) {
            logits.add(Objective.classLogit(k));
        }
        kinds.add(logits);
        for (String layer : layers) {
            List<Objective> directions = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                double[] v = new double[(int) engine.layer(layer).channels()];
                for (int c = 0; c < v.length; c++) {
                    v[c] = random.nextDouble();
                }
                directions.add(Objective.direction(layer, v, Objective.Measure.DOT));
            }
            kinds.add(directions);
        }
        List<Objective> out = new ArrayList<>();
        int longest = kinds.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<Objective> kind : kinds) {
                if (i < kind.size()) {
                    out.add(kind.get(i));
                }
            }
        }
        return out;
    }

    /** "2 class logits, 4 directions on 2 layers". */
    private static String describe(List<Objective> batch) {
        long logits = batch.stream().filter(o -> o.layer() == null).count();
        long directions = batch.size() - logits;
        long layers = batch.stream().map(Objective::layer).filter(l -> l != null).distinct().count();
        List<String> parts = new ArrayList<>();
        if (logits > 0) {
            parts.add(logits + (logits == 1 ? " class logit" : " class logits"));
        }
        if (directions > 0) {
            parts.add(directions + (directions == 1 ? " direction" : " directions") + " on " + layers
                    + (layers == 1 ? " layer" : " layers"));
        }
        return String.join(", ", parts);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Pages end to end

    private String pages(String modelName, List<String> layers, int groups) {
        StringBuilder s = new StringBuilder("### Feature visualization: neuron-group pages (`glassbox bench`)\n\n");
        InputSpec in = engine.input();
        int side = ShapesGenerator.SIDE;
        int classes = ShapeKind.values().length;
        if (in.height() != side || in.width() != side || engine.classes() != classes || layers.isEmpty()) {
            return s.append("Skipped: the pages are timed on generated shapes (").append(side).append("×")
                    .append(side).append(" pictures of ").append(classes).append(" classes), and ").append(modelName)
                    .append(" takes ").append(in.describe()).append(" with ").append(engine.classes())
                    .append(" classes").append(layers.isEmpty() ? " and no layer with height and width" : "")
                    .append(".\n").toString();
        }
        List<String[]> rows = new ArrayList<>();
        Path folder = temporaryFolder();
        try {
            LabelledImages data = shapes(folder);
            for (int i = 0; i < pageSteps.size(); i++) {
                int steps = pageSteps.get(i);
                rows.add(page(modelName, data, layers, groups, steps, i));
            }
        } finally {
            delete(folder);
        }
        int images = imagesPerClass * classes;
        s.append("`NeuronAnalysis` end to end on ").append(modelName).append(", as a report runs it: the automatic"
                + " layers, ").append(groups).append(" groups each, a picture per group and per class, on ")
                .append(String.format(Locale.ROOT, "%,d", images)).append(" generated test-biased shapes (")
                .append(imagesPerClass).append(" per class; all of them sampled, scanned and measured), batches of ")
                .append(BATCH_SIZE).append(", pictures written to a temporary folder. One run per row. Seconds per"
                        + " layer page is the total over the number of layers (the class pictures ride along in the"
                        + " same batch of pictures). The shares split"
                        + " the total by the analysis's progress tasks: scanning is the passes over the data (sampling"
                        + " activations, the strongest images, class reliance), grouping the NMF, optimizing the"
                        + " pictures' steps, and the rest the examples drawn over images and the PNG files.\n\n");
        s.append("| steps | layers × groups + classes | total s | s per layer page | scanning the data | grouping |"
                + " optimizing pictures | the rest |\n");
        s.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach(r -> s.append("| ").append(String.join(" | ", r)).append(" |\n"));
        return s.toString();
    }

    private String[] page(String modelName, LabelledImages data, List<String> layers, int groups, int steps,
                          int index) {
        String task = "Benchmarking the neuron-group pages";
        progress.update(task, index, pageSteps.size());
        PhaseClock clock = new PhaseClock(Progress.NONE);
        long start = System.nanoTime();
        try (ImageStore store = ImageStore.temporary()) {
            new NeuronAnalysis(engine, modelName, 0, store, new NeuronAnalysis.Settings(layers, groups, steps, SEED,
                    BATCH_SIZE, PICTURE_SIZE), clock).run(List.of(data));
            clock.stop();
        }
        double total = (System.nanoTime() - start) / 1e9;
        progress.update(task, index + 1, pageSteps.size());
        return new String[] {String.valueOf(steps),
                layers.size() + " × " + groups + " + " + engine.classes(),
                String.format(Locale.ROOT, "%.1f", total),
                String.format(Locale.ROOT, "%.1f", total / layers.size()),
                share(clock.seconds(PhaseClock.Phase.SCANNING), total),
                share(clock.seconds(PhaseClock.Phase.GROUPING), total),
                share(clock.seconds(PhaseClock.Phase.OPTIMIZING), total),
                share(clock.seconds(PhaseClock.Phase.REST), total)};
    }

    private static String share(double part, double total) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * part / total);
    }

    /** The test-biased split, drawn into {@code folder} and read as a battery reads a data set. */
    private LabelledImages shapes(Path folder) {
        ShapesSplit split = ShapesSplit.TEST_BIASED;
        progress.update("Drawing shapes for the neuron pages", 0, 1);
        new ShapesGenerator(SEED).write(folder, split, imagesPerClass, Progress.NONE);
        Path images = folder.resolve(split.folder());
        int channels = engine.input().channels();
        var preprocessing = new Preprocessing(ShapesGenerator.PIXEL_SCALE, Collections.nCopies(channels, 0.0),
                Collections.nCopies(channels, 1.0));
        LabelledImages data = FolderImages.open(split.folder(), ImageFolder.open(images, ShapeKind.labels()),
                folder.resolve(split.folder() + "-masks"), engine.input(), preprocessing, Progress.NONE);
        progress.update("Drawing shapes for the neuron pages", 1, 1);
        return data.withTraits(ImageTrait.fromShapesManifest(images, data.files()));
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("glassbox-bench-shapes-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try {
            org.apache.commons.io.file.PathUtils.deleteDirectory(folder);
        } catch (IOException e) {
            // a leftover temporary folder is not worth failing the benchmark for
        }
    }
}
