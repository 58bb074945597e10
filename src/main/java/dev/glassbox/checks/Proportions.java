package dev.glassbox.checks;

import dev.glassbox.evaluation.Wilson;
import java.util.LinkedHashMap;
import java.util.Map;

/** The rule the accuracy, recall and precision checks share: a share with its 95% interval against a minimum. */
final class Proportions {

    private Proportions() {}

    /** Fail below the minimum; warn when the share meets it but its interval reaches below it; else pass. */
    static CheckStatus status(long successes, long trials, double min) {
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

    static Map<String, Double> details(long successes, long trials) {
        Wilson w = Wilson.of(successes, trials);
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("interval-lower", w.lower());
        d.put("interval-upper", w.upper());
        d.put("count", (double) successes);
        d.put("out-of", (double) trials);
        return d;
    }
}
