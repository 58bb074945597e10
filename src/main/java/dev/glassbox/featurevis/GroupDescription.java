package dev.glassbox.featurevis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A neuron group as the report shows it, in words: the caption and notes from what {@link LayerScan} measured
 * (which classes it is most active on, which traits of the images it follows, whether it sits on the objects or
 * the background), the classes that rely on it, and its top channels.
 */
final class GroupDescription {

    /** A trait measured against a group only where both kinds of image are this many or more. */
    private static final int MIN_TRAIT_IMAGES = 3;
    /** A class lift, an off-object density or a trait ratio this large is worth a caption. */
    private static final double CLASS_LIFT = 1.3;
    /** How much denser a group must be off the objects than on them (or the reverse) to say so. */
    private static final double DENSER = 2;
    private static final double TRAIT_RATIO = 1.5;

    private final LayerScan scan;

    GroupDescription(LayerScan scan) {
        this.scan = scan;
    }

    /** The group as the report shows it. */
    NeuronGroup describe(int group, double objective, String picture, List<GroupExample> shown) {
        List<String> notes = new ArrayList<>();
        List<String> caption = new ArrayList<>();
        classLift(group, caption, notes);
        caption.addAll(traitPhrases(group, notes));
        double off = placement(group, caption, notes);
        String sentence = caption.isEmpty() ? "Weakly active on every kind of image."
                : capitalize(String.join("; ", caption)) + ".";
        return new NeuronGroup(group + 1, picture, objective, scan.projectionMax[group], sentence, notes, off,
                topChannels(group), shown, reliance(group), scan.direction(group), List.of());
    }

    /** Which classes the group takes a larger share of the layer's activation on than on average. */
    private void classLift(int group, List<String> caption, List<String> notes) {
        List<String> classNames = scan.datasets.get(0).classes();
        int classes = scan.classes;
        int images = 0;
        double all = 0;
        double[] lift = new double[classes];
        for (int k = 0; k < classes; k++) {
            images += scan.classImages[k];
            all += scan.shareSum[group][k];
        }
        double average = images > 0 ? all / images : 0;
        Integer[] byLift = new Integer[classes];
        for (int k = 0; k < classes; k++) {
            lift[k] = scan.classImages[k] > 0 && average > 0 ? scan.shareSum[group][k] / scan.classImages[k] / average
                    : 0;
            byLift[k] = k;
        }
        java.util.Arrays.sort(byLift, (a, b) -> lift[a] != lift[b] ? Double.compare(lift[b], lift[a])
                : Integer.compare(a, b));
        int first = byLift[0];
        if (lift[first] >= CLASS_LIFT) {
            caption.add("most active on " + classNames.get(first) + " images");
        }
        List<String> high = new ArrayList<>();
        for (int k = 0; k < classes && lift[byLift[k]] >= CLASS_LIFT; k++) {
            high.add(classNames.get(byLift[k]) + String.format(Locale.ROOT, " (%.1f×)", lift[byLift[k]]));
        }
        notes.add(String.format(Locale.ROOT, "It carries %s of this layer's activation on an average image", percent(
                average)) + (high.isEmpty() ? ", and about as much on every class."
                : "; more on " + String.join(", ", high) + "."));
    }

    /**
     * Whether the group's activation is denser on the objects or off them (backgrounds are most of a picture, so
     * density, not share).
     *
     * @return the share of its activation off the objects, or NaN without masks
     */
    private double placement(int group, List<String> caption, List<String> notes) {
        double mass = scan.offMass[group] + scan.onMass[group];
        double off = mass > 0 && scan.onArea > 0 ? scan.offMass[group] / mass : Double.NaN;
        if (Double.isNaN(off)) {
            return off;
        }
        double density = scan.onMass[group] > 0
                ? (scan.offMass[group] / scan.offArea) / (scan.onMass[group] / scan.onArea) : Double.POSITIVE_INFINITY;
        String where = String.format(Locale.ROOT, "%s of its activation lies outside the objects, which leave"
                + " %s of the picture to the background", percent(off), percent(scan.offArea / (scan.onArea
                + scan.offArea)));
        if (density >= DENSER) {
            caption.add("mostly on the background, not the objects");
            notes.add(where + String.format(Locale.ROOT, ": it is %.1f× as dense there as on the objects, so it"
                    + " may be a shortcut rather than a part of the object.", density));
        } else if (density <= 1 / DENSER) {
            caption.add("on the objects themselves");
            notes.add(where + String.format(Locale.ROOT, ": it is %.1f× as dense on the objects as off them.",
                    1 / density));
        } else {
            notes.add(where + ": it is about as dense on the objects as off them.");
        }
        return off;
    }

