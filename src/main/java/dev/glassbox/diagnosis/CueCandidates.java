package dev.glassbox.diagnosis;

import dev.glassbox.evaluation.FisherExact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which local cues of a class (a corner, a named region) are worth transplanting on a data set, from what was
 * measured before, on any model: the cue's removal costs the class at least twice the share of right answers it costs
 * the other classes (one-sided Fisher p < 5%); the class's attribution there is at least twice the classes' mean
 * share (a region: twice the share of the picture it covers); or the place's colour tells the class apart better
 * than chance (one-sided p < 5%). At most {@link #PER_CLASS} per class, those with the most signals (then the
 * smallest p) first, so that a class with few pictures, where every test is loose, does not cost a transplant of
 * every place. A class's background colour and its attribution hotspots are always transplanted. Screening only
 * spares the models questions no signal asked: the transplant decides.
 */
final class CueCandidates implements Probes.Candidates {

    static final double SCREEN_LEVEL = 0.05;
    static final int PER_CLASS = 2;

    private final String dataset;
    private final List<String> regions;
    private final List<List<Trial>> removals;
    private final List<Signals> signals;
    private final Map<Integer, List<Cue>> chosen = new HashMap<>();

    /** A cue's screening: how many signals point at it, and the smallest p among them. */
    private record Screen(Cue cue, int signals, double p) {}

    /**
     * @param removals per model, its removal trials on the data set
     * @param signals  per model, its signals (attribution and data properties)
     */
    CueCandidates(DatasetSample sample, List<List<Trial>> removals, List<Signals> signals) {
        this.dataset = sample.data.name();
        this.regions = sample.regionNames();
        this.removals = removals;
        this.signals = signals;
    }

    @Override
    public boolean test(int cls, Cue cue) {
        return chosen.computeIfAbsent(cls, this::choose).stream().anyMatch(c -> c.sameAs(cue));
    }

    private List<Cue> choose(int cls) {
        List<Screen> passing = new ArrayList<>();
        List<Cue> local = new ArrayList<>();
        for (String corner : Selections.CORNERS) {
            local.add(new Cue(Cue.Kind.CORNER, corner, null));
        }
        regions.forEach(r -> local.add(new Cue(Cue.Kind.REGION, r, null)));
        for (Cue cue : local) {
            Screen s = screen(cls, cue);
            if (s.signals() > 0) {
                passing.add(s);
            }
        }
        passing.sort(Comparator.comparingInt((Screen s) -> -s.signals()).thenComparingDouble(Screen::p));
        return passing.stream().limit(PER_CLASS).map(Screen::cue).toList();
    }

    private Screen screen(int cls, Cue cue) {
        int count = 0;
        double best = 1;
        for (int m = 0; m < removals.size(); m++) {
            double removal = removal(removals.get(m), cls, cue);
            if (removal < SCREEN_LEVEL) {
                count++;
                best = Math.min(best, removal);
            }
            Map<String, Double> s = signals.get(m).of(dataset, cls, cue);
            Double share = s.get("attribution-share");
            Double baseline = s.containsKey("attribution-baseline") ? s.get("attribution-baseline")
                    : s.get("attribution-area");
            if (share != null && baseline != null && share >= Rules.FAR_MORE * baseline) {
                count++;
            }
            Double p = s.get("property-p");
            if (p != null && p < SCREEN_LEVEL) {
                count++;
                best = Math.min(best, p);
            }
        }
        return new Screen(cue, count, best);
    }

    /** The removal's one-sided Fisher p against the other classes, or 1 when it is not at least twice theirs. */
    private static double removal(List<Trial> trials, int cls, Cue cue) {
        Rate mine = Rate.NONE;
        Rate elsewhere = Rate.NONE;
        for (Trial t : trials) {
            if (t.cue().sameAs(cue)) {
                if (t.cls() == cls) {
                    mine = mine.plus(t.rate());
                } else {
                    elsewhere = elsewhere.plus(t.rate());
                }
            }
        }
        if (mine.count() == 0 || elsewhere.isEmpty() || mine.rate() < Rules.FAR_MORE * elsewhere.rate()) {
            return 1;
        }
        return FisherExact.greater(mine.count(), mine.images(), elsewhere.count(), elsewhere.images());
    }
}
