package dev.glassbox.diagnosis;

import java.util.Objects;

/**
 * Edited copies of some pictures of one data set, made the same way for every model: a cue removed from pictures of
 * its class, or a class's cue put into pictures of other classes (with a control edit of the same place).
 *
 * @param mode     removal or transplant
 * @param cue      the cue removed or transplanted
 * @param cls      the class whose cue it is
 * @param pictures the data set indices of the pictures edited
 * @param edited   makes row {@code i}'s edited picture
 * @param control  makes row {@code i}'s control picture (transplants only; null for removals)
 * @param where    row {@code i}'s edited place, for neuron groups and evidence
 * @param shared   for a control that does not depend on the class (the same picture for every class's probe),
 *                 row {@code i}'s key, so that each such control is asked once; null when controls are the probe's own
 * @param edit     for a removal by an interventions edit, which edit and variant (a model may have answered it
 *                 already); null otherwise
 */
record Probe(Mode mode, Cue cue, int cls, int[] pictures, Picture edited, Picture control, Place where,
             SharedControl shared, EditVariant edit) {

    /** An interventions edit and its variant. */
    record EditVariant(dev.glassbox.checks.Edit edit, int variant) {}

    enum Mode { REMOVAL, TRANSPLANT }

    /** One row's picture, made on demand so that only a block of them is ever held. */
    @FunctionalInterface
    interface Picture {
        float[] make(int row);
    }

    /** Which shared control picture row {@code i} uses. */
    @FunctionalInterface
    interface SharedControl {
        long key(int row);
    }

    /** One row's edited place. */
    @FunctionalInterface
    interface Place {
        boolean[] of(int row);
    }

    Probe {
        Objects.requireNonNull(mode);
        Objects.requireNonNull(cue);
        if ((mode == Mode.TRANSPLANT) != (control != null)) {
            throw new IllegalArgumentException("a transplant, and only a transplant, has a control");
        }
    }

    boolean transplant() {
        return mode == Mode.TRANSPLANT;
    }

    int size() {
        return pictures.length;
    }

    /** Edited rows per picture: the edit, and its control for a transplant. */
    int rowsPerPicture() {
        return transplant() ? 2 : 1;
    }
}
