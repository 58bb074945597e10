package dev.glassbox.diagnosis;

import java.util.List;

/**
 * A problem as it was found, with the trials behind it, before it is compared, illustrated, worded and ranked.
 *
 * @param problem    the problem so far
 * @param dataset    the data set its trials are from (index)
 * @param removals   the removal trials behind it: one for a shortcut, one per class for a fragility; may be empty
 * @param transplant the transplant trial behind it, or null
 */
record Finding(Problem problem, int dataset, List<Trial> removals, Trial transplant) {

    Finding {
        removals = List.copyOf(removals);
    }

    Finding with(Problem p) {
        return new Finding(p, dataset, removals, transplant);
    }
}
