package dev.glassbox.diagnosis;

import dev.glassbox.checks.DatasetRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything measured about one model: its evaluation of each data set and its trials there, in probe order (the same
 * order for every model, so that trial {@code i} of two models is the same pictures).
 *
 * @param model  the model's name
 * @param runs   its evaluation of each data set
 * @param trials per data set, its trials
 */
record Measures(String model, List<DatasetRun> runs, List<List<Trial>> trials) {

    Measures {
        runs = List.copyOf(runs);
        trials = List.copyOf(trials);
    }

    int datasets() {
        return runs.size();
    }

    String dataset(int d) {
        return runs.get(d).name();
    }

    /** Pictures of class {@code c} in data set {@code d}. */
    long support(int d, int c) {
        return runs.get(d).evaluation().classes().get(c).support();
    }

    /** Pictures of class {@code c} in data set {@code d} the model named right. */
    long hits(int d, int c) {
        return runs.get(d).evaluation().confusion().count(c, c);
    }

    double recall(int d, int c) {
        long n = support(d, c);
        return n == 0 ? Double.NaN : (double) hits(d, c) / n;
    }

    /** Per picture of class {@code c} in data set {@code d} (in data set order), whether the model missed it. */
    boolean[] missed(int d, int c) {
        DatasetRun run = runs.get(d);
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < run.data().size(); i++) {
            if (run.data().label(i) == c) {
                out.add(run.predictions().predicted(i) != c);
            }
        }
        boolean[] b = new boolean[out.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = out.get(i);
        }
        return b;
    }

    /** The trial on data set {@code d} of the probe of this class, cue and mode, or null. */
    Trial trial(int d, int c, Cue cue, Probe.Mode mode) {
        for (Trial t : trials.get(d)) {
            if (t.cls() == c && t.probe().mode() == mode && t.cue().sameAs(cue)) {
                return t;
            }
        }
        return null;
    }

    /** The index of a trial among data set {@code d}'s: the same index names the same pictures for every model. */
    int indexOf(int d, Trial t) {
        return trials.get(d).indexOf(t);
    }

    /**
     * The same removal on the other classes' pictures of data set {@code d}, pooled: right answers turned wrong out
     * of right answers.
     */
    Rate removedElsewhere(int d, int c, Cue cue) {
        Rate pooled = Rate.NONE;
        for (Trial t : trials.get(d)) {
            if (t.cls() != c && !t.probe().transplant() && t.cue().sameAs(cue)) {
                pooled = pooled.plus(t.rate());
            }
        }
        return pooled;
    }
}
