package dev.glassbox.featurevis;

import dev.glassbox.Progress;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.imaging.Pictures;
import dev.glassbox.model.Differentiation;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.model.Layouts;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Neuron groups and class pictures for one model ("The Building Blocks of Interpretability", sized for small
 * models): the activations of each chosen layer over a seeded sample of the data, factored by NMF into groups of
 * channels; one pass over every image to find each group's strongest examples and what they have in common; the
 * classes that rely on each group; and an optimized picture for every group and every class.
 *
 * <p>A group's activation at a position is the layer's activation vector projected on the group's unit direction
 * (a · h); its activation on an image is the mean over positions. The same measure ranks the examples, is drawn over
 * them, and is what the group's picture is optimized for, so "reached" compares like with like.
 */
public final class NeuronAnalysis {

    /** Images whose activations the factorization is fitted on (fewer when the data has fewer). */
    static final int SAMPLE_IMAGES = 240;
    /**
     * Images searched for each group's strongest examples and each class's highest score: a seeded sample, so that
     * the stage does not grow with the data (a 10,000-picture data set is searched as 2,000 pictures).
     */
    static final int SCAN_IMAGES = 2000;
    /**
     * The work behind the default number of optimization steps, in layer-output values: steps × pictures × the
     * values of one picture's pass through the model. The demo's CNN (31k values a picture) gets the full
     * {@link dev.glassbox.config.NeuronsConfig#DEFAULT_STEPS}; the ResNet-20 (667k values, 22 pictures) gets 136,
     * about 8 s of its default report on two cores (BENCHMARKS.md).
     */
    static final double DEFAULT_WORK = 2e9;
    /** The fewest default steps: fewer leave the pictures mostly noise. */
    static final int MIN_DEFAULT_STEPS = 32;
    /** Positions drawn from each sampled image. */
    static final int POSITIONS_PER_IMAGE = 16;
    /** Real examples shown per group. */
    static final int EXAMPLES = 8;
    /** How many of a group's strongest images its class mix is read from. */
    static final int TOP_FOR_CLASSES = 50;

    /**
     * @param layers      the layers to group ({@link NeuronLayers#resolve})
     * @param groups      groups per layer (fewer where a layer has fewer channels)
     * @param steps       optimization steps per picture
     * @param seed        every sampled choice and every picture's start
     * @param batchSize   images per forward pass
     * @param pictureSize the smallest side, in pixels, pictures are enlarged to
     */
    public record Settings(List<String> layers, int groups, int steps, long seed, int batchSize, int pictureSize) {
        public Settings {
            layers = List.copyOf(layers);
        }
    }

    private final GradientEngine engine;
    private final int modelIndex;
    private final Pictures pictures;
    private final Settings settings;
    private final Progress progress;
    private final String modelName;

