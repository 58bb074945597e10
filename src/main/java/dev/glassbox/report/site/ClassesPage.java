package dev.glassbox.report.site;

import dev.glassbox.evaluation.ClassMetrics;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.report.ModelReport;
import dev.glassbox.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code classes.html}: per model and data set, each class's precision, recall and F1, and the confusion matrix. */
final class ClassesPage implements SitePage {

    static final Page PAGE = new Page("classes.html", "classes", "Classes");

    private final Report report;
    private final Map<String, String> charts;

    /** @param charts the confusion matrix picture of each section, by its id */
    ClassesPage(Report report, Map<String, String> charts) {
        this.report = report;
        this.charts = charts;
    }

    @Override
    public Page page() {
        return PAGE;
    }

    @Override
    public Map<String, Object> variables() {
        return Map.of("sections", sections());
    }

    private List<ClassesSection> sections() {
        List<ClassesSection> sections = new ArrayList<>();
        for (int mi = 0; mi < report.models().size(); mi++) {
            ModelReport m = report.models().get(mi);
            for (int di = 0; di < report.datasets().size(); di++) {
                Evaluation e = m.evaluation(report.datasets().get(di).name());
                List<ClassesSection.Row> rows = new ArrayList<>();
                for (int c = 0; c < e.classes().size(); c++) {
                    ClassMetrics cm = e.classes().get(c);
                    // a class with no pictures has no recall (not 0%), one never answered no precision
                    boolean none = cm.support() == 0;
                    boolean neverAnswered = e.confusion().predictedAs(c) == 0;
                    rows.add(new ClassesSection.Row(cm.name(),
                            neverAnswered ? "never answered" : Sentences.percent(cm.precision()),
                            none ? "no pictures" : Sentences.percent(cm.recall()),
                            none || neverAnswered ? "—" : Sentences.percent(cm.f1()), cm.support(),
                            Sentences.classRow(cm, e.confusion(), c)));
                }
                String id = Page.sectionId(mi, di);
                sections.add(new ClassesSection(id, m.name(), e.dataset(), Sentences.weakest(e), rows,
                        charts.getOrDefault(id, ""), "Confusion matrix of " + m.name() + " on " + e.dataset()
                        + ": rows are the true classes, columns the classes the model answered."));
            }
        }
        return sections;
    }
}
