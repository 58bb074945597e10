package dev.glassbox.report.site;

import dev.glassbox.checks.CheckDefinition;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.checks.Checks;
import dev.glassbox.report.DatasetSummary;
import dev.glassbox.report.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * What the data could not show, in a few short sentences for the overview: classes a data set has no pictures of,
 * data without masks, results with too few pictures to judge, and what a second data set or model would add.
 */
final class DataGaps {

    private DataGaps() {}

    /** The sentences, or none where the data showed all it could. */
    static List<String> of(Report report) {
        List<String> gaps = new ArrayList<>();
        for (DatasetSummary d : report.datasets()) {
            List<String> missing = d.missingClasses();
            if (!missing.isEmpty()) {
                gaps.add(d.name() + " has no pictures of " + names(missing) + ", so nothing was measured for "
                        + (missing.size() == 1 ? "it." : "them."));
            }
        }
        List<String> unmasked = report.datasets().stream().filter(d -> !d.masks()).map(DatasetSummary::name).toList();
        if (!unmasked.isEmpty()) {
            gaps.add(String.join(", ", unmasked) + (unmasked.size() == 1 ? " has" : " have") + " no object masks,"
                    + " so Glassbox cannot tell the object from the background: the focus check and the background"
                    + " edit need them.");
            gaps.add("Add them with masks: in the battery config.");
        }
        List<CheckResult> skipped = report.checks().stream().filter(r -> r.status() == CheckStatus.SKIPPED).toList();
        long tooFew = skipped.stream().filter(r -> r.finding().contains("Too few pictures")).count();
        if (tooFew > 0) {
            gaps.add(count(tooFew, "result") + " had too few pictures to judge; more pictures of those classes"
                    + " would settle " + (tooFew == 1 ? "it." : "them."));
        }
        long other = skipped.size() - tooFew;
        if (other > 0) {
            gaps.add(count(other, "other result") + (other == 1 ? " was" : " were") + " skipped; " + (other == 1
                    ? "its check page says" : "their check pages say") + " why.");
        }
        if (report.datasets().size() == 1) {
            gaps.add("With one data set, nothing shows whether the model holds up on pictures unlike these. Add a"
                    + " second data set, such as pictures from another source.");
        }
        if (report.models().size() == 1) {
            gaps.add("With one model there is nothing to compare. Add compare: with another version of the model to"
                    + " see what changed.");
        }
        List<String> notAsked = Checks.definitions().stream().map(CheckDefinition::id)
                .filter(id -> report.checks().stream().noneMatch(r -> r.check().equals(id))).toList();
        if (!report.checks().isEmpty() && !notAsked.isEmpty()) {
            gaps.add("The config did not ask for these checks: " + String.join(", ", notAsked) + ".");
        }
        return gaps;
    }

    private static String names(List<String> classes) {
        List<String> quoted = classes.stream().map(ProblemWording::quote).toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    private static String count(long n, String noun) {
        return CheckViews.count(n, noun);
    }
}
