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
        String model = context.modelName();
        for (DatasetRun run : context.datasets()) {
            Evaluation e = run.evaluation();
            long right = e.correct();
            long n = e.images();
            String named = model + " named " + right + " of " + n + " " + run.name() + " images correctly (";
            out.add(Proportions.result(CheckResult.Subject.of(DEFINITION.id(), model).on(run.name()), right, n, min,
                    new Proportions.Wording() {
                        public String skipped() {
                            return run.name() + " has no images, so accuracy was not measured.";
                        }

                        public String fail(String share) {
                            return model + " named only " + right + " of " + n + " " + run.name() + " images correctly ("
                                    + share + "), below the minimum of " + Words.pct(min) + ": do not rely on it for"
                                    + " images like these; the class checks say which classes it misses.";
                        }

                        public String warn(String share) {
                            return named + share + "): the interval reaches below the minimum of " + Words.pct(min)
                                    + ", so these images are too few to be sure it meets it; test on more.";
                        }

                        public String pass(String share) {
                            return named + share + "), above the minimum of " + Words.pct(min) + ".";
                        }
                    }));
        }
        return out;
    }
}
