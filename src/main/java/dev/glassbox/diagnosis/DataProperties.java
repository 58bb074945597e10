package dev.glassbox.diagnosis;

import dev.glassbox.evaluation.Normal;
import java.util.Arrays;

/**
 * Properties of the pictures themselves that tell a class apart on their own, whatever the model (in the spirit of
 * Deepchecks' property–label correlation): the border's mean colour, the brightness, each corner's mean colour. For
 * each class and property, the AUC of "close to the class's median" at telling the class's pictures from the others':
 * 0.5 is chance, 1 means the property alone names the class. A data set whose backgrounds or corners carry the class
 * invites a shortcut.
 */
final class DataProperties {

    private DataProperties() {}

    static Signals measure(DatasetSample s) {
        Signals out = new Signals();
        int[] all = Arrays.stream(s.byClass).flatMapToInt(Arrays::stream).toArray();
        if (all.length == 0) {
            return out;
        }
        int[] labels = Arrays.stream(all).map(s::label).toArray();
        boolean[] ring = Selections.ring(s.height, s.width, s.ring);
        float[][] border = new float[all.length][];
        float[][] brightness = new float[all.length][];
        float[][][] corners = new float[Selections.CORNERS.length][all.length][];
        for (int i = 0; i < all.length; i++) {
            float[] px = s.pixels(all[i]);
            border[i] = Selections.meanColour(px, ring, s.channels);
            brightness[i] = new float[] {(float) Selections.luma(Selections.meanColour(px, everywhere(ring.length),
                    s.channels))};
            for (int k = 0; k < corners.length; k++) {
                corners[k][i] = Selections.meanColour(px, Selections.corner(s.height, s.width, s.patch, k),
                        s.channels);
            }
        }
        String d = s.data.name();
        for (int c = 0; c < s.classes; c++) {
            if (s.byClass[c].length == 0 || s.byClass[c].length == all.length) {
                continue;
            }
            int n = s.byClass[c].length;
            put(out, d, c, new Cue(Cue.Kind.BACKGROUND, null, null), auc(border, labels, c), n, all.length - n);
            put(out, d, c, new Cue(Cue.Kind.BRIGHTNESS, null, null), auc(brightness, labels, c), n, all.length - n);
            for (int k = 0; k < corners.length; k++) {
                put(out, d, c, new Cue(Cue.Kind.CORNER, Selections.CORNERS[k], null), auc(corners[k], labels, c), n,
                        all.length - n);
            }
        }
        return out;
    }

    /**
     * The AUC and its one-sided p-value against chance (the Mann–Whitney normal approximation: the AUC's standard
     * error under "no difference" is √((n₁ + n₂ + 1) / (12 n₁ n₂))).
     */
    private static void put(Signals out, String d, int c, Cue cue, double auc, int n1, int n2) {
        out.put(d, c, cue, "property-auc", auc);
        double se = Math.sqrt((n1 + n2 + 1.0) / (12.0 * n1 * n2));
        out.put(d, c, cue, "property-p", Normal.upperTail((auc - 0.5) / se));
    }

    /**
     * The AUC of minus the distance to class {@code c}'s median value at picking out class {@code c}: the chance
     * that one of its pictures lies closer to that median than one of another class (ties count half).
     */
    static double auc(float[][] values, int[] labels, int c) {
        int n = 0;
        for (int l : labels) {
            n += l == c ? 1 : 0;
        }
        float[][] mine = new float[n][];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == c) {
                mine[k++] = values[i];
            }
        }
        float[] centre = Selections.median(mine, values[0].length);
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != c) {
                continue;
            }
            double di = distance(values[i], centre);
            for (int j = 0; j < labels.length; j++) {
                if (labels[j] != c) {
                    double dj = distance(values[j], centre);
                    wins += di < dj ? 1 : di == dj ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    private static boolean[] everywhere(int n) {
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        return all;
    }
}
