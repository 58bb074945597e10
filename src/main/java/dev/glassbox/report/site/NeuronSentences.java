package dev.glassbox.report.site;

import dev.glassbox.featurevis.ClassReliance;
import java.util.List;
import java.util.Locale;

/** What the figures of the neuron pages say, in words a reader who is not an ML engineer can act on. */
final class NeuronSentences {

    /** From this share of a group's activation off the objects on, the card points at the interventions check. */
    static final double SHORTCUT_SHARE = 0.6;

    private NeuronSentences() {}

    /** "1.8×", with as many digits as the size of the figure warrants. */
    static String times(double reached) {
        double a = Math.abs(reached);
        String format = a >= 10 ? "%.0f" : a >= 0.1 ? "%.1f" : "%.2f";
        String s = String.format(Locale.ROOT, format, reached);
        return (s.startsWith("-") ? "−" + s.substring(1) : s) + "×";
    }

    /** Under a class picture: how far it drove the class score, or why there is no such figure. */
    static String classReached(double reached, double objective, double datasetMax) {
        if (!Double.isNaN(reached)) {
            return "reached " + times(reached) + " the strongest real image";
        }
        if (!Double.isFinite(objective)) {
            return "the optimization gave no usable score for this picture";
        }
        if (Double.isNaN(datasetMax)) {
            return "no real image was scored for this class, so there is nothing to compare it with";
        }
        return "the class score stays below zero on every real image, so there is nothing to compare it with";
    }

    /** On a group card: how far the picture drove the group, or why there is no such figure. */
    static String groupReached(double reached, double objective, double datasetMax) {
        if (!Double.isNaN(reached)) {
            return "reached " + times(reached) + " the strongest real image";
        }
        if (!Double.isFinite(objective)) {
            return "the optimization gave no usable activation for this picture";
        }
        if (Double.isNaN(datasetMax)) {
            return "no real image was measured, so there is nothing to compare it with";
        }
        return "the group is never active on a real image, so there is nothing to compare it with";
    }

    /** What the reached figure of a class picture means for how to read it. */
    static String classReachedNote(double reached) {
        if (Double.isNaN(reached)) {
            return "Read the picture with care: nothing says how it compares with real images.";
        }
        if (reached > 2) {
            return "The model's idea of the class pushed to extremes, far beyond any real image.";
        }
        if (reached >= 1) {
            return "About as strong as the model's surest real images, exaggerated.";
        }
        return "The optimization did not get as far as real images: the class's real images say more.";
    }

    /** What the reached figure of a group's picture means for how to read it. */
    static String groupReachedNote(double reached) {
        if (Double.isNaN(reached)) {
            return "Read the picture with care; the real examples below are the better evidence.";
        }
        if (reached > 2) {
            return "Far beyond any real image: what the group responds to, pushed to extremes rather than as it"
                    + " appears in real images.";
        }
        if (reached >= 1) {
            return "About as strong as the best real images: a fair, if exaggerated, picture of what the group"
                    + " responds to.";
        }
        return "The optimization did not get as far as real images do: trust the examples below more than this"
                + " picture.";
    }

    /** What the share the groups reproduce says about the layer. */
    static String explained(int groups, double explained) {
        String n = groups == 1 ? "The 1 group reproduces " : "The " + groups + " groups reproduce ";
        if (!Double.isFinite(explained)) {
            return "How much of what this layer's neurons do the " + (groups == 1 ? "group reproduces" : "groups"
                    + " reproduce") + " could not be measured.";
        }
        return n + Sentences.percent(explained) + " of what this layer's neurons do on the sampled images; the"
                + " rest is spread over patterns too weak to group.";
    }

    /** A share as a signed whole percent: "+41%", "−3%", "0%". */
    static String signedPercent(double share) {
        if (!Double.isFinite(share)) {
            return "—";
        }
        long p = Math.round(100 * share);
        return p == 0 ? "0%" : (p > 0 ? "+" : "−") + Math.abs(p) + "%";
    }

    /** Which class relies on the group most, or that none does; empty where no class was measured. */
    static String reliance(List<ClassReliance> classes) {
        ClassReliance most = null;
        ClassReliance least = null;
        for (ClassReliance c : classes) {
            if (!Double.isFinite(c.share())) {
                continue;
            }
            if (most == null || c.share() > most.share()) {
                most = c;
            }
            if (least == null || c.share() < least.share()) {
                least = c;
            }
        }
        if (most == null) {
            return "";
        }
        if (Math.round(100 * most.share()) > 0) {
            return most.className() + " relies on this group most (" + Math.round(100 * most.share())
                    + "% of its evidence at this layer).";
        }
        if (Math.round(100 * least.share()) < 0) {
            return "No class's score rises with this group; it lowers " + least.className() + " most ("
                    + signedPercent(least.share()) + " of its evidence at this layer).";
        }
        return "No class leans on this group.";
    }

    /** Where the group's activation lies, where the data has object masks; empty otherwise. */
    static String offObject(double share) {
        if (!Double.isFinite(share)) {
            return "";
        }
        return Math.round(100 * share) + "% of its activation lies outside the objects.";
    }

    /** "channels 4, 17, 9", or empty. */
    static String channels(List<Integer> channels) {
        if (channels.isEmpty()) {
            return "";
        }
        return (channels.size() == 1 ? "channel " : "channels ")
                + String.join(", ", channels.stream().map(String::valueOf).toList());
    }

    /** How many images and positions the groups were fitted on. */
    static String sampled(int images, int positions) {
        return CheckViews.count(images, "image") + ", " + CheckViews.count(positions, "position");
    }

    /** How each picture was made. */
    static String steps(int steps) {
        return steps <= 0 ? "" : "Each picture below was made in " + CheckViews.count(steps, "optimization step")
                + ".";
    }
}
