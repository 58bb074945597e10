package dev.glassbox.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Randomized copies of a network for the sanity checks (Adebayo et al. 2018): which layers have learned parameters,
 * from the output down, and redrawing them at random.
 */
final class RandomizedLayers {

    /**
     * The parameters a model learns and {@link #redraw} replaces: weights, biases and batch normalization's scale and
     * shift (its running statistics are measurements, not learned, and stay).
     */
    private static final Set<String> LEARNED = Set.of("W", "b", "gamma", "beta", "pW", "dW");

    private RandomizedLayers() {}

    /**
     * Layers with learned parameters, from the output down: the order in which a cascading randomization replaces
     * them.
     */
    static List<String> learnedTopDown(ComputationGraph graph) {
        var vertices = graph.getVertices();
        int[] order = graph.topologicalSortOrder();
        List<String> names = new ArrayList<>();
        for (int i = order.length - 1; i >= 0; i--) {
            var v = vertices[order[i]];
            if (v.hasLayer() && v.getLayer().paramTable().keySet().stream().anyMatch(LEARNED::contains)) {
                names.add(v.getVertexName());
            }
        }
        return names;
    }

    /**
     * Redraws the named layers' learned parameters in place: normal, with mean 0 and each array's own standard
     * deviation, so the scale matches what training left; an array with no spread (biases at zero, a fixed gamma)
     * keeps its values.
     */
    static void redraw(ComputationGraph graph, Collection<String> layerNames, long seed) {
        Random random = new Random(seed);
        for (String name : layerNames) {
            Layer layer = graph.getLayer(name);
            if (layer == null) {
                throw new IllegalArgumentException("no layer '" + name + "'");
            }
            for (var e : new TreeMap<>(layer.paramTable()).entrySet()) {
                if (!LEARNED.contains(e.getKey())) {
                    continue;
                }
                INDArray values = e.getValue();
                double std = values.stdNumber().doubleValue();
                if (!(std > 0)) {
                    continue;
                }
                double[] drawn = new double[(int) values.length()];
                for (int i = 0; i < drawn.length; i++) {
                    drawn[i] = random.nextGaussian() * std;
                }
                values.assign(Nd4j.create(drawn, values.shape(), values.ordering()).castTo(values.dataType()));
            }
        }
    }
}
