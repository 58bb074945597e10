package dev.glassbox.checks;

import static dev.glassbox.checks.CheckParameter.number;

import dev.glassbox.evaluation.Evaluation;
import java.util.ArrayList;
import java.util.List;

/** Accuracy on each data set, with its Wilson 95% interval, against a minimum. */
public final class AccuracyCheck implements Check {

    static final CheckDefinition DEFINITION = new CheckDefinition("accuracy", "Accuracy",
            "The share of images the model names correctly, with a 95% confidence interval (Wilson) that says how far"
                    + " the figure could move on another sample of the same kind of images. Fails below the minimum;"
                    + " warns when the interval reaches below it.",
            List.of(number("min", 0, 1, 0.9, "the lowest acceptable accuracy")));

    @Override
    public CheckDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<CheckResult> run(CheckContext context, CheckSettings settings) {
        double min = settings.number("min");
        List<CheckResult> out = new ArrayList<>();
        for (DatasetRun run : context.datasets()) {
            Evaluation e = run.evaluation();
            long right = e.correct();
            long n = e.images();
            CheckStatus status = Proportions.status(right, n, min);
            String model = context.modelName();
            String finding = switch (status) {
                case SKIPPED -> run.name() + " has no images, so accuracy was not measured.";
                case FAIL -> model + " named only " + right + " of " + n + " " + run.name() + " images correctly ("
                        + Proportions.withInterval(right, n) + "), below the minimum of " + Words.pct(min)
                        + ": do not rely on it for images like these; the class checks say which classes it misses.";
                case WARN -> model + " named " + right + " of " + n + " " + run.name() + " images correctly ("
                        + Proportions.withInterval(right, n) + "): the interval reaches below the minimum of "
                        + Words.pct(min) + ", so these images are too few to be sure it meets it; test on more.";
                default -> model + " named " + right + " of " + n + " " + run.name() + " images correctly ("
                        + Proportions.withInterval(right, n) + "), above the minimum of " + Words.pct(min) + ".";
            };
            out.add(new CheckResult(DEFINITION.id(), model, run.name(), null, null, status,
                    n == 0 ? null : e.accuracy(), min, finding, List.of(),
                    n == 0 ? java.util.Map.of() : Proportions.details(right, n), List.of()));
        }
        return out;
    }
}
