package dev.glassbox.checks;

import static dev.glassbox.checks.CheckContexts.method;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.LoadedModel;
import dev.glassbox.model.ModelFormat;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.model.ModelUnderTest;
import dev.glassbox.testing.TinyReports;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Integrated gradients on a model whose score is {@code tanh(s)}, {@code s} = the sum of the 192 input values / 30
 * (about 3.2 for the random pictures): from the black baseline the score rises and saturates, so the gradient at a
 * few points along the way misses most of the rise. With Gauss-Legendre nodes, one step evaluates the gradient at
 * the midpoint only: the attribution sums to {@code s sech²(s/2)}, against {@code tanh(s)} to share out.
 */
class CompletenessCheckTest {

    private static final double SCALE = 1.0 / 30;
    private static final LabelledImages RANDOM = TinyReports.images("random", List.of("rises", "falls"), 8, 5);
    private static ModelUnderTest model;
    private static ImageStore store;

    private final CompletenessCheck check = new CompletenessCheck();

    @BeforeAll
    static void model() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder().name("sum").nOut(1).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(LinearModels.PIXELS))
                .build());
        net.init();
        net.getLayer(0).setParam("W", Nd4j.zeros(DataType.FLOAT, LinearModels.PIXELS, 1).addi(SCALE));
        net.getLayer(0).setParam("b", Nd4j.zeros(DataType.FLOAT, 1, 1));
        // logits tanh(s) and -tanh(s): every picture is "rises", and its score is tanh(s)
        net.getLayer(1).setParam("W", Nd4j.create(new float[][] {{1, -1}}));
        net.getLayer(1).setParam("b", Nd4j.zeros(DataType.FLOAT, 1, 2));
        Path file = Path.of("saturating.zip");
        model = new ModelUnderTest("saturating", file, GradientEngine.create(new LoadedModel(file,
                ModelFormat.DL4J_ZIP, net, InputSpec.flatImage(3, 8, 8))));
        store = ImageStore.temporary();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private CheckResult run(List<MethodSpec> methods) {
        DatasetRun run = CheckContexts.evaluated(model, RANDOM);
        for (int i = 0; i < run.predictions().size(); i++) {
            assertEquals(0, run.predictions().predicted(i));
        }
        List<CheckResult> results = check.run(CheckContexts.of(model, List.of(run), methods, store),
                CheckContexts.settings(check, Map.of()));
        assertEquals(1, results.size());
        return results.get(0);
    }

    private static MethodSpec ig(int steps) {
        return method("integrated-gradients", Map.of("steps", Integer.toString(steps)));
    }

    @Test
    void passesWithEnoughSteps() {
        CheckResult r = run(List.of(method("saliency"), ig(50)));
        assertEquals(CheckStatus.PASS, r.status(), r.finding());
        assertTrue(r.value() < 1e-4, "relative delta " + r.value());
        assertEquals(0.05, r.threshold());
        assertEquals("integrated-gradients", r.method());
        assertTrue(r.finding().contains("integrated gradients (50 steps) misses"), r.finding());
    }

    @Test
    void oneStepMissesByTheMidpointRule() {
        // the images are all 8 (4 per class, the default sample): the check's figure is Σ|delta| / Σ|f(x) - f(0)|
        double missed = 0;
        double difference = 0;
        for (int i = 0; i < RANDOM.size(); i++) {
            double s = RANDOM.images().read(i, i + 1).sumNumber().doubleValue() * SCALE;
            double sech = 1 / Math.cosh(s / 2);
            missed += Math.abs(s * sech * sech - Math.tanh(s));
            difference += Math.tanh(s);
        }
        double expected = missed / difference; // about 0.52 at s = 3.2
        CheckResult r = run(List.of(ig(1)));
        assertEquals(expected, r.value(), 1e-4);
        assertEquals(CheckStatus.FAIL, r.status(), r.finding()); // above 4 x 0.05
        assertTrue(r.finding().contains("(1 steps)") && r.finding().contains("Raise its steps"), r.finding());
    }

    @Test
    void twoStepsWarn() {
        // two Gauss-Legendre nodes miss by about 0.09 for s near 3.2: above 0.05, below 0.2
        CheckResult r = run(List.of(ig(2)));
        assertEquals(CheckStatus.WARN, r.status(), r.finding());
        assertTrue(r.value() > 0.06 && r.value() < 0.12, "relative delta " + r.value());
    }

    @Test
    void skippedWithoutIntegratedGradients() {
        CheckResult r = run(List.of(method("saliency")));
        assertEquals(CheckStatus.SKIPPED, r.status());
        assertTrue(r.finding().startsWith("Integrated gradients is not among the battery's attribution methods"));
    }
}
