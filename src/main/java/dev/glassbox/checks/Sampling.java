package dev.glassbox.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded choices of images, so the same seed picks the same images on every machine. */
public final class Sampling {

    private Sampling() {}

    /**
     * Up to {@code perClass} images of each class, drawn without replacement; each class's indices in ascending
     * order. A class with fewer images gives all of them.
     */
    public static int[][] perClass(int[] labels, int classes, int perClass, long seed) {
        int[][] out = new int[classes][];
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            java.util.Collections.shuffle(members, new Random(seed * 1_000_003L + c));
            out[c] = members.subList(0, Math.min(perClass, members.size())).stream().mapToInt(Integer::intValue)
                    .sorted().toArray();
        }
        return out;
    }

    /** Up to {@code count} images of the whole set, spread over the classes as {@link #perClass} would. */
    public static int[] spread(int[] labels, int classes, int count, long seed) {
        int[][] byClass = perClass(labels, classes, count, seed);
        List<Integer> picked = new ArrayList<>();
        for (int round = 0; picked.size() < count; round++) {
            boolean any = false;
            for (int c = 0; c < classes && picked.size() < count; c++) {
                if (round < byClass[c].length) {
                    picked.add(byClass[c][round]);
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        int[] out = picked.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }

    public static int[] concat(int[][] parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }
}