    /** How much each class's answer leans on the group, as a share of what it leans on all groups. */
    private List<ClassReliance> reliance(int group) {
        List<String> classNames = scan.datasets.get(0).classes();
        List<ClassReliance> reliance = new ArrayList<>();
        for (int k = 0; k < scan.classes; k++) {
            int count = scan.relianceCount[k];
            double contribution = count == 0 ? 0 : scan.relianceSum[group][k] / count;
            double total = 0;
            for (int g = 0; g < scan.groups; g++) {
                total += Math.abs(count == 0 ? 0 : scan.relianceSum[g][k] / count);
            }
            reliance.add(new ClassReliance(classNames.get(k), contribution, total > 0 ? contribution / total : 0));
        }
        reliance.sort(Comparator.comparingDouble(ClassReliance::share).reversed());
        return reliance;
    }

    /** The group's five strongest channels (those with any weight), strongest first. */
    private List<Integer> topChannels(int group) {
        double[] h = scan.factors.h()[group];
        Integer[] channels = new Integer[h.length];
        for (int c = 0; c < h.length; c++) {
            channels[c] = c;
        }
        java.util.Arrays.sort(channels, (a, b) -> Double.compare(h[b], h[a]));
        List<Integer> top = new ArrayList<>();
        for (int c = 0; c < Math.min(5, h.length) && h[channels[c]] > 0; c++) {
            top.add(channels[c]);
        }
        return top;
    }

    /**
     * For each trait, the group's activation on images with it against images of the same class and data set
     * without it (geometric mean of the per-class ratios, weighted by the smaller count).
     */
    private List<String> traitPhrases(int group, List<String> notes) {
        List<String> phrases = new ArrayList<>();
        int traits = scan.traitSum[group].length == 0 ? 0 : scan.traitSum[group][0].length;
        for (int t = 0; t < traits; t++) {
            double logSum = 0;
            double weight = 0;
            String phrase = null;
            for (int d = 0; d < scan.datasets.size(); d++) {
                if (t >= scan.datasets.get(d).traits().size()) {
                    continue;
                }
                phrase = scan.datasets.get(d).traits().get(t).phrase();
                for (int k = 0; k < scan.classes; k++) {
                    int without = scan.traitCount[group][d][t][k][0];
                    int with = scan.traitCount[group][d][t][k][1];
                    if (with < MIN_TRAIT_IMAGES || without < MIN_TRAIT_IMAGES) {
                        continue;
                    }
                    double a = scan.traitSum[group][d][t][k][1] / with;
                    double b = scan.traitSum[group][d][t][k][0] / without;
                    if (a <= 0 || b <= 0) {
                        continue;
                    }
                    double w = Math.min(with, without);
                    logSum += w * Math.log(a / b);
                    weight += w;
                }
            }
            if (weight == 0 || phrase == null) {
                continue;
            }
            double ratio = Math.exp(logSum / weight);
            if (ratio >= TRAIT_RATIO) {
                phrases.add("strongest on images with " + phrase);
                notes.add(String.format(Locale.ROOT, "On images with %s it carries %.1f× the share of the layer's"
                        + " activation it carries on images of the same class without it.", phrase, ratio));
            } else if (ratio <= 1 / TRAIT_RATIO) {
                notes.add(String.format(Locale.ROOT, "On images with %s it is only %.0f%% as active as on images of"
                        + " the same class without it.", phrase, 100 * ratio));
            }
        }
        return phrases;
    }

    private static String percent(double share) {
        return Math.round(100 * share) + "%";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
