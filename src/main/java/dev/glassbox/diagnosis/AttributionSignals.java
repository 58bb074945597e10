package dev.glassbox.diagnosis;

import dev.glassbox.checks.CheckContext;
import dev.glassbox.checks.MethodSpec;
import dev.glassbox.imaging.PixelMaps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a model's attribution gathers, per class: each picture's positive attribution normalized to sum 1, averaged
 * over the class's pictures (the class-mean map), compared with the mean over all classes. Gives the share on the
 * background, on each corner and on each named region (beside the share of the picture they cover), and the
 * class's hotspot: the patch-sized window outside the typical object area where the class's map most exceeds the
 * classes' mean, when it holds at least twice their share there.
 */
final class AttributionSignals {

    /** A hotspot holds at least this many times the classes' mean attribution in its window. */
    static final double HOTSPOT_LIFT = 2;

    private final DatasetSample s;
    final Signals signals = new Signals();
    final List<Probes.Spot> spots = new ArrayList<>();

    private AttributionSignals(DatasetSample sample) {
        this.s = sample;
    }

    static AttributionSignals measure(DatasetSample sample, CheckContext context, MethodSpec method, int perClass) {
        AttributionSignals a = new AttributionSignals(sample);
        if (perClass > 0) {
            a.run(context, method, perClass);
        }
        return a;
    }

    private void run(CheckContext context, MethodSpec method, int perClass) {
        int[][] pictures = new int[s.classes][];
        for (int c = 0; c < s.classes; c++) {
            pictures[c] = Arrays.copyOf(s.byClass[c], Math.min(perClass, s.byClass[c].length));
        }
        int[] all = Arrays.stream(pictures).flatMapToInt(Arrays::stream).toArray();
        if (all.length == 0) {
            return;
        }
        int[] targets = Arrays.stream(all).map(s::label).toArray();
        float[][] px = new float[all.length][];
        for (int i = 0; i < all.length; i++) {
            px[i] = s.pixels(all[i]);
        }
        float[][] maps = PixelMaps.of(context.attribute(method, context.engine(), context.modelInput(s.data, px),
                targets), context.engine().input(), s.data.input(), PixelMaps.Reduce.POSITIVE);
        int hw = s.height * s.width;
        double[][] classMean = new double[s.classes][];
        double[] allMean = new double[hw];
        int withPictures = 0;
        int at = 0;
        for (int c = 0; c < s.classes; c++) {
            float[][] mine = Arrays.copyOfRange(maps, at, at + pictures[c].length);
            at += pictures[c].length;
            if (mine.length == 0) {
                continue;
            }
            classMean[c] = mean(mine);
            for (int p = 0; p < hw; p++) {
                allMean[p] += classMean[c][p];
            }
            withPictures++;
            shares(c, pictures[c], mine);
        }
        for (int p = 0; p < hw; p++) {
            allMean[p] /= Math.max(1, withPictures);
        }
        for (int c = 0; c < s.classes; c++) {
            if (classMean[c] != null) {
                corners(c, classMean[c], allMean);
                hotspot(c, pictures[c], classMean[c], allMean);
            }
        }
    }

    /** The share on the background and on each named region, beside the share of the picture they cover. */
    private void shares(int c, int[] pictures, float[][] maps) {
        String d = s.data.name();
        double share = 0;
        double area = 0;
        for (int i = 0; i < pictures.length; i++) {
            boolean[] bg = s.backgroundOf(pictures[i]);
            share += sum(maps[i], bg);
            area += (double) Selections.count(bg) / bg.length;
        }
        Cue background = new Cue(Cue.Kind.BACKGROUND, null, null);
        signals.put(d, c, background, "attribution-share", share / pictures.length);
        signals.put(d, c, background, "attribution-area", area / pictures.length);
        for (String r : s.regionNames()) {
            double rs = 0;
            double ra = 0;
            int n = 0;
            for (int i = 0; i < pictures.length; i++) {
                boolean[] region = Selections.of(s.region(r, pictures[i]));
                if (Selections.count(region) > 0) {
                    rs += sum(maps[i], region);
                    ra += (double) Selections.count(region) / region.length;
                    n++;
                }
            }
            if (n > 0) {
                Cue cue = new Cue(Cue.Kind.REGION, r, null);
                signals.put(d, c, cue, "attribution-share", rs / n);
                signals.put(d, c, cue, "attribution-area", ra / n);
            }
        }
    }

