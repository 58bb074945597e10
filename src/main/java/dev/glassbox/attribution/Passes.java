package dev.glassbox.attribution;

import dev.glassbox.model.BackwardRule;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.TargetGradient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Runs large batches (IG steps, noise samples, occlusion windows, masks) through the engine in chunks: one big
 * pass is fastest per row, but memory grows with it.
 */
final class Passes {

    /** Most rows in one forward and backward pass. */
    static final int CHUNK = 256;

    private Passes() {}

    /** d(target logit)/d(input), with a changed chain rule where {@code rule} says. */
    static INDArray inputGradient(GradientEngine engine, INDArray x, int[] targets, BackwardRule rule) {
        return chunked(x, targets, (part, t) -> engine.differentiate(part, null,
                logits -> engine.targetEpsilon(t, part.size(0)), rule, List.of(), List.of()).gradients().input());
    }

    static INDArray logits(GradientEngine engine, INDArray x) {
        return chunked(x, new int[(int) x.size(0)], (part, t) -> engine.logits(part));
    }

    /** Activations of {@code layer} and d(target logit)/d(those activations), chunk by chunk. */
    static INDArray[] layerGradient(GradientEngine engine, INDArray x, int[] targets, String layer) {
        List<INDArray> acts = new ArrayList<>();
        List<INDArray> grads = new ArrayList<>();
        chunked(x, targets, (part, t) -> {
            TargetGradient g = engine.layerGradientOnly(part, t, layer);
            acts.add(g.activations());
            grads.add(g.layerGradient());
            return g.logits();
        });
        return new INDArray[] {concat(acts), concat(grads)};
    }

    private static INDArray chunked(INDArray x, int[] targets, BiFunction<INDArray, int[], INDArray> pass) {
        long n = x.size(0);
        if (n <= CHUNK) {
            return pass.apply(x, targets);
        }
        List<INDArray> parts = new ArrayList<>();
        for (long from = 0; from < n; from += CHUNK) {
            long to = Math.min(n, from + CHUNK);
            INDArray part = rows(x, from, to);
            int[] t = java.util.Arrays.copyOfRange(targets, (int) from, (int) to);
            parts.add(pass.apply(part, t));
        }
        return concat(parts);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of a batch, as their own array. */
    static INDArray rows(INDArray x, long from, long to) {
        org.nd4j.linalg.indexing.INDArrayIndex[] idx = new org.nd4j.linalg.indexing.INDArrayIndex[x.rank()];
        idx[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < idx.length; i++) {
            idx[i] = NDArrayIndex.all();
        }
        return x.get(idx).dup('c');
    }

    private static INDArray concat(List<INDArray> parts) {
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }
}
