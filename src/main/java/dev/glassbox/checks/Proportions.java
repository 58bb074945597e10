package dev.glassbox.checks;

import dev.glassbox.evaluation.Wilson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rule the accuracy, recall and precision checks share: a share with its 95% interval against a minimum. The
 * checks count and word; the rule judges.
 */
final class Proportions {

    /** How a proportion check words its result; {@code share} reads "55.5%; 95% interval 48.6%–62.3%". */
    interface Wording {
        String skipped();

        String fail(String share);

        String warn(String share);

        String pass(String share);
    }

    private Proportions() {}

    /** The result of {@code successes} of {@code trials} against {@code min}, worded by {@code words}. */
    static CheckResult result(CheckResult.Subject subject, long successes, long trials, double min, Wording words) {
        CheckStatus status = status(successes, trials, min);
        String finding = switch (status) {
            case SKIPPED -> words.skipped();
            case FAIL -> words.fail(withInterval(successes, trials));
            case WARN -> words.warn(withInterval(successes, trials));
            default -> words.pass(withInterval(successes, trials));
        };
        if (trials == 0) {
            return subject.result(status, null, min, finding);
        }
        return subject.result(status, (double) successes / trials, min, finding).withDetails(details(successes, trials));
    }

    /** Fail below the minimum; warn when the share meets it but its interval reaches below it; else pass. */
    private static CheckStatus status(long successes, long trials, double min) {
        if (trials == 0) {
            return CheckStatus.SKIPPED;
        }
        double p = (double) successes / trials;
        if (p < min) {
            return CheckStatus.FAIL;
        }
        return Wilson.of(successes, trials).lower() < min ? CheckStatus.WARN : CheckStatus.PASS;
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
