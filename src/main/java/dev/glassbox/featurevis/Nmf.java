package dev.glassbox.featurevis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Non-negative matrix factorization A ≈ WH on the Frobenius loss, to split a layer's activation vectors (rows:
 * sampled (image, position) pairs; columns: channels) into k neuron groups, as in Olah et al. (2018), "The Building
 * Blocks of Interpretability". The solver is HALS, hierarchical alternating least squares (Cichocki &amp; Phan 2009;
 * scikit-learn's "cd" solver): each sweep updates W column by column, then H row by row, each in closed form.
 * It is written here because no small, well-kept Java library has it: ND4J has no NMF and Smile is a large
 * dependency for one method.
 *
 * <p>Arrays are row-major {@code double[]} inside; the products A·Hᵀ, HHᵀ, WᵀA and WᵀW are formed once per sweep,
 * so a sweep costs O(n·m·k + (n + m)·k²). Zeros in A (common after a ReLU) and in W are skipped.
 */
public final class Nmf {

    /** Iterations of {@link #fit(double[][], int, long)}. */
    public static final int DEFAULT_ITERATIONS = 400;
    /** Relative decrease of the error below which {@link #fit(double[][], int, long)} stops. */
    public static final double DEFAULT_TOLERANCE = 1e-5;
    /** Sweeps of {@link #transform(double[], double[][])}. */
    public static final int DEFAULT_TRANSFORM_ITERATIONS = 200;

    private Nmf() {}

    /**
     * A fitted factorization, components ordered by the total of their column of {@code w}, largest first.
     *
     * @param w             n × k: each row's non-negative coefficient on each group
     * @param h             k × m: the group directions over channels, one per row, non-negative with unit L2 norm
     *                      (a component that died in fitting is all zeros in both {@code h} and {@code w})
     * @param relativeError ‖A − WH‖_F / ‖A‖_F (0 when A is all zeros)
     */
    public record Factorization(double[][] w, double[][] h, double relativeError) {

        /** 1 − {@link #relativeError()}: how much of A's Frobenius norm the groups account for. */
        public double explained() {
            return 1 - relativeError;
        }
    }

    /** {@link #fit(double[][], int, long, int, double)} with the default iterations and tolerance. */
    public static Factorization fit(double[][] a, int k, long seed) {
        return fit(a, k, seed, DEFAULT_ITERATIONS, DEFAULT_TOLERANCE);
    }

    /**
     * Factors {@code a} into k groups. W and H start uniform in [0, 2·sqrt(mean(A)/k)) from
     * {@code SplittableRandom(seed)}, so that WH has A's mean on average; the same seed gives a bit-identical result.
     *
     * @param maxIterations at most this many sweeps (W, then H)
     * @param tolerance     stop once a sweep lowers ‖A − WH‖_F by less than this fraction
     * @throws IllegalArgumentException for an empty, ragged, negative or non-finite {@code a}, or k outside
     *                                  [1, min(rows, columns)]
     */
    public static Factorization fit(double[][] a, int k, long seed, int maxIterations, double tolerance) {
        int m = checkMatrix(a, "a", -1);
        int n = a.length;
        if (k < 1) {
            throw new IllegalArgumentException(k + " groups: at least 1");
        }
        if (k > m) {
            throw new IllegalArgumentException(k + " groups for a layer of " + m + " channels: at most " + m);
        }
        if (k > n) {
            throw new IllegalArgumentException(k + " groups from " + n + " sampled activations: at most " + n);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations is " + maxIterations + ": at least 1");
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance is " + tolerance + ": a finite number >= 0");
        }

        double normA2 = 0;
        for (double[] row : a) {
            for (double v : row) {
                normA2 += v * v;
            }
        }
        double scale = 2 * Math.sqrt(mean(a) / k);
        SplittableRandom random = new SplittableRandom(seed);
        double[] h = new double[k * m];
        double[] w = new double[n * k];
        for (int i = 0; i < h.length; i++) {
            h[i] = scale * random.nextDouble();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = scale * random.nextDouble();
        }

        double[] hht = gram(h, k, m);
        double[] aht = new double[n * k];
        double[] wtw = new double[k * k];
        double[] wta = new double[k * m];
        double[] grad = new double[m];
        double previous = 0;
        for (int it = 0; it < maxIterations; it++) {
            aTimesHt(a, h, k, m, aht);
            updateW(w, aht, hht, n, k);
            wtW(w, n, k, wtw);
            wtA(a, w, k, m, wta);
            updateH(h, wta, wtw, k, m, grad);
            hht = gram(h, k, m);
            // ‖A − WH‖² = ‖A‖² − 2·Σ H∘(WᵀA) + Σ (WᵀW)∘(HHᵀ), from products already at hand
            double cross = 0;
            for (int i = 0; i < h.length; i++) {
                cross += h[i] * wta[i];
            }
            double quad = 0;
            for (int i = 0; i < wtw.length; i++) {
                quad += wtw[i] * hht[i];
            }
            double error = Math.sqrt(Math.max(0, normA2 - 2 * cross + quad));
            if (error == 0 || it > 0 && previous - error < tolerance * previous) {
                break;
            }
            previous = error;
        }
        return normalised(a, w, h, n, k, m);
    }

