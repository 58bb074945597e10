package dev.glassbox.evaluation;

/**
 * The difference of two independent proportions, p1 − p2, with Newcombe's hybrid score interval (1998, method 10:
 * built from the two Wilson intervals, so it behaves for small counts as they do) and a one-sided test of p1 > p2.
 *
 * @param difference p1 − p2
 * @param lower      the 95% interval's lower end
 * @param upper      its upper end
 * @param pGreater   the one-sided p-value of the pooled two-proportion z test for p1 > p2 (1 when either is empty)
 */
public record ProportionDifference(double difference, double lower, double upper, double pGreater) {

    public static ProportionDifference of(long k1, long n1, long k2, long n2) {
        if (n1 == 0 || n2 == 0) {
            return new ProportionDifference(Double.NaN, -1, 1, 1);
        }
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        Wilson w1 = Wilson.of(k1, n1);
        Wilson w2 = Wilson.of(k2, n2);
        double d = p1 - p2;
        double lower = d - Math.sqrt(square(p1 - w1.lower()) + square(w2.upper() - p2));
        double upper = d + Math.sqrt(square(w1.upper() - p1) + square(p2 - w2.lower()));
        double pooled = (double) (k1 + k2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double p = se == 0 ? (d > 0 ? 0 : 1) : Normal.upperTail(d / se);
        return new ProportionDifference(d, Math.max(-1, lower), Math.min(1, upper), p);
    }

    /** Whether the whole interval lies above zero. */
    public boolean clearlyPositive() {
        return lower > 0;
    }

    private static double square(double v) {
        return v * v;
    }
}
