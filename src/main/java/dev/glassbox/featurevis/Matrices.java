package dev.glassbox.featurevis;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Products of one matrix with every matrix of a stack, as single matrix multiplications. */
final class Matrices {

    private Matrices() {
    }

    /** {@code out[n] = left · x[n]}: {@code left [c, a]}, {@code x [N, a, b]} → {@code [N, c, b]}. */
    static INDArray left(INDArray left, INDArray x) {
        long n = x.size(0);
        long a = x.size(1);
        long b = x.size(2);
        INDArray stacked = x.permute(1, 0, 2).dup('c').reshape('c', a, n * b);
        return left.mmul(stacked).reshape('c', left.size(0), n, b).permute(1, 0, 2).dup('c');
    }

    /** {@code out[n] = x[n] · right}: {@code x [N, a, b]}, {@code right [b, c]} → {@code [N, a, c]}. */
    static INDArray right(INDArray x, INDArray right) {
        long n = x.size(0);
        long a = x.size(1);
        return x.dup('c').reshape('c', n * a, x.size(2)).mmul(right).reshape('c', n, a, right.size(1));
    }
}
