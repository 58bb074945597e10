package dev.glassbox.diagnosis;

/**
 * The edits that put a cue into a picture or take it out, on pixel arrays {@code [channels * height * width]},
 * channels first, values in [0, 1]. Each returns a new array.
 */
final class Transplants {

    private Transplants() {}

    /** The donor's pixels where {@code where} holds, the target's elsewhere. */
    static float[] copy(float[] target, float[] donor, boolean[] where, int channels) {
        float[] out = target.clone();
        int hw = where.length;
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < hw; p++) {
                if (where[p]) {
                    out[c * hw + p] = donor[c * hw + p];
                }
            }
        }
        return out;
    }

    /**
     * The selected pixels moved to {@code colour} on average, their texture kept: each pixel's offset from the
     * selection's mean colour is added to the new colour (then clipped), so a graded, noisy background stays graded and
     * noisy in its new colour.
     */
    static float[] recolour(float[] px, boolean[] where, float[] colour, int channels) {
        float[] mean = Selections.meanColour(px, where, channels);
        float[] out = px.clone();
        int hw = where.length;
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < hw; p++) {
                if (where[p]) {
                    out[c * hw + p] = clip(px[c * hw + p] - mean[c] + colour[c]);
                }
            }
        }
        return out;
    }

    /** The selected pixels filled with one colour. */
    static float[] fill(float[] px, boolean[] where, float[] colour, int channels) {
        float[] out = px.clone();
        int hw = where.length;
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < hw; p++) {
                if (where[p]) {
                    out[c * hw + p] = colour[c];
                }
            }
        }
        return out;
    }

    private static float clip(float v) {
        return Math.min(1, Math.max(0, v));
    }
}
