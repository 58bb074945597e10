package dev.glassbox.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A problem in plain words with its numbers, and what to do about it. Words only: every figure comes from the
 * problem's measures, and nothing here decides anything.
 */
final class ProblemWording {

    private ProblemWording() {}

    static Problem word(Problem p) {
        return switch (p.kind()) {
            case SHORTCUT -> p.worded(shortcut(p), shortcutAction(p));
            case FRAGILITY -> p.worded(fragility(p), fragilityAction(p.cue()));
            case WEAK_CLASS -> p.worded(weak(p), "Collect more '" + p.className() + "' pictures like those it misses"
                    + " (the gallery shows them), check their labels, and test again.");
        };
    }

    private static String shortcut(Problem p) {
        Effect e = p.effect();
        String name = quoted(p.className());
        List<String> sentences = new ArrayList<>();
        Rate lead;
        if (e.transplantLeads()) {
            lead = e.transplanted();
            sentences.add("Putting the " + thing(p.cue()) + " of " + name + " pictures into " + count(lead)
                    + " other pictures made " + p.model() + " answer " + name + " for " + share(lead) + ".");
            String control = p.cue().kind() == Cue.Kind.BACKGROUND ? "Another class's background colour"
                    : "That place in the class's background colour";
            sentences.add(control + " did that for " + pct(e.control().rate()) + other(p, p.comparison() == null
                    ? null : p.comparison().effect().transplanted(), "did it for") + ".");
        } else {
            lead = e.removed();
            sentences.add(capital(removing(p.cue())) + " cost " + p.model() + " " + share(lead)
                    + " of its right answers on " + name + " pictures.");
            sentences.add("On other classes it cost " + pct(e.removedElsewhere().rate()) + other(p,
                    p.comparison() == null ? null : p.comparison().effect().removed(), "lost") + ".");
        }
        sentences.add(interval(lead));
        RecallGap g = p.recallGap();
        if (g != null && g.clear()) {
            sentences.add(g.between().equals("datasets")
                    ? String.format(Locale.ROOT, "It finds %s fewer %s pictures on %s than on %s.", points(g.gap()),
                            name, g.to(), g.from())
                    : String.format(Locale.ROOT, "It finds %s fewer %s pictures than %s does.", points(g.gap()),
                            name, g.from()));
        }
        sentences.add("So " + p.model() + " leans on the " + plain(p.cue()) + " to know " + name
                + ", not on the object alone.");
        return String.join(" ", sentences);
    }

    /** ", and shapes-fixed did it for 0%", ", and shapes-fixed lost 0%": the other model's rate, same edit, same pictures. */
    private static String other(Problem p, Rate theirs, String verb) {
        return theirs == null || theirs.isEmpty() ? ""
                : ", and " + p.comparison().model() + " " + verb + " " + pct(theirs.rate());
    }

    private static String shortcutAction(Problem p) {
        String name = quoted(p.className());
        return switch (p.cue().kind()) {
            case BACKGROUND -> "Train on " + name + " pictures with other backgrounds, and on other pictures with "
                    + (p.cue().detail() == null ? "its" : p.cue().detail()) + " ones. Then test again.";
            case CORNER, REGION, SPOT -> "Take the " + thing(p.cue()) + " out of the training pictures, or put it"
                    + " on every class alike. Then test again.";
            default -> fragilityAction(p.cue());
        };
    }

    private static String fragility(Problem p) {
        StringBuilder b = new StringBuilder(capital(removing(p.cue()))).append(" changed ")
                .append(share(p.effect().removed())).append(" of ").append(p.model())
                .append("'s right answers on ").append(p.dataset()).append(", in most classes alike.");
        if (p.toward() != null) {
            b.append(" Most became ").append(quoted(p.toward())).append('.');
        }
        return b.append(' ').append(interval(p.effect().removed())).toString();
    }

    private static String fragilityAction(Cue cue) {
        return switch (cue.kind()) {
            case MIRROR -> "Add mirrored copies of the training pictures, unless the mirror image really is another"
                    + " class.";
            case BRIGHTNESS -> "Add brighter and darker copies of the training pictures.";
            case COLOUR -> "Add grayscale or colour-jittered copies of the training pictures, unless colour really"
                    + " tells the classes apart.";
            default -> "Add training pictures that vary in the " + thing(cue) + ", so that no class depends on it.";
        };
    }

    private static String weak(Problem p) {
        Map<String, Double> f = p.signals();
        StringBuilder b = new StringBuilder(p.model()).append(" finds ").append(pct(f.get("recall")))
                .append(" of the ").append(Math.round(f.get("support"))).append(' ').append(quoted(p.className()))
                .append(" pictures on ").append(p.dataset()).append(", and no cue found explains it. 95% interval: ")
                .append(pct(f.get("recall-low"))).append("–").append(pct(f.get("recall-high"))).append('.');
        RecallGap g = p.recallGap();
        if (g != null && g.clear()) {
            b.append(' ').append(g.from()).append(" finds ").append(points(g.gap())).append(" more.");
        }
        return b.toString();
    }

    /** "background colour (blue)", "bottom-right corner", "tag region (magenta)", "patch at x 2-7, y 2-7". */
    static String thing(Cue cue) {
        String look = cue.detail() == null ? "" : " (" + cue.detail() + ")";
        return switch (cue.kind()) {
            case BACKGROUND -> "background colour" + look;
            case CORNER -> cue.where() + " corner" + look;
            case REGION -> cue.where() + " region" + look;
            case SPOT -> "patch at " + cue.where() + look;
            case MIRROR -> "orientation";
            case BRIGHTNESS -> "brightness";
            case COLOUR -> "colour";
        };
    }

    /** "recolouring the background", "covering the bottom-right corner", "making the pictures darker". */
    static String removing(Cue cue) {
        return switch (cue.kind()) {
            case BACKGROUND -> "recolouring the background";
            case CORNER -> "covering the " + cue.where() + " corner";
            case REGION -> "covering the " + cue.where() + " region";
            case SPOT -> "covering the patch at " + cue.where();
            case MIRROR -> "mirroring the pictures";
            case BRIGHTNESS -> "making the pictures " + (cue.detail() == null ? "brighter or darker" : cue.detail());
            case COLOUR -> "turning the pictures gray";
        };
    }

    private static String share(Rate r) {
        return String.format(Locale.ROOT, "%s (%d of %d)", pct(r.rate()), r.count(), r.images());
    }

    private static String interval(Rate r) {
        return "95% interval: " + pct(r.low()) + "–" + pct(r.high()) + ".";
    }

    /** The cue in a few plain words: "background colour", "bottom-right corner", "tag region". */
    static String plain(Cue cue) {
        return switch (cue.kind()) {
            case BACKGROUND -> "background colour";
            case CORNER -> cue.where() + " corner";
            case REGION -> cue.where() + " region";
            case SPOT -> "patch at " + cue.where();
            case MIRROR -> "orientation";
            case BRIGHTNESS -> "brightness";
            case COLOUR -> "colour";
        };
    }

    private static String count(Rate r) {
        return Integer.toString(r.images());
    }

    static String pct(double share) {
        return Double.isFinite(share) ? Math.round(100 * share) + "%" : "n/a";
    }

    private static String points(double gap) {
        return Math.round(100 * gap) + " points";
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
