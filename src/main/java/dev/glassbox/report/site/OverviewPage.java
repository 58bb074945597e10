package dev.glassbox.report.site;

import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.report.ModelReport;
import dev.glassbox.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code index.html}. Its first screen answers "can we trust it, and what is wrong?": each model's verdict in one
 * line, the top problems (one sentence each and a picture pair with captions), then what to do next. Everything
 * else (every problem grouped by cause, the methods in doubt, what passed, what was tested, the accuracies) folds
 * away below.
 */
record OverviewPage(Report report, CheckViews views, Findings findings) implements SitePage {

    static final Page PAGE = new Page("index.html", "overview", "Overview");
    /** How many problems the first screen shows (each model's worst is shown besides). */
    static final int TOP = 3;

    @Override
    public Page page() {
        return PAGE;
    }

    @Override
    public Map<String, Object> variables() {
        List<ProblemView> problems = findings.problems();
        List<ProblemView> top = Problems.top(problems, TOP);
        List<ProblemView.ResultLink> methods = findings.methods();
        Map<String, Object> v = new HashMap<>();
        v.put("verdicts", findings.verdicts());
        v.put("problems", problems);
        v.put("top", top);
        v.put("next", nextSteps(top));
        v.put("methods", methods);
        v.put("noProblems", views.findingsNote());
        v.put("gaps", DataGaps.of(report));
        v.put("passed", views.sections().stream().filter(s -> s.results().stream()
                .anyMatch(r -> r.status().id().equals("pass"))).toList());
        v.put("rows", accuracyRows(report));
        v.put("neuronsHref", NeuronViews.any(report) ? NeuronViews.PAGE : null);
        return v;
    }

    /** The remedies of the problems shown, in their order, each once. */
    private static List<String> nextSteps(List<ProblemView> top) {
        LinkedHashSet<String> actions = new LinkedHashSet<>();
        top.forEach(p -> actions.add(p.action()));
        return List.copyOf(actions);
    }

    /** One row per model and data set, linking to its section on the classes page. */
    private static List<AccuracyRow> accuracyRows(Report report) {
        List<AccuracyRow> rows = new ArrayList<>();
        for (int mi = 0; mi < report.models().size(); mi++) {
            ModelReport m = report.models().get(mi);
            for (int di = 0; di < report.datasets().size(); di++) {
                Evaluation e = m.evaluation(report.datasets().get(di).name());
                rows.add(new AccuracyRow(m.name(), e.dataset(), Sentences.percent(e.accuracy()), e.correct(),
                        e.images(), Sentences.accuracy(e),
                        ClassesPage.PAGE.file() + "#" + Page.sectionId(mi, di)));
            }
        }
        return rows;
    }
}
