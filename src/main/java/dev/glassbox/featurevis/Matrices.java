package dev.glassbox.featurevis;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Small matrix work for neuron groups: products with every matrix of a stack, and a ridged inverse. */
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

    /**
     * The inverse of the groups' small Gram matrix with a tiny ridge, by Gauss-Jordan elimination with partial
     * pivoting: ND4J's {@code matrix_inverse} refuses the near-singular matrices that groups without activations give.
     */
    static INDArray ridgeInverse(INDArray m) {
        int n = m.rows();
        double[][] a = new double[n][2 * n];
        double[][] values = m.toDoubleMatrix();
        for (int i = 0; i < n; i++) {
            System.arraycopy(values[i], 0, a[i], 0, n);
            a[i][i] += 1e-6;
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double d = a[col][col];
            for (int k = 0; k < 2 * n; k++) {
                a[col][k] /= d;
            }
            for (int r = 0; r < n; r++) {
                double f = a[r][col];
                if (r != col && f != 0) {
                    for (int k = 0; k < 2 * n; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inverse[i], 0, n);
        }
        return org.nd4j.linalg.factory.Nd4j.create(inverse);
    }
}
