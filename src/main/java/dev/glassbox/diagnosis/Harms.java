package dev.glassbox.diagnosis;

import dev.glassbox.evaluation.ProportionDifference;
import dev.glassbox.evaluation.Wilson;

/** Recall gaps and the expected wrong answers on the deployment-like data set that a problem costs. */
final class Harms {

    private final int deploy;

    Harms(int deploy) {
        this.deploy = deploy;
    }

    /**
     * The class's recall gap from the data set where the model finds it best to the deployment-like one, or null
     * with one data set (or no pictures of the class).
     */
    RecallGap betweenDatasets(Measures mine, int c) {
        int best = -1;
        for (int d = 0; d < mine.datasets(); d++) {
            if (d != deploy && mine.support(d, c) > 0 && (best < 0 || mine.recall(d, c) > mine.recall(best, c))) {
                best = d;
            }
        }
        if (best < 0 || mine.support(deploy, c) == 0) {
            return null;
        }
        ProportionDifference g = ProportionDifference.of(mine.hits(best, c), mine.support(best, c),
                mine.hits(deploy, c), mine.support(deploy, c));
        return new RecallGap("datasets", mine.dataset(best), mine.dataset(deploy), g.difference(), g.lower(),
                g.upper(), mine.support(deploy, c));
    }

    /** The other model's recall of the class minus this one's, on the deployment-like data set, or null. */
    RecallGap betweenModels(Measures mine, Measures other, int c) {
        if (other == null || mine.support(deploy, c) == 0) {
            return null;
        }
        ProportionDifference g = ProportionDifference.of(other.hits(deploy, c), other.support(deploy, c),
                mine.hits(deploy, c), mine.support(deploy, c));
        return new RecallGap("models", other.model(), mine.model(), g.difference(), g.lower(), g.upper(),
                mine.support(deploy, c));
    }

    /**
     * A shortcut's cost: where a recall gap could be measured (a second data set or model), the gap times the class's
     * pictures, whether or not it is clear (a cue that pulls but costs no recall costs little); otherwise, with
     * nothing to compare, the share of right answers its removal costs times them, else the share of other pictures
     * it pulls times another class's average pictures (what it would cost if they carried the cue).
     */
    Harm shortcut(Measures mine, int c, RecallGap gap, Effect effect) {
        String on = mine.dataset(deploy);
        long support = mine.support(deploy, c);
        if (gap != null) {
            return new Harm(Math.max(0, gap.gap()) * support, Math.max(0, gap.low()) * support,
                    Math.max(0, gap.high()) * support, on, "recall-gap");
        }
        if (!effect.removed().isEmpty() && effect.removed().count() > 0) {
            Rate r = effect.removed();
            return new Harm(r.rate() * support, r.low() * support, r.high() * support, on, "removal");
        }
        Rate t = effect.transplanted();
        double others = otherSupport(mine, c);
        return t.isEmpty() ? new Harm(0, 0, 0, on, "transplant")
                : new Harm(t.rate() * others, t.low() * others, t.high() * others, on, "transplant");
    }

    /** A weak class's cost: its misses on the deployment-like data set. */
    Harm misses(Measures mine, int c) {
        long n = mine.support(deploy, c);
        long hits = mine.hits(deploy, c);
        Wilson w = Wilson.of(hits, n);
        return new Harm(n - hits, (1 - w.upper()) * n, (1 - w.lower()) * n, mine.dataset(deploy), "misses");
    }

    /** A fragility's cost: the share of answers the edit changes times all the deployment-like pictures. */
    Harm edit(Measures mine, Rate pooled) {
        long n = mine.runs().get(deploy).data().size();
        return new Harm(pooled.rate() * n, pooled.low() * n, pooled.high() * n, mine.dataset(deploy), "edit");
    }

    private double otherSupport(Measures mine, int c) {
        int k = mine.runs().get(deploy).data().classes().size();
        long total = mine.runs().get(deploy).data().size() - mine.support(deploy, c);
        return k > 1 ? (double) total / (k - 1) : 0;
    }
}
