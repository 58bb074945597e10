package dev.glassbox.checks;

import static dev.glassbox.checks.CheckParameter.number;

import dev.glassbox.evaluation.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;

/** For each class, the share of the model's answers of that class that are right, against a minimum. */
public final class ClassPrecisionCheck implements Check {

    static final CheckDefinition DEFINITION = new CheckDefinition("class-precision", "Precision of each class",
            "For each class, the share of the model's answers of that class that are right. A low precision means the"
                    + " model says that class too readily. Fails below the minimum; warns when the 95% interval"
                    + " reaches below it.",
            List.of(number("min", 0, 1, 0.8, "the lowest acceptable precision of any class")));

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
            ConfusionMatrix m = run.evaluation().confusion();
            for (int c = 0; c < m.size(); c++) {
                String name = m.classes().get(c);
                long right = m.count(c, c);
                long said = m.predictedAs(c);
                String of = "Of the " + said + " " + run.name() + " images " + model + " called " + name + ", ";
                String others = mostlyFrom(m, c);
                out.add(Proportions.result(CheckResult.Subject.of(DEFINITION.id(), model).on(run.name())
                        .forClass(name), right, said, min, new Proportions.Wording() {
                            public String skipped() {
                                return model + " never answered " + name + " on " + run.name()
                                        + ", so its precision was not measured.";
                            }

                            public String fail(String share) {
                                return of + "only " + right + " were " + name + " (" + share + "), below the minimum"
                                        + " of " + Words.pct(min) + others + ": it says " + name + " too readily.";
                            }

                            public String warn(String share) {
                                return of + right + " were " + name + " (" + share + "); the interval reaches below"
                                        + " the minimum of " + Words.pct(min) + ", so there are too few answers to be"
                                        + " sure: test on more images.";
                            }

                            public String pass(String share) {
                                return of + right + " were " + name + " (" + share + "), above the minimum of "
                                        + Words.pct(min) + ".";
                            }
                        }));
            }
        }
        return out;
    }

    /** "; most of the others were triangle images (40)" */
    private static String mostlyFrom(ConfusionMatrix m, int predicted) {
        int best = -1;
        for (int t = 0; t < m.size(); t++) {
            if (t != predicted && (best < 0 || m.count(t, predicted) > m.count(best, predicted))) {
                best = t;
            }
        }
        if (best < 0 || m.count(best, predicted) == 0) {
            return "";
        }
        return "; most of the others were " + m.classes().get(best) + " images (" + m.count(best, predicted) + ")";
    }
}
