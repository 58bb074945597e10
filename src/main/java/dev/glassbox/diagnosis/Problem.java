package dev.glassbox.diagnosis;

import dev.glassbox.checks.Evidence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One thing wrong with a model: a class, the cue behind it and what it costs, with the evidence.
 *
 * @param model      the model diagnosed
 * @param className  the class, or null for a fragility that hurts every class
 * @param rank       1 for the most harmful; shortcuts first, then weak classes, then fragilities
 * @param kind       shortcut, fragility or weak class
 * @param cue        the cue, or null for a weak class
 * @param toward     the class the cue pulls answers to, or null
 * @param dataset    the data set the effect was measured on (the one that shows it most clearly)
 * @param effect     removal and transplant shares with what they are measured against
 * @param recallGap  the class's recall gap between data sets or models, or null
 * @param harm       expected wrong answers on the deployment-like data set
 * @param signals    what pointed at the cue before it was tested, by name ("attribution-share" beside
 *                   "attribution-baseline" or "attribution-area", "property-auc" and its "property-p"), and where the
 *                   right answers its removal cost went ("removed-to CLASS": how many); for a weak class its
 *                   "recall", "recall-low", "recall-high" and "support"
 * @param otherCues  further cues of the same class that were also confirmed (one problem per class keeps the list
 *                   short)
 * @param comparison the same measures on the other model, or null with one model
 * @param sentence   what was found, in plain words with the numbers
 * @param action     what to do about it
 * @param evidence   a before/after pair on the same picture, where there is one
 */
public record Problem(String model, String className, int rank, Kind kind, Cue cue, String toward, String dataset,
                      Effect effect, RecallGap recallGap, Harm harm, Map<String, Double> signals, List<Cue> otherCues,
                      Comparison comparison, String sentence, String action, List<Evidence> evidence) {

    /** What sort of problem. */
    public enum Kind {
        /** A class decided by a cue that is not the object, which the model needs or which pulls answers to it. */
        SHORTCUT,
        /** A change that should not matter hurts many classes alike. */
        FRAGILITY,
        /** A class the model often misses, with no cue found. */
        WEAK_CLASS;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Problem {
        Objects.requireNonNull(model);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(effect);
        Objects.requireNonNull(harm);
        signals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(signals));
        otherCues = List.copyOf(otherCues);
        evidence = List.copyOf(evidence);
    }

    Problem ranked(int r) {
        return new Problem(model, className, r, kind, cue, toward, dataset, effect, recallGap, harm, signals,
                otherCues, comparison, sentence, action, evidence);
    }

    Problem worded(String what, String todo) {
        return new Problem(model, className, rank, kind, cue, toward, dataset, effect, recallGap, harm, signals,
                otherCues, comparison, what, todo, evidence);
    }

    Problem compared(Comparison other) {
        return new Problem(model, className, rank, kind, cue, toward, dataset, effect, recallGap, harm, signals,
                otherCues, other, sentence, action, evidence);
    }

    Problem withEvidence(List<Evidence> pictures) {
        return new Problem(model, className, rank, kind, cue, toward, dataset, effect, recallGap, harm, signals,
                otherCues, comparison, sentence, action, pictures);
    }
}
