package dev.glassbox.evaluation;

/**
 * The Wilson score interval for a proportion (Wilson 1927): unlike the normal approximation it stays inside [0, 1]
 * and behaves for small counts and proportions near 0 or 1.
 *
 * @param lower the interval's lower end
 * @param upper its upper end
 */
public record Wilson(double lower, double upper) {

    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    /** The 95% interval for {@code successes} out of {@code trials}; [0, 1] when there are no trials. */
    public static Wilson of(long successes, long trials) {
        return of(successes, trials, Z95);
    }

    public static Wilson of(long successes, long trials, double z) {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " successes out of " + trials);
        }
        if (trials == 0) {
            return new Wilson(0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Wilson(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
