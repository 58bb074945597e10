package dev.glassbox.report.site;

import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.report.ModelReport;
import dev.glassbox.report.Report;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The site's charts, drawn with JFreeChart: a confusion matrix per model and data set, and each result's charts. */
final class Charts {

    static final String FOLDER = CheckViews.CHART_FOLDER;

    private Charts() {}

    /**
     * Draws every chart into {@code out}.
     *
     * @return the confusion matrix of each model and data set, by its section id ({@link Page#sectionId})
     */
    static Map<String, String> write(Report report, CheckViews views, SiteOutput out) throws IOException {
        Map<String, String> confusion = new HashMap<>();
        for (int mi = 0; mi < report.models().size(); mi++) {
            ModelReport m = report.models().get(mi);
            for (int di = 0; di < report.datasets().size(); di++) {
                String id = Page.sectionId(mi, di);
                Evaluation e = m.evaluation(report.datasets().get(di).name());
                String path = FOLDER + id + "-confusion.png";
                out.write(path, ConfusionChart.png(e.confusion()));
                confusion.put(id, path);
            }
        }
        for (CheckViews.ChartFile c : views.chartFiles()) {
            out.write(c.path(), LineChart.png(c.chart()));
        }
        return confusion;
    }
}
