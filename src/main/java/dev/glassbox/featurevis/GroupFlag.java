package dev.glassbox.featurevis;

/**
 * Why a neuron group deserves a look, from a measurement.
 *
 * @param kind      {@code tracks-cue}: the group is more active on the same pictures with a diagnosed cue than
 *                  without it; {@code reliance-differs}: a class with a diagnosed shortcut leans on this group more
 *                  than on any group of the same layer in the other model
 * @param className the class of the diagnosed problem
 * @param cue       the cue, as the diagnosis labels it ("background", "corner bottom-right"); null for reliance
 * @param with      tracks-cue: the group's mean activation with the cue; reliance-differs: the class's reliance share
 *                  on this group
 * @param without   tracks-cue: its mean activation without the cue (the control edit, or the cue removed);
 *                  reliance-differs: the class's largest reliance share on any group of the other model's layer
 * @param pictures  the pictures behind the figures (0 for reliance, which is measured on the neuron sample)
 * @param p         tracks-cue: the one-sided sign test of "more active with the cue" on the paired pictures; NaN
 *                  for reliance
 */
public record GroupFlag(String kind, String className, String cue, double with, double without, int pictures,
                        double p) {

    public static final String TRACKS_CUE = "tracks-cue";
    public static final String RELIANCE_DIFFERS = "reliance-differs";
}
