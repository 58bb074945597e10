package dev.glassbox.diagnosis;

/**
 * The expected wrong answers a problem costs on the deployment-like data set, with a 95% interval.
 *
 * @param expected the estimate
 * @param low      the interval's lower end
 * @param high     its upper end
 * @param dataset  the deployment-like data set
 * @param basis    what it was computed from: "recall-gap" (gap × the class's pictures), "removal" (share of right
 *                 answers the cue's removal loses × the class's pictures), "transplant" (share of other pictures the
 *                 cue pulls × the mean pictures of another class), "misses" (a weak class's wrong answers) or
 *                 "edit" (share of answers an edit changes × all pictures)
 */
public record Harm(double expected, double low, double high, String dataset, String basis) {}
