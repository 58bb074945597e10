package dev.glassbox.evaluation;

/**
 * The exact McNemar test on paired yes/no outcomes (the same pictures under two conditions or two models): only the
 * discordant pairs count, and under "no difference" each falls either way with probability one half.
 *
 * @param firstOnly  pairs where the outcome happened under the first condition only
 * @param secondOnly pairs where it happened under the second only
 * @param p          the exact two-sided p-value
 * @param pFirst     the exact one-sided p-value for "more often under the first"
 */
public record McNemar(int firstOnly, int secondOnly, double p, double pFirst) {

    public McNemar {
        if (firstOnly < 0 || secondOnly < 0) {
            throw new IllegalArgumentException("negative counts " + firstOnly + ", " + secondOnly);
        }
    }

    /** The test on paired outcomes: {@code first[i]} and {@code second[i]} are the same picture's. */
    public static McNemar of(boolean[] first, boolean[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException(first.length + " outcomes paired with " + second.length);
        }
        int b = 0;
        int c = 0;
        for (int i = 0; i < first.length; i++) {
            if (first[i] && !second[i]) {
                b++;
            } else if (!first[i] && second[i]) {
                c++;
            }
        }
        return of(b, c);
    }

    public static McNemar of(int firstOnly, int secondOnly) {
        int n = firstOnly + secondOnly;
        double two = Math.min(1, 2 * atMost(Math.min(firstOnly, secondOnly), n));
        double one = atMost(secondOnly, n);
        return new McNemar(firstOnly, secondOnly, n == 0 ? 1 : two, n == 0 ? 1 : one);
    }

    /** P(X ≤ k) for X ~ Binomial(n, 1/2), summed in log space so that large n neither overflows nor underflows. */
    static double atMost(int k, int n) {
        if (k >= n) {
            return 1;
        }
        double sum = 0;
        double logTerm = -n * Math.log(2); // log C(n, 0) / 2^n
        for (int i = 0; i <= k; i++) {
            sum += Math.exp(logTerm);
            logTerm += Math.log((double) (n - i) / (i + 1));
        }
        return Math.min(1, sum);
    }
}
