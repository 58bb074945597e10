package dev.glassbox.checks;

import static dev.glassbox.checks.CheckParameter.number;

import dev.glassbox.evaluation.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;

/** For each class, the share of its images the model finds, against a minimum. */
public final class ClassRecallCheck implements Check {

    static final CheckDefinition DEFINITION = new CheckDefinition("class-recall", "Recall of each class",
            "For each class, the share of its images the model finds. A low recall means images of that class are"
                    + " often given another name. Fails below the minimum; warns when the 95% interval reaches below"
                    + " it.",
            List.of(number("min", 0, 1, 0.8, "the lowest acceptable recall of any class")));

    @Override
    public CheckDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<CheckResult> run(CheckContext context, CheckSettings settings) {
        double min = settings.number("min");
        List<CheckResult> out = new ArrayList<>();
        for (DatasetRun run : context.datasets()) {
            ConfusionMatrix m = run.evaluation().confusion();
            for (int c = 0; c < m.size(); c++) {
                String name = m.classes().get(c);
                long found = m.count(c, c);
                long n = m.support(c);
                CheckStatus status = Proportions.status(found, n, min);
                String model = context.modelName();
                String where = n + " " + name + " images in " + run.name();
                String finding = switch (status) {
                    case SKIPPED -> run.name() + " has no " + name + " images, so the recall of " + name
                            + " was not measured.";
                    case FAIL -> model + " found only " + found + " of the " + where + " ("
                            + Proportions.withInterval(found, n) + "), below the minimum of " + Words.pct(min)
                            + mostOften(m, c) + ". The focus and interventions checks and the gallery show why.";
                    case WARN -> model + " found " + found + " of the " + where + " ("
                            + Proportions.withInterval(found, n) + "); the interval reaches below the minimum of "
                            + Words.pct(min) + ", so there are too few images to be sure: test on more.";
                    default -> model + " found " + found + " of the " + where + " ("
                            + Proportions.withInterval(found, n) + "), above the minimum of " + Words.pct(min) + ".";
                };
                out.add(new CheckResult(DEFINITION.id(), model, run.name(), name, null, status,
                        n == 0 ? null : (double) found / n, min, finding, List.of(),
                        n == 0 ? java.util.Map.of() : Proportions.details(found, n), List.of()));
            }
        }
        return out;
    }

    /** "; it called most of the others triangle (52)" */
    static String mostOften(ConfusionMatrix m, int truth) {
        int best = -1;
        for (int p = 0; p < m.size(); p++) {
            if (p != truth && (best < 0 || m.count(truth, p) > m.count(truth, best))) {
                best = p;
            }
        }
        if (best < 0 || m.count(truth, best) == 0) {
            return "";
        }
        return "; it called most of the others " + m.classes().get(best) + " (" + m.count(truth, best) + ")";
    }
}
