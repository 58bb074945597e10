package dev.glassbox.diagnosis;

import dev.glassbox.evaluation.McNemar;
import java.util.ArrayList;
import java.util.List;

/**
 * The measures of a problem of one model taken on the other model, on the same pictures: the same probes' rates and
 * exact McNemar tests on the per-picture outcomes, and the class's recall with the same test on its pictures.
 */
final class Comparisons {

    private Comparisons() {}

    static Comparison of(Finding f, Measures mine, Measures other, int deploy) {
        List<Trial> theirRemovals = new ArrayList<>();
        for (Trial t : f.removals()) {
            theirRemovals.add(counterpart(t, f.dataset(), mine, other));
        }
        Trial theirTransplant = f.transplant() == null ? null : counterpart(f.transplant(), f.dataset(), mine, other);
        Rate removed = theirRemovals.stream().map(Trial::rate).reduce(Rate.NONE, Rate::plus);
        Problem p = f.problem();
        Effect effect = p.kind() == Problem.Kind.WEAK_CLASS ? Effect.NONE : new Effect(removed,
                theirTransplant == null ? Rate.NONE : theirTransplant.rate(),
                p.kind() == Problem.Kind.SHORTCUT && !f.removals().isEmpty()
                        ? other.removedElsewhere(f.dataset(), f.removals().get(0).cls(), f.removals().get(0).cue())
                        : Rate.NONE,
                theirTransplant == null ? Rate.NONE : theirTransplant.controlRate());
        McNemar removedTest = f.removals().isEmpty() ? null
                : McNemar.of(joined(f.removals()), joined(theirRemovals));
        McNemar transplantedTest = f.transplant() == null ? null
                : McNemar.of(f.transplant().outcome(), theirTransplant.outcome());
        int c = p.className() == null ? -1 : mine.runs().get(0).data().classes().indexOf(p.className());
        double recall = c < 0 ? Double.NaN : other.recall(deploy, c);
        McNemar recallTest = c < 0 || mine.support(deploy, c) == 0 ? null
                : McNemar.of(mine.missed(deploy, c), other.missed(deploy, c));
        return new Comparison(other.model(), effect, removedTest, transplantedTest, recall, recallTest);
    }

    private static Trial counterpart(Trial t, int dataset, Measures mine, Measures other) {
        return other.trials().get(dataset).get(mine.indexOf(dataset, t));
    }

    /** The outcomes of several trials end to end. */
    private static boolean[] joined(List<Trial> trials) {
        int n = trials.stream().mapToInt(t -> t.before().length).sum();
        boolean[] out = new boolean[n];
        int at = 0;
        for (Trial t : trials) {
            boolean[] o = t.outcome();
            System.arraycopy(o, 0, out, at, o.length);
            at += o.length;
        }
        return out;
    }
}
