package dev.glassbox.diagnosis;

import dev.glassbox.checks.Edit;
import dev.glassbox.checks.InterventionsCheck;
import dev.glassbox.checks.Sampling;
import dev.glassbox.data.LabelledImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The pictures of one data set the diagnosis works on, chosen before any model is asked so that every model sees the
 * same ones: a seeded sample of each class (whose cues are removed, and taken for transplants) and a pool spread over
 * all classes (that other classes' cues are put into). Their pixels, masks and regions are read once and held.
 */
final class DatasetSample {

    final LabelledImages data;
    final int classes;
    final int channels;
    final int height;
    final int width;
    /** The side of a corner patch and of a spot window, in pixels. */
    final int patch;
    /** The width of the border ring that stands in for the background without masks. */
    final int ring;
    /** Per class, the sampled pictures (data set indices, ascending). */
    final int[][] byClass;
    /** Pictures spread over all classes that cues are transplanted into. */
    final int[] pool;
    private final int transplantImages;
    private final Map<Integer, float[]> pixels = new HashMap<>();
    private final Map<Integer, float[]> masks = new HashMap<>();
    private final Map<String, Map<Integer, float[]>> regions = new LinkedHashMap<>();
    /** Per class, its typical background colour (per channel median of its pictures' mean), or null with none. */
    final float[][] background;

    DatasetSample(LabelledImages data, int dataset, DiagnosisSettings settings, long seed) {
        this.data = data;
        this.classes = data.classes().size();
        this.channels = data.input().channels();
        this.height = data.input().height();
        this.width = data.input().width();
        this.patch = Edit.patchSide(height, width);
        this.ring = Math.max(1, Math.round(0.1f * Math.min(height, width)));
        // the interventions check's sample (a subset when smaller), whose edits the models have answered already
        this.byClass = Sampling.perClass(data.labels(), classes, settings.imagesPerClass(),
                InterventionsCheck.sampleSeed(settings.seed(), dataset));
        int perOther = (int) Math.ceil(settings.transplantImages() * (double) classes / Math.max(1, classes - 1));
        this.pool = Sampling.spread(data.labels(), classes, perOther, seed + 1);
        this.transplantImages = settings.transplantImages();
        int[] all = IntStream.concat(Arrays.stream(Sampling.concat(byClass)), Arrays.stream(pool)).distinct()
                .sorted().toArray();
        float[][] read = data.pixels(all);
        for (int i = 0; i < all.length; i++) {
            pixels.put(all[i], read[i]);
            if (data.hasMasks()) {
                masks.put(all[i], data.masks().read(all[i], all[i] + 1).castTo(DataType.FLOAT).dup('c').reshape(-1)
                        .toFloatVector());
            }
        }
        for (String r : data.regions().keySet()) {
            Map<Integer, float[]> m = new HashMap<>();
            for (int i : all) {
                m.put(i, data.regionMask(r, i));
            }
            regions.put(r, m);
        }
        this.background = new float[classes][];
        for (int c = 0; c < classes; c++) {
            background[c] = typicalBackground(byClass[c]);
        }
    }

    float[] pixels(int index) {
        return pixels.get(index);
    }

    /** The picture's object mask, or null without masks. */
    float[] mask(int index) {
        return masks.get(index);
    }

    float[] region(String name, int index) {
        return regions.get(name).get(index);
    }

    List<String> regionNames() {
        return List.copyOf(regions.keySet());
    }

    boolean hasMasks() {
        return data.hasMasks();
    }

    int label(int index) {
        return data.label(index);
    }

    /** The pictures of other classes that class {@code c}'s cues are put into. */
    int[] targets(int c) {
        return Arrays.stream(pool).filter(i -> data.label(i) != c).limit(transplantImages).toArray();
    }

    /** Class {@code c}'s sampled pictures that have region {@code r}. */
    int[] withRegion(int c, String r) {
        return Arrays.stream(byClass[c]).filter(i -> !empty(region(r, i))).toArray();
    }

    /** Where the background is: off the object with masks, the border ring without. */
    boolean[] backgroundOf(int index) {
        float[] m = mask(index);
        if (m == null) {
            return Selections.ring(height, width, ring);
        }
        boolean[] out = new boolean[m.length];
        for (int p = 0; p < m.length; p++) {
            out[p] = m[p] <= 0;
        }
        return out;
    }

    /**
     * Whose typical background colour a picture's background control takes when class {@code c}'s is transplanted
     * into it: the first of the two classes after the picture's own (in class order, among classes with pictures)
     * that is not {@code c}; the picture's own class when there is no third class. The same picture gets at most two
     * control colours, whatever {@code c}, so each is asked once.
     */
    int controlClass(int picture, int c) {
        int[] two = thirdClasses(label(picture));
        return two.length == 0 ? label(picture) : two[0] != c ? two[0] : two.length > 1 ? two[1] : label(picture);
    }

    /** Which of the picture's two control colours {@link #controlClass} takes for class {@code c}: 0 or 1. */
    int controlChoice(int picture, int c) {
        int[] two = thirdClasses(label(picture));
        return two.length > 0 && two[0] == c ? 1 : 0;
    }

    private int[] thirdClasses(int own) {
        List<Integer> out = new ArrayList<>();
        for (int k = 1; k < classes && out.size() < 2; k++) {
            int d = (own + k) % classes;
            if (background[d] != null) {
                out.add(d);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private float[] typicalBackground(int[] members) {
        if (members.length == 0) {
            return null;
        }
        float[][] colours = new float[members.length][];
        for (int i = 0; i < members.length; i++) {
            colours[i] = Selections.meanColour(pixels(members[i]), backgroundOf(members[i]), channels);
        }
        return Selections.median(colours, channels);
    }

    static boolean empty(float[] mask) {
        for (float v : mask) {
            if (v > 0) {
                return false;
            }
        }
        return true;
    }
}
