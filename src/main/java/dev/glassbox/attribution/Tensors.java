package dev.glassbox.attribution;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Moves batches between ND4J and plain row-major {@code double[]}, where per-element work is clearer. */
final class Tensors {

    private Tensors() {}

    static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    static INDArray array(double[] values, long[] shape, DataType type) {
        return Nd4j.create(values, shape, 'c').castTo(type);
    }

    /** The shape of {@code rows} examples of the batch {@code like}. */
    static long[] rows(INDArray like, long rows) {
        long[] s = like.shape().clone();
        s[0] = rows;
        return s;
    }

    static long exampleSize(INDArray batch) {
        return batch.length() / batch.size(0);
    }

    static void requireTargets(INDArray inputs, int[] targets) {
        if (targets.length != inputs.size(0)) {
            throw new IllegalArgumentException(targets.length + " targets for a batch of " + inputs.size(0)
                    + " (shape " + Arrays.toString(inputs.shape()) + ")");
        }
    }
}
