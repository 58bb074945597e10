package dev.glassbox.report.site;

import dev.glassbox.checks.CheckResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which edits a class's problem names, from its results of the check of edits that should not matter: the result
 * (one data set) whose edits over the maximum point most at one part of the picture (the background, a corner: the
 * places a shortcut sits), and in it the strongest such edit, then the next edit over the maximum.
 *
 * @param result the result the sentence quotes
 * @param first  the edit named first
 * @param second the next edit over the maximum, or null
 */
record EditChoice(CheckResult result, ProblemWording.EditEffect first, ProblemWording.EditEffect second) {

    private static final String RATE = "flip-rate ";
    private static final List<String> CORNERS = List.of("top-left", "top-right", "bottom-left", "bottom-right");
    private static final List<String> LIGHT = List.of("brighter", "darker");

    /** The choice among {@code results}, or null where no edit went over its maximum. */
    static EditChoice of(List<CheckResult> results) {
        EditChoice best = null;
        for (CheckResult r : results) {
            if (!r.check().equals("interventions") || r.threshold() == null) {
                continue;
            }
            List<ProblemWording.EditEffect> over = over(r);
            if (over.isEmpty()) {
                continue;
            }
            EditChoice c = new EditChoice(r, over.get(0), over.size() > 1 ? over.get(1) : null);
            if (best == null || c.better(best)) {
                best = c;
            }
        }
        return best;
    }

    /** The edits over the result's maximum: local ones first, each group by rate, the strongest first. */
    private static List<ProblemWording.EditEffect> over(CheckResult r) {
        List<ProblemWording.EditEffect> over = new ArrayList<>();
        r.details().forEach((name, rate) -> {
            if (!name.startsWith(RATE) || rate == null || !(rate > r.threshold())) {
                return;
            }
            String edit = name.substring(RATE.length());
            if (CORNERS.contains(edit) || LIGHT.contains(edit)) {
                return; // a variant: named within its edit
            }
            over.add(new ProblemWording.EditEffect(edit, variant(r, edit), rate));
        });
        over.sort(Comparator.comparing((ProblemWording.EditEffect e) -> !e.local())
                .thenComparing(Comparator.comparingDouble(ProblemWording.EditEffect::rate).reversed()));
        return over;
    }

    /** The corner, or the light, that changed most answers, for an edit with several variants. */
    private static String variant(CheckResult r, String edit) {
        List<String> variants = edit.equals("corners") ? CORNERS : edit.equals("brightness") ? LIGHT : List.of();
        String best = null;
        double most = 0;
        for (String v : variants) {
            Double rate = r.details().get(RATE + v);
            if (rate != null && rate > most) {
                best = v;
                most = rate;
            }
        }
        return best;
    }

    private long localCount() {
        return (first.local() ? 1 : 0) + (second != null && second.local() ? 1 : 0);
    }

    private boolean better(EditChoice other) {
        if (localCount() != other.localCount()) {
            return localCount() > other.localCount();
        }
        return first.rate() > other.first.rate();
    }
}
