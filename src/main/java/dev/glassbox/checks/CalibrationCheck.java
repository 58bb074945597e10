package dev.glassbox.checks;

import static dev.glassbox.checks.CheckParameter.integer;
import static dev.glassbox.checks.CheckParameter.number;

import dev.glassbox.evaluation.Calibration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Expected calibration error on each data set, with its reliability diagram. */
public final class CalibrationCheck implements Check {

    static final CheckDefinition DEFINITION = new CheckDefinition("calibration", "Calibration",
            "Whether the model's confidence can be taken at its word. Of the answers it gives 80% sure, about 80%"
                    + " should be right. The check measures the average gap between how sure the model is and how"
                    + " often it is right, over groups of answers that are about as sure: the expected calibration"
                    + " error. A chart shows each group. It warns above the maximum and fails above twice it, when"
                    + " the gap is more than chance: on few pictures even a model whose confidence is right shows"
                    + " some error, so the check draws the answers of such a model 200 times on the same"
                    + " confidences. A gap that one in twenty of those draws reaches could be chance, and does not"
                    + " fail. Where chance alone often reaches twice the maximum, there are too few pictures to"
                    + " judge.",
            List.of(number("max-ece", 0, 1, 0.05, "the largest acceptable expected calibration error"),
                    integer("bins", 2, 100, 15, "the number of equal-width confidence bins")));

    @Override
    public CheckDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<CheckResult> run(CheckContext context, CheckSettings settings) {
        double max = settings.number("max-ece");
        int bins = settings.integer("bins");
        List<CheckResult> out = new ArrayList<>();
        for (DatasetRun run : context.datasets()) {
            Predictions p = run.predictions();
            int[] labels = run.data().labels();
            boolean[] correct = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                correct[i] = p.predicted(i) == labels[i];
            }
            String model = context.modelName();
            if (labels.length == 0) {
                out.add(CheckResult.Subject.of(DEFINITION.id(), model).on(run.name()).skipped(max,
                        run.name() + " has no images, so calibration was not measured."));
                continue;
            }
            Calibration cal = Calibration.of(p.confidence(), correct, bins);
            double ece = cal.ece();
            Chance chance = Chance.of(p.confidence(), bins, ece, context.seed());
            CheckStatus status = ece > 2 * max && chance.significant() ? CheckStatus.FAIL
                    : chance.high() > 2 * max ? CheckStatus.SKIPPED
                    : ece > max ? CheckStatus.WARN : CheckStatus.PASS;
            boolean over = cal.meanConfidence() > cal.accuracyAll();
            String gap = " On " + run.name() + ", how sure " + model + " is and how often it is right differ by "
                    + Words.num(100 * ece, 1) + " points on average. The expected calibration error is "
                    + Words.num(ece, 3) + "; the maximum is " + Words.num(max, 3) + ".";
            String finding = switch (status) {
                case PASS -> "Its confidence can be read as a probability." + gap;
                case SKIPPED -> "Too few pictures to judge: on " + labels.length + " pictures, a model whose"
                        + " confidence is right would show an error of up to " + Words.num(chance.high(), 3)
                        + " by chance, past the fail line of " + Words.num(2 * max, 3) + ". About "
                        + chance.needed(labels.length, 2 * max) + " pictures are needed." + gap;
                default -> (over ? model + " is more sure of itself than it should be: its answers average "
                        + Words.pct(cal.meanConfidence()) + " sure but are right "
                        + Words.pct(cal.accuracyAll()) + " of the time."
                        : model + " is less sure of itself than it should be: its answers average "
                        + Words.pct(cal.meanConfidence()) + " sure but are right "
                        + Words.pct(cal.accuracyAll()) + " of the time.")
                        + gap + (chance.significant() ? "" : " A gap this size could be chance on "
                        + labels.length + " pictures.") + " Do not read its confidence as a probability. If"
                        + " decisions depend on it, recalibrate it, for example by temperature scaling on spare"
                        + " images.";
            };
            Map<String, Double> details = new LinkedHashMap<>();
            details.put("mean-confidence", cal.meanConfidence());
            details.put("accuracy", cal.accuracyAll());
            details.put("chance-ece-95", chance.high());
            details.put("p-value", chance.p());
            CheckResult.Subject subject = CheckResult.Subject.of(DEFINITION.id(), model).on(run.name());
            out.add((status == CheckStatus.SKIPPED ? subject.skipped(max, finding)
                    : subject.result(status, ece, max, finding))
                    .withDetails(details).withCharts(List.of(diagram(cal, model, run.name()))));
        }
        return out;
    }

    /**
     * The error a model whose confidence is right would show on these confidences by chance: each answer drawn right
     * with the probability its confidence gives, 200 times (seeded). {@code high} is the 95th percentile of those
     * errors, {@code p} the share at least as large as the one measured (with one added above and below).
     */
    record Chance(double high, double p) {

        static final int DRAWS = 200;

        static Chance of(float[] confidence, int bins, double measured, long seed) {
            java.util.Random random = new java.util.Random(seed + 977);
            double[] errors = new double[DRAWS];
            boolean[] right = new boolean[confidence.length];
            int atLeast = 0;
            for (int d = 0; d < DRAWS; d++) {
                for (int i = 0; i < right.length; i++) {
                    right[i] = random.nextDouble() < confidence[i];
                }
                errors[d] = Calibration.of(confidence, right, bins).ece();
                atLeast += errors[d] >= measured ? 1 : 0;
            }
            java.util.Arrays.sort(errors);
            return new Chance(errors[(int) Math.ceil(0.95 * DRAWS) - 1], (atLeast + 1.0) / (DRAWS + 1.0));
        }

        boolean significant() {
            return p < 0.05;
        }

        /** About how many pictures would bring chance's error under {@code line} (it shrinks as one over √n). */
        long needed(int n, double line) {
            return (long) Math.ceil(n * (high / line) * (high / line));
        }
    }

    private static CheckChart diagram(Calibration cal, String model, String dataset) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int b = 0; b < cal.count().length; b++) {
            if (cal.count()[b] > 0) {
                xs.add(cal.confidence()[b]);
                ys.add(cal.accuracy()[b]);
            }
        }
        return new CheckChart("Reliability of " + model + " on " + dataset, "confidence of the answer",
                "share of answers that were right",
                List.of(new CheckChart.Series(model, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                                ys.stream().mapToDouble(Double::doubleValue).toArray(), false),
                        new CheckChart.Series("perfectly calibrated", new double[] {0, 1}, new double[] {0, 1}, true)),
                "Each point is a group of answers that are about as sure: how sure the model was (across) against"
                        + " how often it was right (up). Points below the dashed line are answers too sure of"
                        + " themselves.");
    }
}
