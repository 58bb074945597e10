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
        for (DatasetRun run : context.datasets()) {
            ConfusionMatrix m = run.evaluation().confusion();
            for (int c = 0; c < m.size(); c++) {
                String name = m.classes().get(c);
                long right = m.count(c, c);
                long said = m.predictedAs(c);
                CheckStatus status = Proportions.status(right, said, min);
                String model = context.modelName();
                String said0 = "Of the " + said + " " + run.name() + " images " + model + " called " + name + ", ";
                String finding = switch (status) {
                    case SKIPPED -> model + " never answered " + name + " on " + run.name()
                            + ", so its precision was not measured.";
                    case FAIL -> said0 + "only " + right + " were " + name + " (" + Proportions.withInterval(right, said)
                            + "), below the minimum of " + Words.pct(min) + mostlyFrom(m, c)
                            + ": it says " + name + " too readily.";
                    case WARN -> said0 + right + " were " + name + " (" + Proportions.withInterval(right, said)
                            + "); the interval reaches below the minimum of " + Words.pct(min)
                            + ", so there are too few answers to be sure: test on more images.";
                    default -> said0 + right + " were " + name + " (" + Proportions.withInterval(right, said)
                            + "), above the minimum of " + Words.pct(min) + ".";
                };
                out.add(new CheckResult(DEFINITION.id(), model, run.name(), name, null, status,
                        said == 0 ? null : (double) right / said, min, finding, List.of(),
                        said == 0 ? java.util.Map.of() : Proportions.details(right, said), List.of()));
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
