package dev.glassbox.checks;

import static dev.glassbox.checks.CheckParameter.number;

import dev.glassbox.evaluation.Evaluation;
import java.util.ArrayList;
import java.util.List;

/** Accuracy on each data set, with its Wilson 95% interval, against a minimum. */
public final class AccuracyCheck implements Check {

    static final CheckDefinition DEFINITION = new CheckDefinition("accuracy", "Accuracy",
            "The share of images the model names correctly, with a 95% confidence interval (Wilson) that says how far"
                    + " the figure could move on another sample of the same kind of images. Fails when the whole"
                    + " interval lies below the minimum; warns when the share is below it but the interval reaches it;"
                    + " says there are too few images to judge when the interval is wider than max-interval.",
            List.of(number("min", 0, 1, 0.9, "the lowest acceptable accuracy"),
                    number("max-interval", 0.01, 1, Proportions.MAX_INTERVAL, "the widest 95% interval judged: a"
                            + " wider one means too few pictures to judge")));

    @Override
    public CheckDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<CheckResult> run(CheckContext context, CheckSettings settings) {
        double min = settings.number("min");
        double maxInterval = settings.number("max-interval");
        List<CheckResult> out = new ArrayList<>();
        String model = context.modelName();
        for (DatasetRun run : context.datasets()) {
            Evaluation e = run.evaluation();
            long right = e.correct();
            long n = e.images();
            String named = model + " named " + right + " of " + n + " " + run.name() + " images correctly (";
            out.add(Proportions.result(CheckResult.Subject.of(DEFINITION.id(), model).on(run.name()), right, n, min, maxInterval,
                    new Proportions.Wording() {
                        public String skipped() {
                            return run.name() + " has no images, so accuracy was not measured.";
                        }

                        public String fail(String share) {
                            return model + " named only " + right + " of " + n + " " + run.name() + " images correctly ("
                                    + share + "): even the top of the interval is below the minimum of "
                                    + Words.pct(min) + ". Do not rely on it for images like these; the class checks say"
                                    + " which classes it misses.";
                        }

                        public String warn(String share) {
                            return named + share + "): below the minimum of " + Words.pct(min) + ", but the"
                                    + " interval reaches it, so these images are too few to be sure it misses it; test"
                                    + " on more.";
                        }

                        public String pass(String share) {
                            return named + share + "), at or above the minimum of " + Words.pct(min) + ".";
                        }
                    }));
        }
        return out;
    }
}
