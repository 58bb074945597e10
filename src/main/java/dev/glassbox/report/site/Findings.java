package dev.glassbox.report.site;

import dev.glassbox.report.Report;
import java.util.List;

/**
 * What the report found, worked out once for the pages that show it (the overview and the model card): every problem
 * ranked ({@link Problems#ranked}), the results that put an attribution method rather than the model in doubt, and
 * each model's verdict from them.
 */
record Findings(List<ProblemView> problems, List<ProblemView.ResultLink> methods, List<ModelVerdict> verdicts) {

    static Findings of(Report report, CheckViews views) {
        Problems found = new Problems(report, views);
        List<ProblemView> ranked = found.ranked();
        List<ProblemView.ResultLink> methods = found.methods();
        return new Findings(ranked, methods, ModelVerdict.of(report, ranked, methods));
    }
}
