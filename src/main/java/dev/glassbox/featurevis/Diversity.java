package dev.glassbox.featurevis;

/**
 * Lucid's diversity term: for several pictures of one objective, the mean pairwise similarity of their layer's
 * Gram matrices (channel × channel co-activation, normalized). Subtracting it, weighted, from the objective pushes
 * the pictures to reach it in different ways.
 */
final class Diversity {

    private Diversity() {
    }

    /** The mean over ordered pairs i ≠ j of ⟨G_i/|G_i|, G_j/|G_j|⟩, divided by the number of pictures as Lucid does. */
    static double value(float[][] activations, Activations layout) {
        double[][] grams = normalizedGrams(activations, layout);
        double sum = 0;
        for (int i = 0; i < grams.length; i++) {
            for (int j = 0; j < grams.length; j++) {
                if (i != j) {
                    sum += dot(grams[i], grams[j]);
                }
            }
        }
        return sum / grams.length;
    }

    /** Adds {@code weight ×} d(value)/d(activations of each picture) to {@code out}. */
    static void gradient(float[][] activations, Activations layout, double weight, float[][] out) {
        int n = activations.length;
        int c = layout.channels();
        double[][] raw = new double[n][];
        double[] norms = new double[n];
        double[][] grams = new double[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = gram(activations[i], layout);
            norms[i] = Math.sqrt(dot(raw[i], raw[i])) + 1e-10;
            grams[i] = scaled(raw[i], 1 / norms[i]);
        }
        for (int i = 0; i < n; i++) {
            // d/dN_i = (2/n) Σ_{j≠i} N_j; through the normalization: (d - ⟨d, N⟩ N) / |G|; through G = FᵀF: 2 F dG
            double[] d = new double[c * c];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    for (int k = 0; k < d.length; k++) {
                        d[k] += 2.0 / n * grams[j][k];
                    }
                }
            }
            double along = dot(d, grams[i]);
            for (int k = 0; k < d.length; k++) {
                d[k] = (d[k] - along * grams[i][k]) / norms[i];
            }
            for (int p = 0; p < layout.positions(); p++) {
                for (int a = 0; a < c; a++) {
                    double g = 0;
                    for (int b = 0; b < c; b++) {
                        g += activations[i][layout.at(b, p)] * d[b * c + a];
                    }
                    out[i][layout.at(a, p)] += (float) (weight * 2 * g);
                }
            }
        }
    }

    private static double[][] normalizedGrams(float[][] activations, Activations layout) {
        double[][] grams = new double[activations.length][];
        for (int i = 0; i < activations.length; i++) {
            double[] g = gram(activations[i], layout);
            grams[i] = scaled(g, 1 / (Math.sqrt(dot(g, g)) + 1e-10));
        }
        return grams;
    }

    /** FᵀF over positions, {@code [channels × channels]} row-major. */
    private static double[] gram(float[] a, Activations layout) {
        int c = layout.channels();
        double[] g = new double[c * c];
        double[] column = new double[c];
        for (int p = 0; p < layout.positions(); p++) {
            for (int k = 0; k < c; k++) {
                column[k] = a[layout.at(k, p)];
            }
            for (int x = 0; x < c; x++) {
                if (column[x] == 0) {
                    continue;
                }
                for (int y = 0; y < c; y++) {
                    g[x * c + y] += column[x] * column[y];
                }
            }
        }
        return g;
    }

    private static double[] scaled(double[] v, double s) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * s;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
