package dev.glassbox.diagnosis;

import dev.glassbox.evaluation.FalseDiscovery;
import dev.glassbox.evaluation.FisherExact;
import dev.glassbox.evaluation.McNemar;
import dev.glassbox.evaluation.ProportionDifference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cues a model's classes depend on. A cue is <em>specific</em> to a class when one of two tests finds it, among
 * all of the model's (class, cue, data set) tests at the false-discovery rate, and with an effect at least twice its
 * baseline ("far more"):
 * <ul>
 *   <li>transplant: putting the class's cue into other classes' pictures turns their answers into the class more often
 *       than the control edit of the same place does (exact McNemar, paired on the same pictures);</li>
 *   <li>removal: removing it costs the class's right answers more often than the same removal costs the other
 *       classes' (one-sided Fisher exact test: a class may have few pictures).</li>
 * </ul>
 * A removal that mostly sends the class's answers to a class whose own cue of that kind transplants (recolouring made
 * the other class's background colour) counts for that class, not this one. A specific cue is <em>confirmed</em> as a
 * shortcut where nothing can corroborate it (one model, one data set), or where something does: the class's recall is
 * clearly lower on the deployment-like data set than on another and the cue acts more strongly there; or clearly lower
 * than the other model's on the same pictures while the cue acts more strongly on this model; or the cue acts on this
 * model significantly more often than on the other, picture for picture (exact McNemar, 5%).
 */
final class Rules {

    /** "Far more": an effect this many times its baseline, at least. */
    static final double FAR_MORE = 2;
    /** The level of the paired test against the other model, which corroborates a cue already found. */
    static final double CORROBORATION_LEVEL = 0.05;

    /** A specific cue of a class, from one trial. */
    record Specific(int dataset, Trial trial, double strength) {}

    private final DiagnosisSettings settings;
    private final int deploy;

    Rules(DiagnosisSettings settings, int deploy) {
        this.settings = settings;
        this.deploy = deploy;
    }

    /** Per class, the specific cues found, keyed by the cue's label, each with the trials that found it. */
    Map<Integer, Map<String, List<Specific>>> specific(Measures mine) {
        List<Specific> tested = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        for (int d = 0; d < mine.datasets(); d++) {
            for (Trial t : mine.trials().get(d)) {
                double[] test = test(mine, d, t);
                if (test != null) {
                    tested.add(new Specific(d, t, test[1]));
                    p.add(test[0]);
                }
            }
        }
        boolean[] found = FalseDiscovery.discoveries(p.stream().mapToDouble(Double::doubleValue).toArray(),
                settings.falseDiscovery());
        List<Specific> kept = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            if (found[i]) {
                kept.add(tested.get(i));
            }
        }
        Map<Integer, Map<String, List<Specific>>> out = new LinkedHashMap<>();
        for (Specific s : kept) {
            if (!s.trial().probe().transplant() && sentElsewhere(mine, s, kept)) {
                continue;
            }
            out.computeIfAbsent(s.trial().cls(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.trial().cue().label(), k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    /** {p-value, strength} of a trial, or null when it shows no effect worth testing (none, or under "far more"). */
    private static double[] test(Measures mine, int d, Trial t) {
        Rate rate = t.rate();
        if (rate.count() == 0) {
            return null;
        }
        if (t.probe().transplant()) {
            Rate control = t.controlRate();
            if (rate.rate() < FAR_MORE * control.rate()) {
                return null;
            }
            return new double[] {McNemar.of(t.outcome(), t.controlOutcome()).pFirst(), rate.rate() - control.rate()};
        }
        Rate elsewhere = mine.removedElsewhere(d, t.cls(), t.cue());
        if (elsewhere.isEmpty() || rate.rate() < FAR_MORE * elsewhere.rate()) {
            return null;
        }
        return new double[] {FisherExact.greater(rate.count(), rate.images(), elsewhere.count(), elsewhere.images()),
                rate.rate() - elsewhere.rate()};
    }

    /**
     * Whether most of the answers a removal cost went to one other class whose own cue of the same kind was found by
     * transplant (on any data set: where the class's pictures carry it): the edit made that class's cue, so it is
     * evidence about that class.
     */
    private static boolean sentElsewhere(Measures mine, Specific removal, List<Specific> found) {
        Trial t = removal.trial();
        int[] to = t.destinations(mine.runs().get(removal.dataset()).data().classes().size());
        int lost = t.rate().count();
        for (int k = 0; k < to.length; k++) {
            if (k != t.cls() && 2 * to[k] > lost) {
                for (Specific s : found) {
                    if (s.trial().cls() == k && s.trial().probe().transplant()
                            && s.trial().cue().kind() == t.cue().kind()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether something corroborates class {@code c}'s specific cue: always where there is nothing to corroborate it
     * with; otherwise a recall gap it explains, or a paired test against the other model.
     */
    boolean confirmed(Measures mine, Measures other, int c, List<Specific> found) {
        boolean datasets = mine.datasets() > 1;
        if (!datasets && other == null) {
            return true;
        }
        for (Specific s : found) {
            if (datasets && datasetGapMatches(mine, c, s)) {
                return true;
            }
            if (other != null && otherModelWeaker(mine, other, c, s)) {
                return true;
            }
        }
        return false;
    }

    /** The recall is clearly lower on the deployment-like data set than on another, where the cue acts more. */
    private boolean datasetGapMatches(Measures mine, int c, Specific s) {
        Trial onDeploy = mine.trial(deploy, c, s.trial().cue(), s.trial().probe().mode());
        double there = onDeploy == null ? 0 : strength(mine, deploy, onDeploy);
        for (int d = 0; d < mine.datasets(); d++) {
            if (d == deploy || mine.support(d, c) == 0 || mine.support(deploy, c) == 0) {
                continue;
            }
            Trial t = mine.trial(d, c, s.trial().cue(), s.trial().probe().mode());
            ProportionDifference gap = ProportionDifference.of(mine.hits(d, c), mine.support(d, c),
                    mine.hits(deploy, c), mine.support(deploy, c));
            if (t != null && gap.clearlyPositive() && strength(mine, d, t) > there) {
                return true;
            }
        }
        return false;
    }

    /**
     * On the same pictures the other model shows the cue clearly less often (exact McNemar), or its recall of the
     * class on the deployment-like data set is clearly higher while the cue acts less on it.
     */
    private boolean otherModelWeaker(Measures mine, Measures other, int c, Specific s) {
        int index = mine.indexOf(s.dataset(), s.trial());
        Trial theirs = other.trials().get(s.dataset()).get(index);
        McNemar paired = McNemar.of(s.trial().outcome(), theirs.outcome());
        if (paired.firstOnly() > paired.secondOnly() && paired.pFirst() < CORROBORATION_LEVEL) {
            return true;
        }
        if (mine.support(deploy, c) == 0) {
            return false;
        }
        ProportionDifference gap = ProportionDifference.of(other.hits(deploy, c), other.support(deploy, c),
                mine.hits(deploy, c), mine.support(deploy, c));
        return gap.clearlyPositive() && s.strength() > strength(other, s.dataset(), theirs);
    }

    /** How far a trial's effect exceeds its baseline (the control, or the same removal on other classes). */
    static double strength(Measures m, int d, Trial t) {
        if (t.probe().transplant()) {
            Rate control = t.controlRate();
            return control.isEmpty() ? 0 : t.rate().rate() - control.rate();
        }
        Rate elsewhere = m.removedElsewhere(d, t.cls(), t.cue());
        Rate rate = t.rate();
        return rate.isEmpty() || elsewhere.isEmpty() ? 0 : rate.rate() - elsewhere.rate();
    }
}
