package dev.glassbox.diagnosis;

/**
 * What a cue does to a model's answers, each share with its interval.
 *
 * @param removed          of the class's pictures the model answered right, the share it no longer answers right
 *                         once the cue is removed (covered, recoloured, mirrored...); {@link Rate#NONE} when not
 *                         measured
 * @param transplanted     of other classes' pictures not answered as the class, the share answered as the class once
 *                         the class's cue is put into them; {@link Rate#NONE} for a cue that cannot be transplanted
 * @param removedElsewhere the same removal on the other classes' pictures, pooled: what "this class far more than
 *                         the others" is measured against
 * @param control          the same pictures with the same place edited but without the class's cue (the background
 *                         in another class's colour; the corner or region in the class's background colour),
 *                         answered as the class: what "the cue pulls" is measured against
 */
public record Effect(Rate removed, Rate transplanted, Rate removedElsewhere, Rate control) {

    public static final Effect NONE = new Effect(Rate.NONE, Rate.NONE, Rate.NONE, Rate.NONE);

    /** How far the transplant outdoes its control, or 0 when it was not measured. */
    public double pull() {
        return transplanted.isEmpty() || control.isEmpty() ? 0 : transplanted.rate() - control.rate();
    }

    /** How far the removal hurts this class beyond the others, or 0 when it was not measured. */
    public double need() {
        return removed.isEmpty() || removedElsewhere.isEmpty() ? 0 : removed.rate() - removedElsewhere.rate();
    }

    /**
     * Whether the transplant tells the problem best: it was measured and pulls at least as far as the removal hurts.
     * The problem's sentence leads with that edit, and its before/after pair shows the same one.
     */
    public boolean transplantLeads() {
        return !transplanted.isEmpty() && pull() >= need();
    }
}
