package dev.glassbox.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.GlassboxException;
import dev.glassbox.testing.TinyNets;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class GradientEngineTest {

    @Test
    void multiLayerNetworkGradientsAgreeWithFiniteDifferences() {
        LoadedModel model = TinyNets.loaded(TinyNets.convNet(DataType.FLOAT), TinyNets.convNetInput());
        GradientCheck.Result r = new GradientCheck(model, 1, 3, 10, 1e-4).run();
        assertTrue(r.passed(), () -> r.sites().toString());
        assertEquals(5, r.sites().size(), "input + conv, relu, pool, dense (the output is not checked)");
        assertTrue(r.points() >= 40, "points compared: " + r.points());
    }

    @Test
    void residualGraphWithBatchNormAndLiveDropoutAgreesWithFiniteDifferences() {
        LoadedModel model = TinyNets.loaded(TinyNets.residualNet(DataType.DOUBLE), TinyNets.residualNetInput());
        GradientCheck.Result r = new GradientCheck(model, 2, 3, 10, 1e-4).run();
        assertTrue(r.passed(), () -> r.sites().toString());
        assertTrue(r.sites().stream().anyMatch(s -> s.name().equals("bn1") && s.points() > 0));
        assertTrue(r.sites().stream().anyMatch(s -> s.name().equals("add") && s.points() > 0));
    }

    @Test
    void theCheckFailsWhenAGradientIsWrong() {
        // Negative control: scaling the gradient that flows through conv2 by 1.01 must be caught upstream of it.
        LoadedModel model = TinyNets.loaded(TinyNets.residualNet(DataType.DOUBLE), TinyNets.residualNetInput());
        GradientCheck.Result r = new GradientCheck(model, 2, 3, 10, 1e-4)
                .withRule((layer, eps) -> layer.name().equals("conv2") ? eps.mul(1.01) : eps)
                .run();
        assertFalse(r.passed());
        assertTrue(r.maxRelativeError() > 1e-3, "error " + r.maxRelativeError());
        GradientCheck.Site downstream = r.sites().stream().filter(s -> s.name().equals("add")).findFirst().orElseThrow();
        assertTrue(downstream.maxRelativeError() < 1e-4, "layers after conv2 are still right: " + downstream);
    }

    @Test
    void logitsAreThePreSoftmaxScoresAndProbabilitiesMatchTheModel() {
        ComputationGraph net = TinyNets.residualNet(DataType.DOUBLE);
        GradientEngine engine = GradientEngine.create(TinyNets.loaded(net, TinyNets.residualNetInput()),
                DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 3, 6, 6);
        INDArray expected = net.outputSingle(false, x);
        INDArray logits = engine.logits(x);
        assertTrue(engine.hasSoftmaxHead());
        assertTrue(Transforms.softmax(logits, true).equalsWithEps(expected, 1e-10));
        assertTrue(engine.probabilities(x).equalsWithEps(expected, 1e-10));
        assertFalse(logits.equalsWithEps(expected, 1e-3), "logits are not the probabilities");
    }

    @Test
    void aSoftmaxFollowedByDropoutIsStillFoundAndRemoved() {
        var conf = new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .list()
                .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(4).nOut(3)
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
                .layer(new org.deeplearning4j.nn.conf.layers.DropoutLayer.Builder(0.5).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        GradientEngine engine = GradientEngine.create(TinyNets.loaded(net, InputSpec.vector(4)), DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 4);
        assertTrue(engine.hasSoftmaxHead());
        INDArray logits = engine.logits(x);
        assertTrue(Transforms.softmax(logits, true).equalsWithEps(net.output(x, false), 1e-10));
        assertFalse(logits.equalsWithEps(net.output(x, false), 1e-3));
    }

    @Test
    void layerActivationsBeforeASeparateReluKeepTheirNegativeValues() {
        MultiLayerNetwork net = TinyNets.convNet(DataType.DOUBLE);
        GradientEngine engine = GradientEngine.create(TinyNets.loaded(net, TinyNets.convNetInput()), DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 8, 8).subi(0.5);
        INDArray preRelu = net.feedForwardToLayer(0, x).get(1);
        // DL4J's own feedForward shows the trap: the conv output comes back already clipped by the next layer.
        INDArray dl4j = net.feedForward(x, false).get(1);
        assertTrue(dl4j.minNumber().doubleValue() >= 0, "DL4J M2.1 overwrites it (if this fails, DL4J fixed it)");

        INDArray ours = engine.activations(x, "conv");
        assertTrue(ours.minNumber().doubleValue() < 0);
        assertTrue(ours.equalsWithEps(preRelu, 1e-12));
        TargetGradient g = engine.layerGradient(x, new int[] {0, 1, 3}, "conv");
        assertTrue(g.activations().equalsWithEps(preRelu, 1e-12), "also when gradients are asked for");
        assertTrue(engine.activations(x, "relu").equalsWithEps(Transforms.relu(preRelu, true), 1e-12));
    }

    @Test
    void theObjectiveGradientAtALayerAgreesWithFiniteDifferences() {
        LoadedModel model = TinyNets.loaded(TinyNets.residualNet(DataType.DOUBLE), TinyNets.residualNetInput());
        GradientEngine engine = GradientEngine.create(model, DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 3, 6, 6);
        INDArray w = Nd4j.rand(DataType.DOUBLE, 1, 4, 6, 6).subi(0.5);
        ObjectiveGradient g = engine.objectiveGradient(x, "add", a -> w);
        double h = 1e-6;
        for (int i : new int[] {0, 17, 40, 77, 101}) {
            INDArray plus = x.dup();
            plus.reshape(1, -1).putScalar(0, i, x.reshape(1, -1).getDouble(0, i) + h);
            INDArray minus = x.dup();
            minus.reshape(1, -1).putScalar(0, i, x.reshape(1, -1).getDouble(0, i) - h);
            double fp = engine.activations(plus, "add").mul(w).sumNumber().doubleValue();
            double fm = engine.activations(minus, "add").mul(w).sumNumber().doubleValue();
            double numeric = (fp - fm) / (2 * h);
            double analytic = g.input().reshape(1, -1).getDouble(0, i);
            assertEquals(numeric, analytic, 1e-6 + 1e-5 * Math.abs(numeric), "input value " + i);
        }
    }

    @Test
    void theLayerOnlyGradientEqualsTheFullOne() {
        GradientEngine engine = GradientEngine.create(
                TinyNets.loaded(TinyNets.residualNet(DataType.DOUBLE), TinyNets.residualNetInput()), DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 3, 6, 6);
        int[] targets = {1, 0, 2};
        TargetGradient full = engine.layerGradient(x, targets, "act1");
        TargetGradient only = engine.layerGradientOnly(x, targets, "act1");
        assertTrue(only.input() == null);
        assertTrue(only.activations().equalsWithEps(full.activations(), 1e-12));
        assertTrue(only.layerGradient().equalsWithEps(full.layerGradient(), 1e-12));
    }

    /**
     * A reduction of the layer's activations and gradient made inside each pass gives what the same reduction of the
     * copied-out arrays gives, chunk by chunk where the budget splits the batch.
     */
    @Test
    void aLayerGradientReducedInsideThePassEqualsOneReducedOutside() {
        var model = TinyNets.loaded(TinyNets.residualNet(DataType.DOUBLE), TinyNets.residualNetInput());
        GradientEngine small = GradientEngine.create(model, DataType.DOUBLE, new MemoryBudget(MemoryBudget.MINIMUM));
        int n = small.passSizes().gradientRows() + 5; // two passes at this budget
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.DOUBLE, n, 3, 6, 6);
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            targets[i] = i % 3;
        }
        java.util.function.BinaryOperator<INDArray> reduce = (a, g) -> a.mul(g).sum(2, 3);
        TargetGradient outside = small.layerGradientOnly(x, targets, "act1");
        INDArray expected = reduce.apply(outside.activations(), outside.layerGradient());
        INDArray inside = small.reducedLayerGradient(x, targets, "act1", reduce);
        assertTrue(java.util.Arrays.equals(expected.shape(), inside.shape()));
        assertTrue(inside.equalsWithEps(expected, 1e-12));
    }

    @Test
    void batchGradientsEqualOneByOne() {
        GradientEngine engine = GradientEngine.create(
                TinyNets.loaded(TinyNets.residualNet(DataType.DOUBLE), TinyNets.residualNetInput()), DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 3, 6, 6);
        int[] targets = {2, 0, 1};
        INDArray batch = engine.inputGradient(x, targets).input();
        for (int i = 0; i < 3; i++) {
            INDArray one = engine.inputGradient(GradientCheck.row(x, i), new int[] {targets[i]}).input();
            assertTrue(one.equalsWithEps(GradientCheck.row(batch, i), 1e-12), "example " + i);
        }
    }

    @Test
    void theUsersModelIsNeverChanged() {
        ComputationGraph net = TinyNets.residualNet(DataType.FLOAT);
        INDArray params = net.params().dup();
        String conf = net.getConfiguration().toJson();
        GradientEngine engine = GradientEngine.create(TinyNets.loaded(net, TinyNets.residualNetInput()));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 6, 6);
        engine.layerGradient(x, new int[] {0, 1}, "bn1");
        engine.objectiveGradient(x, "conv2", a -> a);
        assertEquals(params, net.params());
        assertEquals(conf, net.getConfiguration().toJson());
    }

    @Test
    void unknownLayersAndTargetsAreClearUsageErrors() {
        GradientEngine engine = GradientEngine.create(
                TinyNets.loaded(TinyNets.convNet(DataType.FLOAT), TinyNets.convNetInput()));
        GlassboxException layer = assertThrows(GlassboxException.class,
                () -> engine.activations(Nd4j.rand(DataType.FLOAT, 1, 2, 8, 8), "conv9"));
        assertEquals(2, layer.exitCode());
        assertTrue(layer.getMessage().contains("conv, relu, pool, dense, out"), layer.getMessage());
        GlassboxException target = assertThrows(GlassboxException.class, () -> engine.targetEpsilon(new int[] {4}, 1));
        assertTrue(target.getMessage().contains("4 classes"), target.getMessage());
        assertEquals(List.of("conv", "relu", "pool"), engine.spatialLayers().stream().map(LayerInfo::name).toList());
    }
}
