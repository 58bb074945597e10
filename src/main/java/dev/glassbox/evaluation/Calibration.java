package dev.glassbox.evaluation;

/**
 * Expected calibration error and the reliability diagram behind it (Guo et al. 2017): answers are put in
 * equal-width bins by confidence; in each bin the mean confidence is compared with the share that was right; the
 * error is the mean gap weighted by the bin's share of answers.
 *
 * @param ece        the expected calibration error, in [0, 1]
 * @param count      answers per bin
 * @param confidence mean confidence per bin (NaN for an empty bin)
 * @param accuracy   share right per bin (NaN for an empty bin)
 * @param meanConfidence mean confidence over all answers
 * @param accuracyAll    share right over all answers
 */
public record Calibration(double ece, long[] count, double[] confidence, double[] accuracy, double meanConfidence,
                          double accuracyAll) {

    /**
     * From each answer's confidence and whether it was right. Bin {@code b} holds confidences in
     * {@code (b/bins, (b+1)/bins]}, the first bin also 0, as scikit-learn and Guo et al. bin them.
     */
    public static Calibration of(float[] confidences, boolean[] correct, int bins) {
        if (confidences.length != correct.length || bins < 1) {
            throw new IllegalArgumentException(confidences.length + " confidences, " + correct.length
                    + " outcomes, " + bins + " bins");
        }
        long[] count = new long[bins];
        double[] sumConf = new double[bins];
        long[] right = new long[bins];
        double totalConf = 0;
        long totalRight = 0;
        for (int i = 0; i < confidences.length; i++) {
            double c = confidences[i];
            int b = Math.min(bins - 1, Math.max(0, (int) Math.ceil(c * bins) - 1));
            count[b]++;
            sumConf[b] += c;
            totalConf += c;
            if (correct[i]) {
                right[b]++;
                totalRight++;
            }
        }
        double n = confidences.length;
        double ece = 0;
        double[] conf = new double[bins];
        double[] acc = new double[bins];
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) {
                conf[b] = Double.NaN;
                acc[b] = Double.NaN;
                continue;
            }
            conf[b] = sumConf[b] / count[b];
            acc[b] = (double) right[b] / count[b];
            ece += count[b] / n * Math.abs(acc[b] - conf[b]);
        }
        return new Calibration(n == 0 ? 0 : ece, count, conf, acc, n == 0 ? 0 : totalConf / n,
                n == 0 ? 0 : totalRight / n);
    }
}
