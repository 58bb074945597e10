package dev.glassbox.report.site;

import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.report.ModelReport;
import dev.glassbox.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code index.html}: the verdict and the findings first, then what was tested and how often each model is right. */
final class OverviewPage implements SitePage {

    static final Page PAGE = new Page("index.html", "overview", "Overview");

    private final Report report;
    private final CheckViews views;

    OverviewPage(Report report, CheckViews views) {
        this.report = report;
        this.views = views;
    }

    @Override
    public Page page() {
        return PAGE;
    }

    @Override
    public Map<String, Object> variables() {
        Map<String, Object> v = new HashMap<>();
        v.put("rows", accuracyRows(report));
        v.put("verdict", Badge.verdict(report.verdict()));
        v.put("findings", views.findings());
        v.put("findingsNote", views.findingsNote());
        v.put("neuronsHref", NeuronViews.any(report) ? NeuronViews.PAGE : null);
        return v;
    }

    /** One row per model and data set, linking to its section on the classes page. */
    private static List<AccuracyRow> accuracyRows(Report report) {
        List<AccuracyRow> rows = new ArrayList<>();
        for (int mi = 0; mi < report.models().size(); mi++) {
            ModelReport m = report.models().get(mi);
            for (int di = 0; di < report.datasets().size(); di++) {
                Evaluation e = m.evaluation(report.datasets().get(di).name());
                rows.add(new AccuracyRow(m.name(), e.dataset(), Sentences.percent(e.accuracy()), e.correct(),
                        e.images(), Sentences.accuracy(m.name(), e),
                        ClassesPage.PAGE.file() + "#" + Page.sectionId(mi, di)));
            }
        }
        return rows;
    }
}