    public NeuronAnalysis(GradientEngine engine, String modelName, int modelIndex, ImageStore store, Settings settings,
                          Progress progress) {
        this.engine = engine;
        this.modelName = modelName;
        this.modelIndex = modelIndex;
        this.pictures = new Pictures(store, settings.pictureSize());
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * The optimization steps when the config does not give them: {@link #DEFAULT_WORK} shared out over the pictures
     * and the model's size, between {@link #MIN_DEFAULT_STEPS} and {@code most}.
     *
     * @param pictures the pictures optimized together (groups of every layer and one per class)
     */
    public static int defaultSteps(GradientEngine engine, int pictures, int most) {
        long values = engine.input().length();
        for (var layer : engine.layers()) {
            long v = 1;
            for (long d : layer.outputShape()) {
                v *= d;
            }
            values += v;
        }
        double steps = DEFAULT_WORK / ((double) Math.max(1, pictures) * values);
        return (int) Math.max(Math.min(MIN_DEFAULT_STEPS, most), Math.min(most, Math.round(steps)));
    }

    /** Runs the analysis over the data sets (the first one's preprocessing draws the pictures). */
    public NeuronReport run(List<LabelledImages> datasets) {
        List<String> layers = settings.layers();
        List<LayerScan> scans = new ArrayList<>();
        List<ImageRef> sample = layers.isEmpty() ? List.of() : sample(datasets, SAMPLE_IMAGES, settings.seed());
        if (!layers.isEmpty()) {
            Map<String, double[][]> rows = collect(datasets, sample);
            for (String layer : layers) {
                progress.update("Grouping the neurons of " + layer + " in " + modelName, 0, 1);
                int groups = (int) Math.min(settings.groups(), engine.layer(layer).channels());
                Nmf.Factorization f = Nmf.fit(rows.get(layer), groups, settings.seed());
                scans.add(new LayerScan(layer, Activations.of(engine.layer(layer)), engine.layer(layer).spatialSize(),
                        f, sample.size(), rows.get(layer).length, datasets));
            }
        }
        double[] logitMax = scanAll(datasets, scans);
        if (!scans.isEmpty()) {
            reliance(datasets, sample, scans);
        }
        List<FeatureVisualizer.Picture> pictures = optimize(datasets.get(0), scans);
        List<LayerGroups> layerGroups = new ArrayList<>();
        int at = 0;
        for (LayerScan scan : scans) {
            List<NeuronGroup> groups = new ArrayList<>();
            for (int g = 0; g < scan.groups(); g++) {
                FeatureVisualizer.Picture p = pictures.get(at++);
                String picture = putPicture(folder(scan.layer) + "/g" + (g + 1) + ".png", p.pixels());
                groups.add(new GroupDescription(scan).describe(g, p.value(), picture, examples(scan, g, datasets)));
            }
            layerGroups.add(new LayerGroups(scan.layer, engine.layer(scan.layer).shapeText(),
                    scan.layout.channels(), scan.sampledImages, scan.sampledPositions, scan.factors.explained(),
                    groups));
        }
        List<ClassPicture> classPictures = new ArrayList<>();
        List<String> classes = datasets.get(0).classes();
        for (int k = 0; k < classes.size(); k++) {
            FeatureVisualizer.Picture p = pictures.get(at++);
            String picture = putPicture("neurons/m" + modelIndex + "/class-" + (k + 1) + ".png", p.pixels());
            classPictures.add(new ClassPicture(classes.get(k), picture, p.value(), logitMax[k]));
        }
        return new NeuronReport(settings.steps(), classPictures, layerGroups);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The sample and the factorization

    /** An image of one of the data sets. */
    record ImageRef(int dataset, int index) {}

    /** A seeded sample of up to {@code count} images, spread over the data sets in proportion to size. */
    static List<ImageRef> sample(List<LabelledImages> datasets, int count, long seed) {
        int total = datasets.stream().mapToInt(LabelledImages::size).sum();
        List<ImageRef> out = new ArrayList<>();
        Random random = new Random(seed);
        for (int d = 0; d < datasets.size(); d++) {
            int n = datasets.get(d).size();
            int take = total <= count ? n : (int) Math.round((double) count * n / total);
            int[] order = shuffled(n, random);
            int[] picked = Arrays.copyOf(order, Math.min(n, take));
            Arrays.sort(picked);
            for (int i : picked) {
                out.add(new ImageRef(d, i));
            }
        }
        return out;
    }

    /** Rows of activations (negatives cut to zero) at a seeded choice of positions of the sampled images. */
    private Map<String, double[][]> collect(List<LabelledImages> datasets, List<ImageRef> sample) {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        settings.layers().forEach(l -> rows.put(l, new ArrayList<>()));
        Random random = new Random(settings.seed() + 1);
        String task = "Collecting activations of " + modelName;
        forEachBatch(datasets, sample, task, (refs, input) -> {
            Map<String, INDArray> acts = engine.activations(input, settings.layers());
            for (String layer : settings.layers()) {
                Activations layout = Activations.of(engine.layer(layer));
                float[] flat = acts.get(layer).dup('c').reshape(-1).toFloatVector();
                for (int i = 0; i < refs.size(); i++) {
                    int[] positions = shuffled(layout.positions(), random);
                    for (int p = 0; p < Math.min(POSITIONS_PER_IMAGE, positions.length); p++) {
                        double[] row = new double[layout.channels()];
                        for (int c = 0; c < row.length; c++) {
                            row[c] = Math.max(0, flat[i * layout.length() + layout.at(c, positions[p])]);
                        }
                        rows.get(layer).add(row);
                    }
                }
            }
        });
        Map<String, double[][]> out = new LinkedHashMap<>();
        rows.forEach((l, r) -> out.put(l, r.toArray(double[][]::new)));
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The pass over every image

    /**
     * Feeds every image (up to {@link #SCAN_IMAGES}, a seeded sample beyond) through the model once; returns each
     * class's highest logit.
     */
    private double[] scanAll(List<LabelledImages> datasets, List<LayerScan> scans) {
        int classes = engine.classes();
        double[] logitMax = new double[classes];
        Arrays.fill(logitMax, Double.NEGATIVE_INFINITY);
        List<ImageRef> all = sample(datasets, SCAN_IMAGES, settings.seed() + 2);
        List<String> wanted = new ArrayList<>(settings.layers());
        wanted.add(engine.logitsLayer());
        forEachBatch(datasets, all, "Finding each neuron group's strongest images in " + modelName, (refs, input) -> {
            Map<String, INDArray> acts = engine.activations(input, wanted);
            float[][] logits = acts.get(engine.logitsLayer()).castTo(DataType.FLOAT).toFloatMatrix();
            for (float[] row : logits) {
                for (int k = 0; k < classes; k++) {
                    logitMax[k] = Math.max(logitMax[k], row[k]);
                }
            }
            LabelledImages data = datasets.get(refs.get(0).dataset);
            float[][] masks = data.hasMasks() && !scans.isEmpty() ? masks(data, refs) : null;
            for (LayerScan scan : scans) {
                scan.add(refs, acts.get(scan.layer), masks);
            }
        });
        return logitMax;
    }

    /** Each group's mean contribution to each class's logit on the sampled images of that class. */
    private void reliance(List<LabelledImages> datasets, List<ImageRef> sample, List<LayerScan> scans) {
        List<String> layers = settings.layers();
        forEachBatch(datasets, sample, "Measuring which classes rely on which groups in " + modelName,
                (refs, input) -> {
                    int[] labels = refs.stream().mapToInt(r -> datasets.get(r.dataset).label(r.index)).toArray();
                    Differentiation d = engine.layerGradientsOnly(input, labels, layers);
                    for (LayerScan scan : scans) {
                        scan.addReliance(labels, d.activations().get(scan.layer), d.gradients().layer(scan.layer));
                    }
                });
    }

    private interface BatchWork {
        void accept(List<ImageRef> refs, INDArray input);
    }

    /** The images in batches of the model's input, with progress. */
    private void forEachBatch(List<LabelledImages> datasets, List<ImageRef> refs, String task, BatchWork work) {
        progress.update(task, 0, refs.size());
        int size = Math.max(1, settings.batchSize());
        int from = 0;
        while (from < refs.size()) {
            int d = refs.get(from).dataset;
            int to = from;
            while (to < refs.size() && to - from < size && refs.get(to).dataset == d) {
                to++;
            }
            List<ImageRef> part = refs.subList(from, to);
            LabelledImages data = datasets.get(d);
            INDArray batch = read(data, part);
            work.accept(part, Layouts.convert(batch, data.input(), engine.input(), data.name(), modelName)
                    .castTo(engine.dataType()));
            from = to;
            progress.update(task, from, refs.size());
        }
    }

    /** The images of one data set, contiguous runs read at once. */
    private static INDArray read(LabelledImages data, List<ImageRef> part) {
        return runs(data.images(), part);
    }

    /** The object masks of the images, {@code [image][height × width]}, read once for every layer. */
    private static float[][] masks(LabelledImages data, List<ImageRef> part) {
        INDArray all = runs(data.masks(), part);
        return all.reshape('c', part.size(), all.length() / part.size()).toFloatMatrix();
    }

    private static INDArray runs(dev.glassbox.data.ImageBatches batches, List<ImageRef> part) {
        List<INDArray> pieces = new ArrayList<>();
        int i = 0;
        while (i < part.size()) {
            int j = i + 1;
            while (j < part.size() && part.get(j).index == part.get(j - 1).index + 1) {
                j++;
            }
            pieces.add(batches.read(part.get(i).index, part.get(j - 1).index + 1).castTo(DataType.FLOAT));
            i = j;
        }
        INDArray out = pieces.size() == 1 ? pieces.get(0) : Nd4j.concat(0, pieces.toArray(INDArray[]::new));
        return out.dup('c');
    }

    // ---------------------------------------------------------------------------------------------------------
    // Pictures

    /** Every group's picture, layer by layer, then every class's, in one batch. */
    private List<FeatureVisualizer.Picture> optimize(LabelledImages data, List<LayerScan> scans) {
        List<Objective> objectives = new ArrayList<>();
        for (LayerScan scan : scans) {
            for (int g = 0; g < scan.groups(); g++) {
                objectives.add(Objective.direction(scan.layer, scan.direction(g), Objective.Measure.DOT));
            }
        }
        for (int k = 0; k < engine.classes(); k++) {
            objectives.add(Objective.classLogit(k));
        }
        InputSpec in = engine.input();
        var visualizer = new FeatureVisualizer(engine, data.channelRanges());
        return visualizer.optimize(objectives, FeatureVisualizer.Settings.of(settings.steps(), settings.seed(),
                in.height(), in.width()), (what, done, total) -> progress.update("Drawing " + objectives.size()
                + " neuron and class pictures for " + modelName, done, total));
    }

    private String putPicture(String name, float[] pixels) {
        return pictures.image(name, pixels, engine.input());
    }

    /** A group's strongest images with its activation drawn over them. */
    private List<dev.glassbox.featurevis.GroupExample> examples(LayerScan scan, int group, List<LabelledImages> datasets) {
        List<dev.glassbox.featurevis.GroupExample> out = new ArrayList<>();
        List<LayerScan.Top> top = scan.top(group);
        for (int j = 0; j < top.size(); j++) {
            LayerScan.Top t = top.get(j);
            LabelledImages data = datasets.get(t.ref().dataset);
            float[] pixels = data.pixels(new int[] {t.ref().index})[0];
            InputSpec in = data.input();
            String picture = pictures.overlay(folder(scan.layer) + "/g" + (group + 1) + "-e" + (j + 1) + ".png",
                    pixels, in, scan.upsample(t.map(), in.height(), in.width()));
            out.add(new dev.glassbox.featurevis.GroupExample(data.name(), data.files().get(t.ref().index),
                    data.classes().get(data.label(t.ref().index)), picture, t.score()));
        }
        return out;
    }

    private String folder(String layer) {
        return "neurons/m" + modelIndex + "/" + ImageStore.slug(layer);
    }

    static int[] shuffled(int n, Random random) {
        List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, n).boxed().toList());
        java.util.Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
