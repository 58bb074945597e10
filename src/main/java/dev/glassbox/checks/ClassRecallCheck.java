package dev.glassbox.checks;

import static dev.glassbox.checks.CheckParameter.number;

import dev.glassbox.evaluation.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;

/** For each class, the share of its images the model finds, against a minimum. */
public final class ClassRecallCheck implements Check {

    static final CheckDefinition DEFINITION = new CheckDefinition("class-recall", "Recall of each class",
            "For each class, the share of its images the model finds. A low recall means images of that class are"
                    + " often given another name. Fails when the whole 95% interval lies below the minimum; warns when"
                    + " the recall is below it but the interval reaches it; says there are too few images to judge"
                    + " when the interval is wider than max-interval.",
            List.of(number("min", 0, 1, 0.8, "the lowest acceptable recall of any class"),
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
                long found = m.count(c, c);
                long n = m.support(c);
                String where = Words.plural(n, "picture", "pictures") + " of class " + Words.quote(name) + " in "
                        + run.name();
                String others = mostOften(m, c);
                out.add(Proportions.result(CheckResult.Subject.of(DEFINITION.id(), model).on(run.name())
                        .forClass(name), found, n, min, maxInterval, new Proportions.Wording() {
                            public String skipped() {
                                return run.name() + " has no pictures of class " + Words.quote(name)
                                        + ", so its recall was not measured.";
                            }

                            public String fail(String share) {
                                return model + " found only " + found + " of the " + where + " (" + share
                                        + "): even the top of the interval is below the minimum of " + Words.pct(min)
                                        + others + ". The focus and interventions checks and the gallery show why.";
                            }

                            public String warn(String share) {
                                return model + " found " + found + " of the " + where + " (" + share + "): below"
                                        + " the minimum of " + Words.pct(min) + ", but the interval reaches it, so"
                                        + " there are too few pictures to be sure: test on more.";
                            }

                            public String pass(String share) {
                                return model + " found " + found + " of the " + where + " (" + share + "), at or"
                                        + " above the minimum of " + Words.pct(min) + ".";
                            }
                        }));
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
        return "; it called most of the others " + Words.quote(m.classes().get(best)) + " (" + m.count(truth, best)
                + ")";
    }
}
