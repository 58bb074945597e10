package dev.glassbox.diagnosis;

import dev.glassbox.evaluation.Wilson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One model's problems, found from its measures: shortcuts (one per class, its strongest confirmed cue first and the
 * others listed with it, a cue proved by transplant before one proved by removal alone), weak classes (recall
 * clearly under the minimum, no shortcut found), and fragilities (an edit that changes more than the maximum share of
 * right answers in most classes, and pooled over them with its whole interval above the maximum).
 */
final class Findings {

    private final DiagnosisSettings settings;
    private final int deploy;
    private final Rules rules;
    private final Harms harms;
    private final Signals signals;

    Findings(DiagnosisSettings settings, int deploy, Signals signals) {
        this.settings = settings;
        this.deploy = deploy;
        this.rules = new Rules(settings, deploy);
        this.harms = new Harms(deploy);
        this.signals = signals;
    }

    List<Finding> of(Measures mine, Measures other) {
        List<Finding> out = new ArrayList<>();
        List<Integer> withShortcut = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, List<Rules.Specific>>> e : rules.specific(mine).entrySet()) {
            Finding f = shortcut(mine, other, e.getKey(), e.getValue());
            if (f != null) {
                out.add(f);
                withShortcut.add(e.getKey());
            }
        }
        int classes = mine.runs().get(deploy).data().classes().size();
        for (int c = 0; c < classes; c++) {
            if (!withShortcut.contains(c) && weak(mine, c)) {
                out.add(weakClass(mine, other, c));
            }
        }
        out.addAll(fragilities(mine));
        return out;
    }

    private Finding shortcut(Measures mine, Measures other, int c, Map<String, List<Rules.Specific>> cues) {
        List<Rules.Specific> confirmed = new ArrayList<>();
        for (List<Rules.Specific> found : cues.values()) {
            if (rules.confirmed(mine, other, c, found)) {
                confirmed.add(found.stream().max(Comparator.comparingDouble(Rules.Specific::strength)).orElseThrow());
            }
        }
        if (confirmed.isEmpty()) {
            return null;
        }
        // a cue that pulls other pictures to the class is the stronger proof ("a shortcut shows in the transplant")
        confirmed.sort(Comparator.comparing((Rules.Specific s) -> !s.trial().probe().transplant())
                .thenComparing(Comparator.comparingDouble(Rules.Specific::strength).reversed()));
        Rules.Specific primary = confirmed.get(0);
        int d = primary.dataset();
        Cue cue = primary.trial().cue();
        Trial removal = mine.trial(d, c, cue, Probe.Mode.REMOVAL);
        Trial transplant = mine.trial(d, c, cue, Probe.Mode.TRANSPLANT);
        if (transplant != null) {
            cue = transplant.cue(); // the transplant's cue knows what it looks like
        }
        Effect effect = new Effect(removal == null ? Rate.NONE : removal.rate(),
                transplant == null ? Rate.NONE : transplant.rate(), mine.removedElsewhere(d, c, cue),
                transplant == null ? Rate.NONE : transplant.controlRate());
        RecallGap datasetGap = harms.betweenDatasets(mine, c);
        RecallGap modelGap = harms.betweenModels(mine, other, c);
        RecallGap gap = datasetGap != null && (datasetGap.clear() || modelGap == null || !modelGap.clear())
                ? datasetGap : modelGap;
        List<Cue> others = confirmed.subList(1, confirmed.size()).stream().map(s -> s.trial().cue()).toList();
        Map<String, Double> found = new java.util.LinkedHashMap<>(signals.of(mine.dataset(d), c, cue));
        destinations(mine, removal == null ? List.of() : List.of(removal), found);
        Problem p = new Problem(mine.model(), className(mine, c), 0, Problem.Kind.SHORTCUT, cue, className(mine, c),
                mine.dataset(d), effect, gap, harms.shortcut(mine, c, gap, effect), found, others, null, "", "",
                List.of());
        return new Finding(p, d, removal == null ? List.of() : List.of(removal), transplant);
    }

    /** Recall on the deployment-like data set whose whole interval lies under the minimum. */
    private boolean weak(Measures mine, int c) {
        long n = mine.support(deploy, c);
        return n > 0 && Wilson.of(mine.hits(deploy, c), n).upper() < settings.minRecall();
    }

    private Finding weakClass(Measures mine, Measures other, int c) {
        long n = mine.support(deploy, c);
        Wilson w = Wilson.of(mine.hits(deploy, c), n);
        Map<String, Double> recall = new java.util.LinkedHashMap<>();
        recall.put("recall", mine.recall(deploy, c));
        recall.put("recall-low", w.lower());
        recall.put("recall-high", w.upper());
        recall.put("support", (double) n);
        Problem p = new Problem(mine.model(), className(mine, c), 0, Problem.Kind.WEAK_CLASS, null, null,
                mine.dataset(deploy), Effect.NONE, harms.betweenModels(mine, other, c), harms.misses(mine, c),
                recall, List.of(), null, "", "", List.of());
        return new Finding(p, deploy, List.of(), null);
    }

    /** Per kind of edit, its worst variant on its worst data set, where it is broad enough to be a fragility. */
    private List<Finding> fragilities(Measures mine) {
        List<Finding> out = new ArrayList<>();
        for (Cue.Kind kind : Cue.Kind.values()) {
            Finding worst = null;
            double worstRate = -1;
            for (int d = 0; d < mine.datasets(); d++) {
                for (Cue cue : removalCues(mine, d, kind)) {
                    List<Trial> trials = mine.trials().get(d).stream()
                            .filter(t -> !t.probe().transplant() && t.cue().sameAs(cue)).toList();
                    Rate pooled = trials.stream().map(Trial::rate).reduce(Rate.NONE, Rate::plus);
                    if (broad(trials, pooled) && pooled.rate() > worstRate) {
                        worstRate = pooled.rate();
                        worst = fragility(mine, d, cue, trials, pooled);
                    }
                }
            }
            if (worst != null) {
                out.add(worst);
            }
        }
        return out;
    }

    private boolean broad(List<Trial> trials, Rate pooled) {
        int over = 0;
        int classes = 0;
        for (Trial t : trials) {
            Rate r = t.rate();
            if (!r.isEmpty()) {
                classes++;
                over += r.rate() > settings.maxFlipRate() ? 1 : 0;
            }
        }
        return classes > 0 && 2 * over > classes && pooled.low() > settings.maxFlipRate();
    }

    private Finding fragility(Measures mine, int d, Cue cue, List<Trial> trials, Rate pooled) {
        int classes = mine.runs().get(d).data().classes().size();
        int[] to = new int[classes];
        for (Trial t : trials) {
            int[] dest = t.destinations(classes);
            for (int k = 0; k < classes; k++) {
                to[k] += dest[k];
            }
        }
        String toward = null;
        for (int k = 0; k < classes; k++) {
            if (2 * to[k] > pooled.count()) {
                toward = className(mine, k);
            }
        }
        Map<String, Double> found = new java.util.LinkedHashMap<>();
        destinations(mine, trials, found);
        Problem p = new Problem(mine.model(), null, 0, Problem.Kind.FRAGILITY, cue, toward, mine.dataset(d),
                new Effect(pooled, Rate.NONE, Rate.NONE, Rate.NONE), null, harms.edit(mine, pooled), found,
                List.of(), null, "", "", List.of());
        return new Finding(p, d, trials, null);
    }

    /** Where the right answers the removals cost went: "removed-to CLASS" → how many, for each class that got some. */
    private static void destinations(Measures mine, List<Trial> removals, Map<String, Double> into) {
        int classes = mine.runs().get(0).data().classes().size();
        int[] to = new int[classes];
        for (Trial t : removals) {
            int[] dest = t.destinations(classes);
            for (int k = 0; k < classes; k++) {
                to[k] += dest[k];
            }
        }
        for (int k = 0; k < classes; k++) {
            if (to[k] > 0) {
                into.put("removed-to " + className(mine, k), (double) to[k]);
            }
        }
    }

    private static List<Cue> removalCues(Measures mine, int d, Cue.Kind kind) {
        List<Cue> out = new ArrayList<>();
        for (Trial t : mine.trials().get(d)) {
            if (!t.probe().transplant() && t.cue().kind() == kind && out.stream().noneMatch(c -> c.sameAs(t.cue()))) {
                out.add(t.cue());
            }
        }
        return out;
    }

    private static String className(Measures m, int c) {
        return m.runs().get(0).data().classes().get(c);
    }
}
