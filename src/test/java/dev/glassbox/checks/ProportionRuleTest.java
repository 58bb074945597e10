package dev.glassbox.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.evaluation.Wilson;
import org.junit.jupiter.api.Test;

/**
 * The shared rule judges only where the data can: hand-worked Wilson 95% intervals (z = 1.96) at n = 1, 5, 30 and
 * 300 against a minimum of 80% (and a maximum of 20% for edits), with intervals wider than 50 points not judged.
 *
 * <pre>
 *     s/n       share   interval          width   minimum 80%          why
 *     0/1       0.00    [0.0000, 0.7935]  0.79    too few (4 needed)   z²/(n+z²) ≤ 0.5 needs n ≥ 3.84
 *     4/5       0.80    [0.3755, 0.9638]  0.59    too few
 *     5/5       1.00    [0.5655, 1.0000]  0.43    pass
 *     0/5       0.00    [0.0000, 0.4345]  0.43    fail                 the whole interval is below 80%
 *    21/30      0.70    [0.5212, 0.8334]  0.31    warn                 below, but the interval reaches 80%
 *    18/30      0.60    [0.4232, 0.7541]  0.33    fail
 *   228/300     0.76    [0.7086, 0.8049]  0.10    warn
 *   225/300     0.75    [0.6980, 0.7956]  0.10    fail
 * </pre>
 */
class ProportionRuleTest {

    private static final double WIDEST = 0.5;

    private static CheckStatus min80(long s, long n) {
        return Proportions.status(s, n, 0.8, Proportions.Bound.MIN, WIDEST);
    }

    @Test
    void theHandWorkedIntervalsHold() {
        assertInterval(0, 1, 0.0, 0.7935);
        assertInterval(4, 5, 0.3755, 0.9638);
        assertInterval(5, 5, 0.5655, 1.0);
        assertInterval(21, 30, 0.5212, 0.8334);
        assertInterval(18, 30, 0.4232, 0.7541);
        assertInterval(228, 300, 0.7086, 0.8049);
        assertInterval(225, 300, 0.6980, 0.7956);
    }

    @Test
    void aMinimumIsJudgedOnlyWhereTheIntervalIsNarrowEnough() {
        assertEquals(CheckStatus.SKIPPED, min80(0, 1), "0 of 1 cannot fail a class: its interval spans 79 points");
        assertEquals(CheckStatus.SKIPPED, min80(1, 1));
        assertEquals(CheckStatus.SKIPPED, min80(4, 5));
        assertEquals(CheckStatus.PASS, min80(5, 5));
        assertEquals(CheckStatus.FAIL, min80(0, 5));
        assertEquals(CheckStatus.WARN, min80(21, 30));
        assertEquals(CheckStatus.FAIL, min80(18, 30));
        assertEquals(CheckStatus.PASS, min80(24, 30), "the share meets the minimum");
        assertEquals(CheckStatus.WARN, min80(228, 300));
        assertEquals(CheckStatus.FAIL, min80(225, 300));
        assertEquals(CheckStatus.SKIPPED, min80(0, 0));
    }

    @Test
    void aMaximumIsTheMirrorImage() {
        // flip rates against a maximum of 20%: 9 of 30 is 30%, interval [16.7%, 47.9%] reaching 20% (warn); 12 of 30
        // is 40%, interval [24.6%, 57.7%] wholly above (fail); 5 of 30 is under the maximum (pass)
        assertEquals(CheckStatus.WARN, Proportions.status(9, 30, 0.2, Proportions.Bound.MAX, WIDEST));
        assertEquals(CheckStatus.FAIL, Proportions.status(12, 30, 0.2, Proportions.Bound.MAX, WIDEST));
        assertEquals(CheckStatus.PASS, Proportions.status(5, 30, 0.2, Proportions.Bound.MAX, WIDEST));
        assertEquals(CheckStatus.SKIPPED, Proportions.status(1, 3, 0.2, Proportions.Bound.MAX, WIDEST));
    }

    @Test
    void tooFewSaysHowManyWouldDo() {
        assertEquals(4, Proportions.needed(0, 1, WIDEST), "at a share of 0, n ≥ z² = 3.84");
        assertEquals(12, Proportions.needed(1, 2, WIDEST), "at a share of one half, the widest interval");
        assertEquals("Too few pictures to judge: 1 of at least 4 needed (0% with a 95% interval of 0%–79.3%, wider"
                + " than the 50 points a judgement needs).", Proportions.tooFew(0, 1, WIDEST));
    }

    private static void assertInterval(long s, long n, double lower, double upper) {
        Wilson w = Wilson.of(s, n);
        assertEquals(lower, w.lower(), 5e-4, s + "/" + n + " lower");
        assertEquals(upper, w.upper(), 5e-4, s + "/" + n + " upper");
    }
}
