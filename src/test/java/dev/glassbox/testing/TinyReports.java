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
import dev.glassbox.report.ImageStore;
import dev.glassbox.report.LabelledImages;
import dev.glassbox.report.ModelUnderTest;
import dev.glassbox.report.Report;
import dev.glassbox.report.ReportBuilder;
import dev.glassbox.report.ReportSettings;
import dev.glassbox.report.RunInfo;
import java.nio.file.Path;
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
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).updater(new Sgd(0.1))
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
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
        ReportSettings settings = new ReportSettings(16, 2, 160, WHEN);
        return new ReportBuilder(settings).build("Tiny report", models, data, store, Progress.NONE);
    }

    /** A config whose name and text try to inject markup, as a run that compared two models. */
    public static final RunInfo HOSTILE_RUN = new RunInfo(42, "battery <script>.yaml",
            "title: <script>alert(1)</script>\nmodel: \"quotes\" & ampersands.zip\ncompare: two.zip\n", true);

    /** The report with these check results (until the battery runs in tests), its verdict taken from them. */
    public static Report withChecks(Report report, List<CheckResult> results, RunInfo run) {
        String verdict = Report.verdictOf(results);
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
}
