package dev.glassbox.attribution;

import dev.glassbox.model.BackwardRule;
import dev.glassbox.model.GradientEngine;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Runs large batches (IG steps, noise samples, occlusion windows, masks) through the engine, which splits them into
 * passes within its memory budget ({@link GradientEngine#passSizes()}): one big pass is fastest per row, but memory
 * grows with it. Methods that build their batches lazily build them in chunks of these rows.
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
        return engine.inputGradient(x, targets, rule);
    }

    static INDArray logits(GradientEngine engine, INDArray x) {
        return engine.logits(x);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of a batch, as their own array. */
    static INDArray rows(INDArray x, long from, long to) {
        INDArrayIndex[] idx = new INDArrayIndex[x.rank()];
        idx[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < idx.length; i++) {
            idx[i] = NDArrayIndex.all();
        }
        return x.get(idx).dup('c');
    }
}
