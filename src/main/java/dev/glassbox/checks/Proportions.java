package dev.glassbox.checks;

import dev.glassbox.evaluation.Wilson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rule every rate-based check shares, so that none judges where its data cannot: a share with its Wilson 95%
 * interval against a bound.
 *
 * <ul>
 *   <li>No pictures, or an interval wider than the widest judged ({@code max-interval}): not judged, "too few
 *       pictures to judge", with how many would do.</li>
 *   <li>A minimum (accuracy, recall, precision): fail when the whole interval lies below it; warn when the share is
 *       below it but the interval reaches it; else pass.</li>
 *   <li>A maximum (how often an edit changes the answer): fail when the whole interval lies above it; warn when the
 *       share is above it but the interval reaches it; else pass.</li>
 * </ul>
 * The checks count and word; this class judges.
 */
final class Proportions {

    /** The widest 95% interval judged by default: wider, and the pictures are too few to say anything. */
    static final double MAX_INTERVAL = 0.5;

    /** Which side of the bound is good. */
    enum Bound {
        /** The share must reach the bound (accuracy, recall, precision). */
        MIN,
        /** The share must stay under the bound (flip rates). */
        MAX
    }

    /** How a proportion check words its result; {@code share} reads "55.5%; 95% interval 48.6%–62.3%". */
    interface Wording {
        String skipped();

        String fail(String share);

        String warn(String share);

        String pass(String share);
    }

    private Proportions() {}

    /**
     * The result of {@code successes} of {@code trials} against the minimum {@code min}, worded by {@code words}; a
     * result that cannot be judged says so in its own words.
     */
    static CheckResult result(CheckResult.Subject subject, long successes, long trials, double min,
                              double maxInterval, Wording words) {
        CheckStatus status = status(successes, trials, min, Bound.MIN, maxInterval);
        String finding = switch (status) {
            case SKIPPED -> trials == 0 ? words.skipped() : tooFew(successes, trials, maxInterval);
            case FAIL -> words.fail(withInterval(successes, trials));
            case WARN -> words.warn(withInterval(successes, trials));
            default -> words.pass(withInterval(successes, trials));
        };
        if (trials == 0) {
            return subject.result(status, null, min, finding);
        }
        return subject.result(status, (double) successes / trials, min, finding).withDetails(details(successes, trials));
    }

    /** The status of {@code successes} of {@code trials} against {@code bound} (see the class comment). */
    static CheckStatus status(long successes, long trials, double bound, Bound side, double maxInterval) {
        if (!judged(successes, trials, maxInterval)) {
            return CheckStatus.SKIPPED;
        }
        double p = (double) successes / trials;
        Wilson w = Wilson.of(successes, trials);
        if (side == Bound.MIN) {
            return w.upper() < bound ? CheckStatus.FAIL : p < bound ? CheckStatus.WARN : CheckStatus.PASS;
        }
        return w.lower() > bound ? CheckStatus.FAIL : p > bound ? CheckStatus.WARN : CheckStatus.PASS;
    }

    /** Whether there are pictures enough: the interval is no wider than {@code maxInterval}. */
    static boolean judged(long successes, long trials, double maxInterval) {
        if (trials == 0) {
            return false;
        }
        Wilson w = Wilson.of(successes, trials);
        return w.upper() - w.lower() <= maxInterval;
    }

    /**
     * The fewest pictures whose interval, at the same share, is no wider than {@code maxInterval} (at most a
     * million).
     */
    static long needed(long successes, long trials, double maxInterval) {
        double p = trials == 0 ? 0.5 : (double) successes / trials;
        for (long n = Math.max(1, trials); n < 1_000_000; n++) {
            long s = Math.round(p * n);
            Wilson w = Wilson.of(s, n);
            if (w.upper() - w.lower() <= maxInterval) {
                return n;
            }
        }
        return 1_000_000;
    }

    /** "Too few pictures to judge: 1 of at least 4 needed (the 95% interval, 0%–79.3%, is wider than 50 points)." */
    static String tooFew(long successes, long trials, double maxInterval) {
        Wilson w = Wilson.of(successes, trials);
        return "Too few pictures to judge: " + trials + " of at least " + needed(successes, trials, maxInterval)
                + " needed (" + Words.pct((double) successes / trials) + " with a 95% interval of " + Words.pct(w.lower())
                + "–" + Words.pct(w.upper()) + ", wider than the " + Words.num(100 * maxInterval, 0) + " points a"
                + " judgement needs).";
    }

    /** "55.5%; 95% interval 48.6%–62.3%" */
    static String withInterval(long successes, long trials) {
        Wilson w = Wilson.of(successes, trials);
        return Words.pct((double) successes / trials) + "; 95% interval " + Words.pct(w.lower()) + "–"
                + Words.pct(w.upper());
    }

    private static Map<String, Double> details(long successes, long trials) {
        Wilson w = Wilson.of(successes, trials);
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("interval-lower", w.lower());
        d.put("interval-upper", w.upper());
        d.put("count", (double) successes);
        d.put("out-of", (double) trials);
        return d;
    }
}
