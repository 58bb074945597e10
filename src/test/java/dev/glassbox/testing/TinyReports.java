package dev.glassbox.testing;

import dev.glassbox.Progress;
import dev.glassbox.checks.CheckChart;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.checks.Evidence;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.LoadedModel;
import dev.glassbox.model.ModelFormat;
import dev.glassbox.featurevis.ClassPicture;
import dev.glassbox.featurevis.ClassReliance;
import dev.glassbox.featurevis.GroupExample;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.featurevis.LayerGroups;
import dev.glassbox.report.ModelReport;
import dev.glassbox.featurevis.NeuronGroup;
import dev.glassbox.featurevis.NeuronReport;
import dev.glassbox.model.ModelUnderTest;
import dev.glassbox.report.Report;
import dev.glassbox.report.Verdict;
import dev.glassbox.battery.Battery;
import dev.glassbox.battery.RunPlan;
import dev.glassbox.report.RunInfo;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small seeded models and random labelled images for report tests: quick to build, the same every run. */
public final class TinyReports {

    public static final InputSpec INPUT = InputSpec.image(InputLayout.NCHW, 3, 8, 8);
    public static final Instant WHEN = Instant.ofEpochSecond(1_767_225_600L); // 2026-01-01T00:00:00Z

    private TinyReports() {}

    /** conv 3x3 → max pool → dense → softmax over 3 classes, NCHW 3x8x8. */
    public static MultiLayerNetwork net(long seed) {
        return net(seed, 3);
    }

