package dev.glassbox.diagnosis;

import dev.glassbox.evaluation.McNemar;

/**
 * The same measures of a problem on the other model, on the same pictures, with exact McNemar tests on the
 * per-picture outcomes (first = the diagnosed model, second = this one).
 *
 * @param model            the other model
 * @param effect           its removal and transplant shares on the same pictures ({@link Effect#NONE} for a weak
 *                         class)
 * @param removedTest      the paired test of "the removal cost a right answer", or null when not measured
 * @param transplantedTest the paired test of "the transplant moved the answer to the class", or null
 * @param recall           its recall of the class on the deployment-like data set, or NaN
 * @param recallTest       the paired test of "missed a picture of the class" on that data set, or null
 */
public record Comparison(String model, Effect effect, McNemar removedTest, McNemar transplantedTest, double recall,
                         McNemar recallTest) {}
