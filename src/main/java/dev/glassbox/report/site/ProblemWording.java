package dev.glassbox.report.site;

import dev.glassbox.checks.CheckResult;
import dev.glassbox.evaluation.ConfusionMatrix;
import dev.glassbox.evaluation.Evaluation;
import java.util.Locale;

/**
 * The sentence and the one remedy of each kind of problem built from today's check results, in plain words with the
 * numbers. Sentences stay under 25 words; class names are quoted, so any name reads apart from the numbers. The
 * model is named in the line above each sentence, so the sentences say "the model" or "it".
 */
final class ProblemWording {

    private ProblemWording() {}

    /** What an edit that should not matter did, named by the check's edit id or one of its variants. */
    record EditEffect(String edit, String variant, double rate) {

        /** Whether the edit changes one part of the picture (a shortcut's place) rather than all of it. */
        boolean local() {
            return edit.equals("background") || edit.equals("corners");
        }

        /** "recolouring the background", "covering the bottom-right corner", "turning them gray". */
        String doing() {
            return switch (edit) {
                case "background" -> "recolouring the background";
                case "corners" -> variant == null ? "covering a corner" : "covering the " + variant + " corner";
                case "flip" -> "mirroring them";
                case "brightness" -> variant == null ? "changing the light" : "making them " + variant;
                case "grayscale" -> "turning them gray";
                default -> "the edit '" + edit + "'";
            };
        }

        /** What the cue is, for the problem's subject: "the background", "the bottom-right corner". */
        String cue() {
            return switch (edit) {
                case "background" -> "the background";
                case "corners" -> variant == null ? "a corner" : "the " + variant + " corner";
                case "flip" -> "which way it faces";
                case "brightness" -> "the light";
                case "grayscale" -> "colour";
                default -> edit;
            };
        }

        String action(String quoted) {
            return switch (edit) {
                case "background" -> "Train on " + quoted + " pictures with many different backgrounds.";
                case "corners" -> "Look for a mark in " + cue() + " of the " + quoted + " training pictures; remove"
                        + " it, or put it on every class.";
                case "flip" -> "Add mirrored copies of the " + quoted + " pictures to the training set.";
                case "brightness" -> "Train on " + quoted + " pictures in brighter and darker light.";
                case "grayscale" -> "Train on " + quoted + " pictures of many colours.";
                default -> "Read the results behind this problem on the check's page.";
            };
        }
    }

    /** "In test-biased, recolouring the background changed the answer for 43.3% of 'star' pictures." */
    static String edits(String dataset, String quoted, EditEffect first, EditEffect second) {
        String s = "In " + dataset + ", " + first.doing() + " changed the answer for " + pct(first.rate())
                + " of " + quoted + " pictures";
        return s + (second == null ? "." : "; " + second.doing() + ", " + pct(second.rate()) + ".");
    }

    /** A class the model often misses, or names too often, with the counts from the confusion matrix. */
    static String weakClass(Evaluation e, int c, boolean byRecall) {
        ConfusionMatrix m = e.confusion();
        String quoted = quote(e.classes().get(c).name());
        if (byRecall) {
            String s = "It found " + m.count(c, c) + " of the " + m.support(c) + " " + quoted + " pictures in "
                    + e.dataset() + " (" + pct(e.classes().get(c).recall()) + ")";
            int other = mostConfused(m, c, true);
            return other < 0 ? s + "." : s + "; it took " + m.count(c, other) + " of them for "
                    + quote(m.classes().get(other)) + ".";
        }
        String s = "Of the " + m.predictedAs(c) + " pictures it called " + quoted + " in " + e.dataset()
                + ", " + m.count(c, c) + " were (" + pct(e.classes().get(c).precision()) + ")";
        int other = mostConfused(m, c, false);
        return other < 0 ? s + "." : s + "; " + m.count(other, c) + " were " + quote(m.classes().get(other)) + ".";
    }

    static String weakClassAction(String quoted, String confusedWith) {
        return confusedWith == null ? "Add more varied " + quoted + " training pictures."
                : "Add more " + quoted + " training pictures, above all ones like those it takes for " + confusedWith
                + ".";
    }

    /** The class most often mixed up with {@code c}: the most common wrong answer for it, or for what it is called. */
    static int mostConfused(ConfusionMatrix m, int c, boolean asTruth) {
        int best = -1;
        long most = 0;
        for (int o = 0; o < m.size(); o++) {
            long n = asTruth ? m.count(c, o) : m.count(o, c);
            if (o != c && n > most) {
                best = o;
                most = n;
            }
        }
        return best;
    }

    static String focus(String dataset, String quoted, double share) {
        return "In " + dataset + ", only " + pct(share) + " of what its heatmaps mark on " + quoted
                + " pictures lies on the shape itself.";
    }

    static String focusAction(String quoted) {
        return "Look at the " + quoted + " heatmaps in the gallery; if they light up the background, train on"
                + " varied backgrounds.";
    }

    static String accuracy(Evaluation e, Double minimum) {
        return "It named " + e.correct() + " of " + e.images() + " " + e.dataset() + " pictures right ("
                + pct(e.accuracy()) + ")" + (minimum == null ? "." : "; the minimum is " + pct(minimum) + ".");
    }

    /** "In test-clean, shapes-flawed is on average 93% sure, but right 82% of the time." */
    static String calibration(CheckResult r) {
        Double sure = r.details().get("mean-confidence");
        Double right = r.details().get("accuracy");
        if (sure == null || right == null) {
            return "In " + r.dataset() + ", its confidence is off by " + points(r.value()) + " on average.";
        }
        return "In " + r.dataset() + ", it is on average " + pct(sure) + " sure, but right "
                + pct(right) + " of the time.";
    }

    static String calibrationAction(CheckResult r) {
        Double sure = r.details().get("mean-confidence");
        Double right = r.details().get("accuracy");
        boolean over = sure != null && right != null && sure > right;
        return "Do not read its confidence as a chance" + (over ? ": it is too sure of itself" : "")
                + ". Temperature scaling can fix this.";
    }

    static String broken(String checkTitle) {
        return "The check '" + checkTitle + "' broke, so it says nothing about the model.";
    }

    /** A result of a check this wording does not know: the first sentence of its finding. */
    static String firstSentence(String finding) {
        int end = finding.indexOf(". ");
        return end < 0 ? finding : finding.substring(0, end + 1);
    }

    static String quote(String name) {
        return "'" + name + "'";
    }

    /** 0.433 → "43.3%", whole percentages without the decimal, as the findings write them. */
    static String pct(double fraction) {
        double p = 100 * fraction;
        return Math.abs(p - Math.rint(p)) < 0.05 ? String.format(Locale.ROOT, "%.0f%%", p)
                : String.format(Locale.ROOT, "%.1f%%", p);
    }

    private static String points(Double fraction) {
        return fraction == null ? "an unknown amount" : String.format(Locale.ROOT, "%.1f points", 100 * fraction);
    }
}