    /**
     * The non-negative coefficients of new rows on fixed groups {@code h}: HALS sweeps of W alone, each row a
     * non-negative least-squares problem, started from (A·Hᵀ)_it / (HHᵀ)_tt. Used for images outside the fitted
     * sample. A group whose row of {@code h} is all zeros gets coefficient 0.
     *
     * @param h          k × m groups, as {@link Factorization#h()}
     * @param iterations sweeps over the coefficients (0 returns the starting point)
     * @return n × k coefficients
     */
    public static double[][] transform(double[][] a, double[][] h, int iterations) {
        int m = checkMatrix(h, "h", -1);
        checkMatrix(a, "a", m);
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations is " + iterations + ": at least 0");
        }
        int n = a.length;
        int k = h.length;
        double[] hFlat = new double[k * m];
        for (int t = 0; t < k; t++) {
            System.arraycopy(h[t], 0, hFlat, t * m, m);
        }
        double[] hht = gram(hFlat, k, m);
        double[] aht = new double[n * k];
        aTimesHt(a, hFlat, k, m, aht);
        double[] w = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                double hess = hht[t * k + t];
                w[i * k + t] = hess > 0 ? aht[i * k + t] / hess : 0;
            }
        }
        for (int it = 0; it < iterations; it++) {
            updateW(w, aht, hht, n, k);
        }
        return rows(w, n, k);
    }

    /** One vector's coefficients, with {@link #DEFAULT_TRANSFORM_ITERATIONS} sweeps. */
    public static double[] transform(double[] row, double[][] h) {
        return transform(new double[][] {row}, h, DEFAULT_TRANSFORM_ITERATIONS)[0];
    }

    /** ‖A − WH‖_F / ‖A‖_F, or 0 when A is all zeros; for coefficients from {@link #transform}, say. */
    public static double relativeError(double[][] a, double[][] w, double[][] h) {
        int m = a[0].length;
        if (w.length != a.length || w[0].length != h.length || h[0].length != m) {
            throw new IllegalArgumentException("a is " + a.length + " × " + m + ", w " + w.length + " × "
                    + w[0].length + ", h " + h.length + " × " + h[0].length);
        }
        double[] residual = new double[m];
        double normA2 = 0;
        double error2 = 0;
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, residual, 0, m);
            for (int t = 0; t < h.length; t++) {
                double wt = w[i][t];
                if (wt != 0) {
                    double[] ht = h[t];
                    for (int j = 0; j < m; j++) {
                        residual[j] -= wt * ht[j];
                    }
                }
            }
            for (int j = 0; j < m; j++) {
                normA2 += a[i][j] * a[i][j];
                error2 += residual[j] * residual[j];
            }
        }
        return normA2 == 0 ? 0 : Math.sqrt(error2 / normA2);
    }

    /** aht (n × k) = A·Hᵀ, as rows of A times a transposed copy of H so the inner loop runs along memory. */
    private static void aTimesHt(double[][] a, double[] h, int k, int m, double[] aht) {
        double[] ht = new double[m * k];
        for (int t = 0; t < k; t++) {
            for (int j = 0; j < m; j++) {
                ht[j * k + t] = h[t * m + j];
            }
        }
        Arrays.fill(aht, 0);
        for (int i = 0; i < a.length; i++) {
            double[] row = a[i];
            int o = i * k;
            for (int j = 0; j < m; j++) {
                double aij = row[j];
                if (aij != 0) {
                    int b = j * k;
                    for (int t = 0; t < k; t++) {
                        aht[o + t] += aij * ht[b + t];
                    }
                }
            }
        }
    }

    /** wta (k × m) = WᵀA, row by row of A. */
    private static void wtA(double[][] a, double[] w, int k, int m, double[] wta) {
        Arrays.fill(wta, 0);
        for (int i = 0; i < a.length; i++) {
            double[] row = a[i];
            for (int t = 0; t < k; t++) {
                double wit = w[i * k + t];
                if (wit != 0) {
                    int b = t * m;
                    for (int j = 0; j < m; j++) {
                        wta[b + j] += wit * row[j];
                    }
                }
            }
        }
    }

    /** wtw (k × k) = WᵀW. */
    private static void wtW(double[] w, int n, int k, double[] wtw) {
        Arrays.fill(wtw, 0);
        for (int i = 0; i < n; i++) {
            int o = i * k;
            for (int s = 0; s < k; s++) {
                double ws = w[o + s];
                if (ws != 0) {
                    for (int t = s; t < k; t++) {
                        wtw[s * k + t] += ws * w[o + t];
                    }
                }
            }
        }
        for (int s = 0; s < k; s++) {
            for (int t = 0; t < s; t++) {
                wtw[s * k + t] = wtw[t * k + s];
            }
        }
    }

    /** HHᵀ (k × k) of a k × m row-major H. */
    private static double[] gram(double[] h, int k, int m) {
        double[] g = new double[k * k];
        for (int s = 0; s < k; s++) {
            for (int t = s; t < k; t++) {
                double dot = 0;
                for (int j = 0; j < m; j++) {
                    dot += h[s * m + j] * h[t * m + j];
                }
                g[s * k + t] = dot;
                g[t * k + s] = dot;
            }
        }
        return g;
    }

    /**
     * One HALS sweep over W's columns: W_:t ← max(0, W_:t + ((AHᵀ)_:t − W·(HHᵀ)_:t) / (HHᵀ)_tt), later columns
     * seeing the earlier ones' new values. Rows are independent, so it runs row by row.
     */
    private static void updateW(double[] w, double[] aht, double[] hht, int n, int k) {
        for (int i = 0; i < n; i++) {
            int o = i * k;
            for (int t = 0; t < k; t++) {
                double hess = hht[t * k + t];
                if (hess == 0) {
                    continue;
                }
                double grad = -aht[o + t];
                for (int r = 0; r < k; r++) {
                    grad += hht[t * k + r] * w[o + r];
                }
                w[o + t] = Math.max(0, w[o + t] - grad / hess);
            }
        }
    }

    /** The same sweep over H's rows, from WᵀA and WᵀW; {@code grad} is scratch of length m. */
    private static void updateH(double[] h, double[] wta, double[] wtw, int k, int m, double[] grad) {
        for (int t = 0; t < k; t++) {
            double hess = wtw[t * k + t];
            if (hess == 0) {
                continue;
            }
            int b = t * m;
            for (int j = 0; j < m; j++) {
                grad[j] = -wta[b + j];
            }
            for (int r = 0; r < k; r++) {
                double c = wtw[t * k + r];
                if (c != 0) {
                    int br = r * m;
                    for (int j = 0; j < m; j++) {
                        grad[j] += c * h[br + j];
                    }
                }
            }
            for (int j = 0; j < m; j++) {
                h[b + j] = Math.max(0, h[b + j] - grad[j] / hess);
            }
        }
    }

    /** Rows of H scaled to unit norm (W's columns the other way), zero rows zeroed in W, ordered by W's totals. */
    private static Factorization normalised(double[][] a, double[] w, double[] h, int n, int k, int m) {
        double[] totals = new double[k];
        for (int t = 0; t < k; t++) {
            double norm2 = 0;
            for (int j = 0; j < m; j++) {
                norm2 += h[t * m + j] * h[t * m + j];
            }
            double norm = Math.sqrt(norm2);
            for (int j = 0; j < m; j++) {
                h[t * m + j] = norm > 0 ? h[t * m + j] / norm : 0;
            }
            for (int i = 0; i < n; i++) {
                w[i * k + t] *= norm;
                totals[t] += w[i * k + t];
            }
        }
        int[] order = IntStream.range(0, k).boxed()
                .sorted(Comparator.<Integer>comparingDouble(t -> -totals[t]).thenComparingInt(t -> t))
                .mapToInt(Integer::intValue).toArray();
        double[][] wOut = new double[n][k];
        double[][] hOut = new double[k][];
        for (int c = 0; c < k; c++) {
            int t = order[c];
            hOut[c] = Arrays.copyOfRange(h, t * m, (t + 1) * m);
            for (int i = 0; i < n; i++) {
                wOut[i][c] = w[i * k + t];
            }
        }
        return new Factorization(wOut, hOut, relativeError(a, wOut, hOut));
    }

    private static double[][] rows(double[] flat, int n, int k) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        }
        return out;
    }

    private static double mean(double[][] a) {
        double sum = 0;
        for (double[] row : a) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum / ((double) a.length * a[0].length);
    }

    /**
     * Checks a non-empty, rectangular matrix of finite, non-negative entries, {@code columns} wide unless that is
     * negative, and returns its width.
     */
    private static int checkMatrix(double[][] x, String name, int columns) {
        if (x == null || x.length == 0 || x[0] == null || x[0].length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        int m = columns < 0 ? x[0].length : columns;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != m) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + (x[i] == null ? 0 : x[i].length)
                        + " entries, not " + m);
            }
            for (int j = 0; j < m; j++) {
                double v = x[i][j];
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] is " + v
                            + ": entries must be finite and non-negative");
                }
            }
        }
        return m;
    }
}
