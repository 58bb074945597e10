package dev.glassbox.checks;

import static dev.glassbox.checks.CheckParameter.number;

import dev.glassbox.evaluation.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;

/** For each class, the share of the model's answers of that class that are right, against a minimum. */
public final class ClassPrecisionCheck implements Check {

    static final CheckDefinition DEFINITION = new CheckDefinition("class-precision", "Precision of each class",
            "For each class, the share of the model's answers of that class that are right. A low precision means the"
                    + " model says that class too readily. Fails when the whole 95% interval lies below the minimum;"
                    + " warns when the precision is below it but the interval reaches it; says there are too few"
                    + " answers to judge when the interval is wider than max-interval.",
            List.of(number("min", 0, 1, 0.8, "the lowest acceptable precision of any class"),
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
            ConfusionMatrix m = run.evaluation().confusion();
            for (int c = 0; c < m.size(); c++) {
                String name = m.classes().get(c);
                long right = m.count(c, c);
                long said = m.predictedAs(c);
                String of = "Of the " + Words.plural(said, run.name() + " picture", run.name() + " pictures") + " "
                        + model + " called " + Words.quote(name) + ", ";
                String others = mostlyFrom(m, c);
                out.add(Proportions.result(CheckResult.Subject.of(DEFINITION.id(), model).on(run.name())
                        .forClass(name), right, said, min, maxInterval, new Proportions.Wording() {
                            public String skipped() {
                                return model + " never answered " + Words.quote(name) + " on " + run.name()
                                        + ", so its precision was not measured.";
                            }

                            public String fail(String share) {
                                return of + "only " + right + " were of that class (" + share + "): even the top"
                                        + " of the interval is below the minimum of " + Words.pct(min) + others
                                        + ". It says " + Words.quote(name) + " too readily.";
                            }

                            public String warn(String share) {
                                return of + right + " were of that class (" + share + "): below the minimum of "
                                        + Words.pct(min) + ", but the interval reaches it, so there are too few"
                                        + " answers to be sure: test on more pictures.";
                            }

                            public String pass(String share) {
                                return of + right + " were of that class (" + share + "), at or above the minimum"
                                        + " of " + Words.pct(min) + ".";
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
        return "; most of the others were of class " + Words.quote(m.classes().get(best)) + " ("
                + m.count(best, predicted) + ")";
    }
}
