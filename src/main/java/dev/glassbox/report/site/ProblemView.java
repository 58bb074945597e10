package dev.glassbox.report.site;

import java.util.List;

/**
 * One problem as the overview and the model card show it: what is wrong in one sentence with its numbers, the one
 * thing to do about it, a picture pair that shows it, and the results behind it. The overview takes a ranked list of
 * these, whatever made them ({@link Problems}).
 *
 * @param id       its anchor on the overview ({@code problem-1})
 * @param model    the model it is about
 * @param status   how bad it is: the worst status of the results behind it
 * @param subject  what it is about, in a few words ("'star'", "the whole model")
 * @param sentence what was found, in plain words with the numbers (under 25 words)
 * @param action   the one thing to try first
 * @param pictures a before/after pair or an image and its heatmap, each with a caption that says what it shows and
 *                 the model's answer; may be empty
 * @param results  the check results behind it, most serious first
 * @param share    the share of answers it affects, the second key of the ranking (after the status)
 */
public record ProblemView(String id, String model, Badge status, String subject, String sentence, String action,
                          List<ResultView.Picture> pictures, List<ResultLink> results, double share) {

    public ProblemView {
        pictures = List.copyOf(pictures);
        results = List.copyOf(results);
    }

    /** A link to one result behind a problem, with its status. */
    public record ResultLink(String href, String label, Badge status) {}

    /** Whether a picture is a heatmap, so the colour legend goes beside them. */
    public boolean hasHeatmap() {
        return pictures.stream().anyMatch(ResultView.Picture::heatmap);
    }

    /** The same problem with its place in the list. */
    ProblemView numbered(int n) {
        return new ProblemView("problem-" + n, model, status, subject, sentence, action, pictures, results, share);
    }
}
