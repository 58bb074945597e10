package dev.glassbox.featurevis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.featurevis.Nmf.Factorization;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NmfTest {

    /**
     * Four groups over 20 channels, each with its own 5 channels plus a little on a shared channel 0 for groups 0
     * and 1; each of 300 rows mixes a random, sparse subset of groups.
     */
    private static double[][] plantedH() {
        double[][] h = new double[4][20];
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < 4; t++) {
            for (int j = 5 * t; j < 5 * t + 5; j++) {
                h[t][j] = 0.5 + random.nextDouble();
            }
        }
        h[1][0] = 0.3;
        return h;
    }

    private static double[][] plantedW(int rows) {
        double[][] w = new double[rows][4];
        SplittableRandom random = new SplittableRandom(11);
        for (double[] row : w) {
            for (int t = 0; t < 4; t++) {
                row[t] = random.nextDouble() < 0.5 ? 0 : random.nextDouble(0.1, 3);
            }
        }
        return w;
    }

    private static double[][] product(double[][] w, double[][] h) {
        double[][] a = new double[w.length][h[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int t = 0; t < h.length; t++) {
                for (int j = 0; j < h[0].length; j++) {
                    a[i][j] += w[i][t] * h[t][j];
                }
            }
        }
        return a;
    }

    /** The planted product plus uniform noise up to 0.05 (entries of the product are around 1). */
    private static double[][] noisyPlanted() {
        double[][] a = product(plantedW(300), plantedH());
        SplittableRandom random = new SplittableRandom(3);
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] += 0.05 * random.nextDouble();
            }
        }
        return a;
    }

    private static double[][] uniform(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] a = new double[rows][columns];
        for (double[] row : a) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextDouble();
            }
        }
        return a;
    }

    private static double cosine(double[] x, double[] y) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int j = 0; j < x.length; j++) {
            xy += x[j] * y[j];
            xx += x[j] * x[j];
            yy += y[j] * y[j];
        }
        return xy / Math.sqrt(xx * yy);
    }

    /** The smallest cosine between planted and found rows under the best of all matchings of one to the other. */
    private static double worstMatchedCosine(double[][] planted, double[][] found) {
        return bestMatching(planted, found, 0, new boolean[found.length]);
    }

    private static double bestMatching(double[][] planted, double[][] found, int p, boolean[] used) {
        if (p == planted.length) {
            return Double.POSITIVE_INFINITY;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < found.length; f++) {
            if (!used[f]) {
                used[f] = true;
                best = Math.max(best, Math.min(cosine(planted[p], found[f]),
                        bestMatching(planted, found, p + 1, used)));
                used[f] = false;
            }
        }
        return best;
    }

    @Test
    void recoversAPlantedFactorization() {
        double[][] h = plantedH();
        Factorization f = Nmf.fit(product(plantedW(300), h), 4, 1);
        assertTrue(f.relativeError() < 0.01, "relative error " + f.relativeError());
        double worst = worstMatchedCosine(h, f.h());
        assertTrue(worst > 0.99, "worst matched cosine " + worst);
    }

    @Test
    void recoversAPlantedFactorizationUnderNoise() {
        double[][] h = plantedH();
        Factorization f = Nmf.fit(noisyPlanted(), 4, 1);
        // the noise alone is about 0.01 of A's norm
        assertTrue(f.relativeError() < 0.02, "relative error " + f.relativeError());
        double worst = worstMatchedCosine(h, f.h());
        assertTrue(worst > 0.98, "worst matched cosine " + worst);
    }

    @Test
    void theSameSeedGivesTheSameFactorization() {
        double[][] a = product(plantedW(300), plantedH());
        Factorization first = Nmf.fit(a, 4, 42);
        Factorization again = Nmf.fit(a, 4, 42);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(first.w()[i], again.w()[i], "row " + i);
        }
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(first.h()[t], again.h()[t], "group " + t);
        }
        assertEquals(first.relativeError(), again.relativeError());

        Factorization other = Nmf.fit(a, 4, 43);
        assertTrue(other.relativeError() < 0.01, "relative error " + other.relativeError());
        assertFalse(Arrays.deepEquals(first.h(), other.h()), "another seed starts elsewhere, so lands on other bits");
    }

    @Test
    void groupsAreUnitNonNegativeAndOrderedByWeight() {
        Factorization f = Nmf.fit(uniform(200, 12, 5), 5, 9);
        double previous = Double.POSITIVE_INFINITY;
        for (int t = 0; t < 5; t++) {
            double norm2 = 0;
            for (double v : f.h()[t]) {
                assertTrue(v >= 0, "group " + t + " has " + v);
                norm2 += v * v;
            }
            assertEquals(1, Math.sqrt(norm2), 1e-12, "norm of group " + t);
            double total = 0;
            for (double[] row : f.w()) {
                assertTrue(row[t] >= 0, "coefficient " + row[t]);
                total += row[t];
            }
            assertTrue(total <= previous, "group " + t + " weighs " + total + " after " + previous);
            previous = total;
        }
        assertEquals(1 - f.relativeError(), f.explained());
        assertEquals(Nmf.relativeError(uniform(200, 12, 5), f.w(), f.h()), f.relativeError(), 1e-12);
    }

    @Test
    void transformOfTheFittedRowsReconstructsAsWellAsTheFit() {
        for (double[][] a : new double[][][] {noisyPlanted(), uniform(300, 16, 21)}) {
            Factorization f = Nmf.fit(a, 4, 2);
            double[][] w = Nmf.transform(a, f.h(), 200);
            double error = Nmf.relativeError(a, w, f.h());
            assertTrue(error <= 1.05 * f.relativeError() + 1e-9, error + " against the fit's " + f.relativeError());
        }
    }

    @Test
    void transformOfTwiceAGroupIsTwoOnThatGroup() {
        Factorization f = Nmf.fit(product(plantedW(300), plantedH()), 4, 1);
        for (int g = 0; g < 4; g++) {
            double[] row = f.h()[g].clone();
            for (int j = 0; j < row.length; j++) {
                row[j] *= 2;
            }
            double[] w = Nmf.transform(row, f.h());
            for (int t = 0; t < 4; t++) {
                assertEquals(t == g ? 2 : 0, w[t], 1e-6, "group " + t + " of twice group " + g);
            }
        }
    }

    @Test
    void aRankOneMatrixGivesItsRowDirection() {
        double[] u = {1, 2, 0.5, 3, 1.5};
        double[] v = {0.2, 1, 3, 0.7};
        double[][] a = new double[u.length][v.length];
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                a[i][j] = u[i] * v[j];
            }
        }
        Factorization f = Nmf.fit(a, 1, 0);
        assertTrue(cosine(f.h()[0], v) > 0.9999, "cosine " + cosine(f.h()[0], v));
        assertTrue(cosine(new double[] {f.w()[0][0], f.w()[1][0], f.w()[2][0], f.w()[3][0], f.w()[4][0]}, u)
                > 0.9999);
        assertTrue(f.relativeError() < 1e-6, "relative error " + f.relativeError());
    }

    @Test
    void tooManyGroupsNameTheLayerWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nmf.fit(uniform(10, 4, 1), 6, 0));
        assertTrue(e.getMessage().contains("6") && e.getMessage().contains("4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Nmf.fit(uniform(3, 8, 1), 4, 0));
        assertThrows(IllegalArgumentException.class, () -> Nmf.fit(uniform(10, 4, 1), 0, 0));
    }

    @Test
    void negativeOrNonFiniteEntriesAreRefusedByPosition() {
        double[][] negative = uniform(5, 4, 1);
        negative[2][3] = -0.5;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nmf.fit(negative, 2, 0));
        assertTrue(e.getMessage().contains("[2][3]") && e.getMessage().contains("-0.5"), e.getMessage());

        double[][] nan = uniform(5, 4, 1);
        nan[1][0] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> Nmf.fit(nan, 2, 0));
        assertTrue(e.getMessage().contains("[1][0]") && e.getMessage().contains("NaN"), e.getMessage());

        double[][] infinite = uniform(5, 4, 1);
        infinite[0][1] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> Nmf.fit(infinite, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> Nmf.fit(new double[][] {{1, 2}, {3}}, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Nmf.transform(new double[][] {{1, -1}}, new double[][] {{1, 0}}, 10));
    }
}
