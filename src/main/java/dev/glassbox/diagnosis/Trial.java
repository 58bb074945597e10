package dev.glassbox.diagnosis;

/**
 * One model's answers on one probe: before (from the evaluation pass), after the edit and, for a transplant, after
 * the control edit. What each rate counts is decided here, once.
 *
 * @param probe   the edited pictures
 * @param dataset the data set's name
 * @param before  the answer on each original picture
 * @param after   the answer on each edited picture
 * @param control the answer on each control picture, or null for a removal
 */
record Trial(Probe probe, String dataset, int[] before, int[] after, int[] control) {

    int cls() {
        return probe.cls();
    }

    Cue cue() {
        return probe.cue();
    }

    /**
     * Per picture, whether the edit did what the probe asks about: for a removal, a right answer turned wrong; for a
     * transplant, an answer that was not the class turned into it.
     */
    boolean[] outcome() {
        return outcome(after);
    }

    /** The same for the control edit. */
    boolean[] controlOutcome() {
        return outcome(control);
    }

    /** Per picture, whether it counts: answered right before a removal, not answered as the class before a transplant. */
    boolean[] eligible() {
        boolean[] out = new boolean[before.length];
        for (int i = 0; i < before.length; i++) {
            out[i] = probe.transplant() ? before[i] != cls() : before[i] == cls();
        }
        return out;
    }

    Rate rate() {
        return Rate.of(outcome(), eligible());
    }

    Rate controlRate() {
        return control == null ? Rate.NONE : Rate.of(controlOutcome(), eligible());
    }

    /** Where the answers the removal changed went: per class, how many. */
    int[] destinations(int classes) {
        int[] out = new int[classes];
        boolean[] lost = outcome();
        for (int i = 0; i < lost.length; i++) {
            if (lost[i]) {
                out[after[i]]++;
            }
        }
        return out;
    }

    /** The first picture where the edit did it and the control did not, or -1. */
    int example() {
        boolean[] hit = outcome();
        boolean[] ctl = control == null ? new boolean[hit.length] : controlOutcome();
        for (int i = 0; i < hit.length; i++) {
            if (hit[i] && !ctl[i]) {
                return i;
            }
        }
        return -1;
    }

    private boolean[] outcome(int[] answers) {
        boolean[] out = new boolean[before.length];
        boolean[] eligible = eligible();
        for (int i = 0; i < before.length; i++) {
            out[i] = eligible[i] && (probe.transplant() ? answers[i] == cls() : answers[i] != cls());
        }
        return out;
    }
}
