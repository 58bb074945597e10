package dev.glassbox.attribution;

import dev.glassbox.model.BackwardRule;
import dev.glassbox.model.GradientEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Runs large batches (IG steps, noise samples, occlusion windows, masks) through the engine in chunks of the rows
 * its memory budget allows ({@link GradientEngine#passSizes()}): one big pass is fastest per row, but memory grows
 * with it.
 */
final class Passes {

    private Passes() {}

    /** Rows per forward and backward pass. */
    static int gradientRows(GradientEngine engine) {
        return engine.passSizes().gradientRows();
    }

    /** Rows per forward pass. */
    static int forwardRows(GradientEngine engine) {
        return engine.passSizes().forwardRows();
    }

    /** d(target logit)/d(input), with a changed chain rule where {@code rule} says. */
    static INDArray inputGradient(GradientEngine engine, INDArray x, int[] targets, BackwardRule rule) {
        return chunked(x, targets, gradientRows(engine), (part, t) -> engine.differentiate(part, null,
                logits -> engine.targetEpsilon(t, part.size(0)), rule, List.of(), List.of()).gradients().input());
    }

    static INDArray logits(GradientEngine engine, INDArray x) {
        return engine.logits(x);
    }

    private static INDArray chunked(INDArray x, int[] targets, int chunk,
                                    BiFunction<INDArray, int[], INDArray> pass) {
        long n = x.size(0);
        chunk = dev.glassbox.model.Chunks.balanced(n, chunk);
        if (n <= chunk) {
            return pass.apply(x, targets);
        }
        List<INDArray> parts = new ArrayList<>();
        for (long from = 0; from < n; from += chunk) {
            long to = Math.min(n, from + chunk);
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
