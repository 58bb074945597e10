package dev.glassbox.report.site;

import java.util.List;

/**
 * One check, on its own page and in the checks index: what it is, its worst outcome and every result of it, model by
 * model.
 *
 * @param file     its page ({@code check-focus.html})
 * @param worst    the worst status among its results, or not-run
 * @param summary  a sentence counting the results by status, or saying it did not run
 * @param models   the results of each model, in report order
 * @param heatmaps whether any result shows a heatmap, so the page shows the colour legend
 */
public record CheckSection(String file, String title, String description, Badge worst, String summary,
                           List<ModelResults> models, boolean heatmaps) {

    /** One model's results of the check. */
    public record ModelResults(String model, List<ResultView> results) {}

    /** The results by status as a label, the worst first ("1 failed, 3 passed"). */
    public String counts() {
        return CheckViews.counts(results());
    }

    /** Every result, model by model. */
    public List<ResultView> results() {
        return models.stream().flatMap(m -> m.results().stream()).toList();
    }
}
