package dev.glassbox.diagnosis;

import dev.glassbox.checks.Evidence;
import dev.glassbox.imaging.Pictures;
import java.util.ArrayList;
import java.util.List;

/**
 * A problem's before/after pair: one picture as it was and with the cue put in (or taken out), each captioned with
 * what the model (and the other model, where there is one) answered; for a weak class, one picture it missed.
 */
final class EvidencePictures {

    private final Pictures pictures;
    private final List<DatasetSample> samples;

    EvidencePictures(Pictures pictures, List<DatasetSample> samples) {
        this.pictures = pictures;
        this.samples = samples;
    }

    /**
     * @param folder where the pictures go ("diagnosis/m0/")
     * @param slug   a file-name stem unique to the problem
     * @param other  the other model's measures, or null
     */
    List<Evidence> of(Finding f, String folder, String slug, Measures mine, Measures other) {
        if (f.problem().kind() == Problem.Kind.WEAK_CLASS) {
            return miss(f, folder, slug, mine, other);
        }
        // the edit the problem's sentence leads with; the other where that one has no picture to show
        boolean transplantShown = f.transplant() != null && f.transplant().example() >= 0;
        Trial trial = transplantShown && f.problem().effect().transplantLeads() ? f.transplant() : firstRemoval(f);
        if (trial == null && transplantShown) {
            trial = f.transplant();
        }
        if (trial == null) {
            return List.of();
        }
        DatasetSample s = samples.get(f.dataset());
        int row = trial.example();
        int picture = trial.probe().pictures()[row];
        List<String> classes = s.data.classes();
        String before = pictures.image(folder + slug + "-before.png", s.pixels(picture), s.data.input());
        String after = pictures.image(folder + slug + "-after.png", trial.probe().edited().make(row),
                s.data.input());
        Trial theirs = other == null ? null : other.trials().get(f.dataset()).get(mine.indexOf(f.dataset(), trial));
        String edit = trial.probe().transplant() ? "with the " + ProblemWording.thing(trial.cue()) + " of a '"
                + classes.get(trial.cls()) + "' picture put in" : "after " + ProblemWording.removing(trial.cue());
        List<Evidence> out = new ArrayList<>();
        out.add(new Evidence(before, "Before (" + s.data.files().get(picture) + "): " + answers(mine, other,
                trial.before()[row], theirs == null ? -1 : theirs.before()[row], classes)));
        out.add(new Evidence(after, "The same picture " + edit + ": " + answers(mine, other, trial.after()[row],
                theirs == null ? -1 : theirs.after()[row], classes)));
        return out;
    }

    /** A weak class's evidence: one of its sampled pictures the model missed, with both models' answers. */
    private List<Evidence> miss(Finding f, String folder, String slug, Measures mine, Measures other) {
        DatasetSample s = samples.get(f.dataset());
        List<String> classes = s.data.classes();
        int c = classes.indexOf(f.problem().className());
        var mineRun = mine.runs().get(f.dataset()).predictions();
        for (int picture : s.byClass[c]) {
            if (mineRun.predicted(picture) != c) {
                String path = pictures.image(folder + slug + "-missed.png", s.pixels(picture), s.data.input());
                String theirs = other == null ? "." : "; " + other.model() + " answered '"
                        + classes.get(other.runs().get(f.dataset()).predictions().predicted(picture)) + "'.";
                return List.of(new Evidence(path, "A '" + classes.get(c) + "' picture it missed ("
                        + s.data.files().get(picture) + "): " + mine.model() + " answered '"
                        + classes.get(mineRun.predicted(picture)) + "'" + theirs));
            }
        }
        return List.of();
    }

    private static Trial firstRemoval(Finding f) {
        return f.removals().stream().filter(t -> t.example() >= 0).findFirst().orElse(null);
    }

    private static String answers(Measures mine, Measures other, int answer, int theirAnswer,
                                  List<String> classes) {
        String s = mine.model() + " answered '" + classes.get(answer) + "'";
        return other == null ? s + "." : s + "; " + other.model() + " answered '" + classes.get(theirAnswer) + "'.";
    }
}
