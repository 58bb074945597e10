package dev.glassbox.report.site;

import dev.glassbox.checks.CheckResult;
import dev.glassbox.report.Report;
import dev.glassbox.report.Verdict;
import java.util.List;

/**
 * One model's verdict in one line, as the overview opens: its badge, then how many problems it has and whether a
 * heatmap method is in doubt.
 *
 * @param model    the model's name
 * @param badge    its own verdict: the worst of the results that judge it (at least warn with a confirmed shortcut)
 * @param sentence "4 problems found; 2 heatmap methods need a look."
 */
public record ModelVerdict(String model, Badge badge, String sentence) {

    /** Each model's line, in report order. */
    static List<ModelVerdict> of(Report report, List<ProblemView> problems, List<ProblemView.ResultLink> methods) {
        return report.models().stream().map(m -> {
            List<CheckResult> results = report.checksOf(m.name());
            // the model's own verdict: results about a heatmap method do not count, a confirmed shortcut does
            Verdict verdict = report.verdictOf(m.name());
            long found = problems.stream().filter(p -> p.model().equals(m.name())).count();
            long doubtful = results.stream().filter(r -> r.method() != null && r.isFinding())
                    .map(CheckResult::method).distinct().count();
            return new ModelVerdict(m.name(), Badge.verdict(verdict), sentence(verdict, found, doubtful));
        }).toList();
    }

    private static String sentence(Verdict verdict, long problems, long methods) {
        if (verdict == Verdict.NOT_RUN) {
            return "No check could judge this model.";
        }
        if (problems == 0 && methods == 0) {
            return "Every check that could be judged passed.";
        }
        String found = problems == 0 ? "no problem with the model itself" : problems == 1 ? "1 problem found"
                : problems + " problems found";
        String doubt = methods == 0 ? "" : "; " + methods + (methods == 1 ? " heatmap method needs" : " heatmap methods"
                + " need") + " a look";
        String s = found + doubt + ".";
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