    /** Each corner's share of the class-mean map beside the classes' mean share there. */
    private void corners(int c, double[] mine, double[] all) {
        for (int k = 0; k < Selections.CORNERS.length; k++) {
            boolean[] square = Selections.corner(s.height, s.width, s.patch, k);
            Cue cue = new Cue(Cue.Kind.CORNER, Selections.CORNERS[k], null);
            signals.put(s.data.name(), c, cue, "attribution-share", sum(mine, square));
            signals.put(s.data.name(), c, cue, "attribution-baseline", sum(all, square));
        }
    }

    /**
     * The window with the largest excess of the class's map over the classes' mean, among windows mostly off the
     * class's objects (with masks) and not mostly inside a corner patch (corners are tested on their own).
     */
    private void hotspot(int c, int[] pictures, double[] mine, double[] all) {
        int step = Math.max(1, s.patch / 2);
        double best = 0;
        int[] at = null;
        for (int y = 0; y + s.patch <= s.height; y += step) {
            for (int x = 0; x + s.patch <= s.width; x += step) {
                boolean[] window = Selections.window(s.height, s.width, x, y, s.patch);
                double excess = sum(mine, window) - sum(all, window);
                if (excess > best && offObjects(pictures, window) && !inCorner(window)) {
                    best = excess;
                    at = new int[] {x, y};
                }
            }
        }
        if (at == null) {
            return;
        }
        boolean[] window = Selections.window(s.height, s.width, at[0], at[1], s.patch);
        double share = sum(mine, window);
        double baseline = sum(all, window);
        if (share >= HOTSPOT_LIFT * baseline) {
            Probes.Spot spot = new Probes.Spot(c, at[0], at[1]);
            spots.add(spot);
            Cue cue = new Cue(Cue.Kind.SPOT, spot.label(s.patch), null);
            signals.put(s.data.name(), c, cue, "attribution-share", share);
            signals.put(s.data.name(), c, cue, "attribution-baseline", baseline);
        }
    }

    private boolean offObjects(int[] pictures, boolean[] window) {
        if (!s.hasMasks()) {
            return true;
        }
        double covered = 0;
        for (int i : pictures) {
            float[] m = s.mask(i);
            for (int p = 0; p < window.length; p++) {
                covered += window[p] ? m[p] : 0;
            }
        }
        return covered / pictures.length / Selections.count(window) < 0.5;
    }

    private boolean inCorner(boolean[] window) {
        for (int k = 0; k < Selections.CORNERS.length; k++) {
            if (Selections.overlap(window, Selections.corner(s.height, s.width, s.patch, k)) >= 0.5) {
                return true;
            }
        }
        return false;
    }

    /** Each map normalized to sum 1 (an all-zero map left out), then averaged. */
    private static double[] mean(float[][] maps) {
        double[] out = new double[maps[0].length];
        int n = 0;
        for (float[] m : maps) {
            double total = 0;
            for (float v : m) {
                total += v;
            }
            if (total <= 0) {
                continue;
            }
            for (int p = 0; p < m.length; p++) {
                out[p] += m[p] / total;
            }
            n++;
        }
        for (int p = 0; p < out.length; p++) {
            out[p] /= Math.max(1, n);
        }
        return out;
    }

    private static double sum(double[] map, boolean[] where) {
        double s = 0;
        for (int p = 0; p < map.length; p++) {
            s += where[p] ? map[p] : 0;
        }
        return s;
    }

    /** The share of one picture's map in a place (the map normalized to sum 1; 0 for an all-zero map). */
    private static double sum(float[] map, boolean[] where) {
        double in = 0;
        double total = 0;
        for (int p = 0; p < map.length; p++) {
            total += map[p];
            in += where[p] ? map[p] : 0;
        }
        return total > 0 ? in / total : 0;
    }
}
