package dev.glassbox.attribution;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Moves batches between ND4J and plain row-major {@code double[]}, where per-element work is clearer. */
final class Tensors {

    private Tensors() {}

    /**
     * The values in row-major order. A float or double array that owns its buffer is read straight from it; anything
     * else is copied first. (Casting every batch to a new double array, then copying it, was a sixth of Grad-CAM's
     * time on a CIFAR CNN.)
     */
    static double[] values(INDArray a) {
        boolean whole = a.ordering() == 'c' && !a.isView() && a.offset() == 0 && a.data().length() == a.length();
        if (whole && a.dataType() == DataType.DOUBLE) {
            return a.data().asDouble();
        }
        if (whole && a.dataType() == DataType.FLOAT) {
            float[] f = a.data().asFloat();
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
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
