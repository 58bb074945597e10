package dev.glassbox.evaluation;

/**
 * Fisher's exact test that one proportion is greater than another (k1 of n1 against k2 of n2): the chance, with the
 * margins fixed, that the first group gets k1 or more of the k1 + k2 events. Exact where the normal approximation
 * is not, which matters for the few pictures a class may have.
 */
public final class FisherExact {

    private FisherExact() {}

    /** The one-sided p-value of "the first share is greater". */
    public static double greater(int k1, int n1, int k2, int n2) {
        if (k1 < 0 || k2 < 0 || k1 > n1 || k2 > n2) {
            throw new IllegalArgumentException(k1 + " of " + n1 + " against " + k2 + " of " + n2);
        }
        int n = n1 + n2;
        int events = k1 + k2;
        double[] logFactorial = new double[n + 1];
        for (int i = 1; i <= n; i++) {
            logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        }
        double p = 0;
        for (int x = k1; x <= Math.min(n1, events); x++) {
            if (events - x > n2) {
                continue;
            }
            p += Math.exp(logChoose(logFactorial, n1, x) + logChoose(logFactorial, n2, events - x)
                    - logChoose(logFactorial, n, events));
        }
        return Math.min(1, p);
    }

    private static double logChoose(double[] logFactorial, int n, int k) {
        return logFactorial[n] - logFactorial[k] - logFactorial[n - k];
    }
}