    /** The same design scoring {@code classes} classes. */
    public static MultiLayerNetwork net(long seed, int classes) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).updater(new Sgd(0.1))
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 3))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    public static ModelUnderTest model(String name, long seed) {
        Path file = Path.of(name + ".zip");
        LoadedModel loaded = new LoadedModel(file, ModelFormat.DL4J_ZIP, net(seed), INPUT);
        return new ModelUnderTest(name, file, GradientEngine.create(loaded));
    }

    /** {@code n} seeded random images in [0, 1] with labels cycling over the classes. */
    public static LabelledImages images(String name, List<String> classes, int n, long seed) {
        INDArray x = Nd4j.getRandomFactory().getNewRandomInstance(seed).nextFloat(new long[] {n, 3, 8, 8})
                .castTo(DataType.FLOAT);
        int[] labels = IntStream.range(0, n).map(i -> i % classes.size()).toArray();
        List<String> files = IntStream.range(0, n).mapToObj(i -> "img-" + i + ".png").toList();
        return LabelledImages.inMemory(name, classes, INPUT, x, labels, files, PixelRange.UNIT);
    }

    public static Report build(ImageStore store, List<ModelUnderTest> models, List<LabelledImages> data) {
        return new Battery(RunPlan.basic("Tiny report", WHEN, 16, 2)).run(models, data, store, Progress.NONE);
    }

    /** The report of two models compared, so the second also explains the first's mistakes (the compare page's). */
    public static Report buildCompared(ImageStore store, List<ModelUnderTest> models, List<LabelledImages> data) {
        RunPlan basic = RunPlan.basic("Tiny report", WHEN, 16, 2);
        RunPlan plan = new RunPlan(basic.title(), WHEN, basic.batchSize(), basic.samplesPerClass(),
                basic.pictureSize(), basic.seed(), basic.methods(), basic.checks(), basic.neurons(),
                new RunInfo(0, null, null, true), basic.diagnosis());
        return new Battery(plan).run(models, data, store, Progress.NONE);
    }

    /** A config whose name and text try to inject markup, as a run that compared two models. */
    public static final RunInfo HOSTILE_RUN = new RunInfo(42, "battery <script>.yaml",
            "title: <script>alert(1)</script>\nmodel: \"quotes\" & ampersands.zip\ncompare: two.zip\n", true);

    /** The report with these check results (until the battery runs in tests), its verdict taken from them. */
    public static Report withChecks(Report report, List<CheckResult> results, RunInfo run) {
        Verdict verdict = Verdict.of(results);
        return new Report(report.title(), report.generatedAt(), verdict,
                "Hand-made check results: the verdict is " + verdict + ".", report.models(), report.datasets(),
                report.timings(), report.versions(), report.introduction(), results, run);
    }

    /**
     * Check results for the first two models of {@code report} on its first data set: every status, hostile
     * findings and captions, evidence pictures from the gallery, charts with a dashed reference, a sanity failure of
     * the gallery's first method for the first model only, and a class whose status differs between the models.
     */
    public static List<CheckResult> hostileChecks(Report report) {
        String a = report.models().get(0).name();
        String b = report.models().get(1).name();
        String data = report.datasets().get(0).name();
        List<String> classes = report.datasets().get(0).classes();
        var sample = report.models().get(0).gallery().get(0);
        String method = sample.maps().get(0).method();
        List<Evidence> pictures = List.of(
                new Evidence(sample.picture(), "The image <script>alert(1)</script> as it was shown."),
                new Evidence(sample.maps().get(0).picture(), "Where it looked: \"quotes\" & ampersands."));
        CheckChart reliability = new CheckChart("Reliability <b>diagram</b>", "confidence", "accuracy",
                List.of(new CheckChart.Series("model", new double[] {0.1, 0.5, 0.9}, new double[] {0.2, 0.4, 0.6},
                                false),
                        new CheckChart.Series("perfect & <i>calibration</i>", new double[] {0, 1},
                                new double[] {0, 1}, true)),
                "Points below the dashed line are over-confident.");
        CheckChart deletion = new CheckChart("Deletion", "share of pixels deleted", "confidence",
                List.of(new CheckChart.Series("by attribution", new double[] {0, 0.5, 1}, new double[] {0.9, 0.3, 0.1},
                                false),
                        new CheckChart.Series("random order", new double[] {0, 0.5, 1}, new double[] {0.9, 0.6, 0.1},
                                true)),
                "The lower the solid line, the better the pictures mark what matters.");
        return List.of(
                new CheckResult("accuracy", a, data, null, null, CheckStatus.FAIL, 0.4, 0.9,
                        a + " got 40% of <script>alert(1)</script> right, below the 90% minimum: retrain.",
                        List.of(), Map.of("interval-low", 0.3), List.of()),
                new CheckResult("class-recall", a, data, classes.get(0), null, CheckStatus.WARN, 0.81, 0.8,
                        "It finds 81% of \"quotes\" & ampersands, close to the minimum.", pictures, Map.of(),
                        List.of()),
                new CheckResult("calibration", a, data, null, null, CheckStatus.PASS, 0.03, 0.05,
                        "Its confidence can be taken at its word.", List.of(), Map.of(), List.of(reliability)),
                new CheckResult("focus", a, data, null, null, CheckStatus.SKIPPED, null, null,
                        "Skipped: the data set has no masks.", List.of(), Map.of(), List.of()),
                new CheckResult("interventions", a, data, classes.get(1), null, CheckStatus.ERROR, null, 0.2,
                        "The check broke on <img src=x onerror=alert(1)>.", List.of(), Map.of(), List.of()),
                new CheckResult("sanity", a, null, null, method, CheckStatus.FAIL, 0.93, 0.5,
                        "The " + method + " pictures barely change when the layers are random: do not trust them.",
                        List.of(pictures.get(1)), Map.of("top-layer", 0.95), List.of()),
                new CheckResult("faithfulness", a, data, null, method, CheckStatus.WARN, 0.02, 0.05,
                        "Deleting the marked pixels first beats random order by only 0.02.", List.of(), Map.of(),
                        List.of(deletion)),
                new CheckResult("accuracy", b, data, null, null, CheckStatus.PASS, 0.95, 0.9,
                        b + " got 95% right.", List.of(), Map.of(), List.of()),
                new CheckResult("class-recall", b, data, classes.get(0), null, CheckStatus.PASS, 0.9, 0.8,
                        "It finds 90% of them.", List.of(), Map.of(), List.of()),
                new CheckResult("calibration", b, data, null, null, CheckStatus.PASS, 0.02, 0.05,
                        "Its confidence can be taken at its word.", List.of(), Map.of(), List.of(reliability)),
                new CheckResult("sanity", b, null, null, method, CheckStatus.PASS, 0.1, 0.5,
                        "The " + method + " pictures change with the model.", List.of(), Map.of(), List.of()));
    }

    /** The first of two layers whose names try to inject markup and come out as the same file-safe slug. */
    public static final String HOSTILE_LAYER = "conv<1>/\"x\"";
    /** The second, whose slug collides with the first's. */
    public static final String COLLIDING_LAYER = "conv(1) x";
    /** A picture path the hostile neuron report names but never writes. */
    public static final String MISSING_PICTURE = "img/neurons/m0/not-there.png";

    /** The report with {@code neurons} as the analysis of its model {@code model}. */
    public static Report withNeurons(Report report, int model, NeuronReport neurons) {
        List<ModelReport> models = new ArrayList<>(report.models());
        models.set(model, models.get(model).withNeurons(neurons));
        return new Report(report.title(), report.generatedAt(), report.verdict(), report.verdictNote(), models,
                report.datasets(), report.timings(), report.versions(), report.introduction(), report.checks(),
                report.run());
    }

    /**
     * A neuron analysis over {@code classes} (of data set {@code dataset}) with markup in its layer names, captions
     * and notes, pictures written through {@code store} (the class pictures twice as wide as high), and the figures
     * that are not numbers: a class whose score stays below zero on every image, a group never active on a real
     * image, groups without object masks. The first layer's first group lies 72% off the objects (a shortcut hint);
     * the second layer's name makes the same file-safe slug as the first's, and its one group has no examples, no
     * classes, and a picture that is not in the store.
     */
    public static NeuronReport hostileNeurons(ImageStore store, String dataset, List<String> classes) {
        List<ClassPicture> pictures = new ArrayList<>();
        double[][] figures = {{9, 5}, {3, -1}, {2, 4}};
        for (int c = 0; c < classes.size(); c++) {
            double[] f = figures[c % figures.length];
            pictures.add(new ClassPicture(classes.get(c), store.put("neurons/m0/class-" + c + ".png",
                    picture(32, 16, c)), f[0], f[1]));
        }
        List<GroupExample> examples = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            examples.add(new GroupExample(dataset, "img-" + k + " <b>.png", classes.get(k % classes.size()),
                    store.put("neurons/m0/l0/g1-e" + k + ".png", picture(16, 16, k)), 2.5 - 0.1 * k));
        }
        List<ClassReliance> reliance = new ArrayList<>();
        double[] shares = {0.41, -0.12, 0.05};
        for (int c = 0; c < classes.size(); c++) {
            reliance.add(new ClassReliance(classes.get(c), 2 * shares[c % shares.length], shares[c % shares.length]));
        }
        NeuronGroup shortcut = new NeuronGroup(1, store.put("neurons/m0/l0/g1.png", picture(16, 16, 1)), 4.5, 2.5,
                "Fires on <b>yellow</b> corners & edges of <script>alert(1)</script>.",
                List.of("It is <b>3.1×</b> as active on stars & squares.", "<img src=x onerror=alert(1)>"), 0.72,
                List.of(4, 17, 9), examples, reliance);
        NeuronGroup silent = new NeuronGroup(2, store.put("neurons/m0/l0/g2.png", picture(16, 16, 2)), 1, 0,
                "Never fires on real images & <i>never</i> matters.", List.of(), Double.NaN, List.of(2),
                examples.subList(0, 2), List.of(new ClassReliance(classes.get(0), -0.01, -0.03)));
        NeuronGroup unseen = new NeuronGroup(1, MISSING_PICTURE, 0.5, 2, "A group whose picture went missing.",
                List.of("Its picture is not in the report."), 0.1, List.of(), List.of(), List.of());
        return new NeuronReport(64, pictures, List.of(
                new LayerGroups(HOSTILE_LAYER, "[4, 6, 6]", 4, 30, 1080, 0.743, List.of(shortcut, silent)),
                new LayerGroups(COLLIDING_LAYER, "[8]", 8, 30, 30, Double.NaN, List.of(unseen))));
    }

    /** A small picture with a colour of its own. */
    /**
     * A folder of random 8×8 RGB pictures, {@code perClass} in a subfolder per class ({@code apple0.png}, ...), and,
     * when {@code masks} is not null, a mask per picture there (the middle 4×4 pixels).
     */
    public static void writePictures(java.nio.file.Path images, java.nio.file.Path masks, List<String> classes,
                                     int perClass, long seed) throws java.io.IOException {
        java.util.Random random = new java.util.Random(seed);
        for (String c : classes) {
            java.nio.file.Files.createDirectories(images.resolve(c));
            if (masks != null) {
                java.nio.file.Files.createDirectories(masks.resolve(c));
            }
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                BufferedImage mask = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        image.setRGB(x, y, random.nextInt(1 << 24));
                        mask.getRaster().setSample(x, y, 0, x >= 2 && x < 6 && y >= 2 && y < 6 ? 255 : 0);
                    }
                }
                javax.imageio.ImageIO.write(image, "png", images.resolve(c).resolve(c + i + ".png").toFile());
                if (masks != null) {
                    javax.imageio.ImageIO.write(mask, "png", masks.resolve(c).resolve(c + i + ".png").toFile());
                }
            }
        }
    }

    private static BufferedImage picture(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (seed * 40 + x * 8) % 256 << 16 | (y * 12) % 256 << 8 | 128);
            }
        }
        return image;
    }
}
