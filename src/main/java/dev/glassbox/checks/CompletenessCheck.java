package dev.glassbox.checks;

import static dev.glassbox.checks.CheckParameter.integer;
import static dev.glassbox.checks.CheckParameter.number;

import dev.glassbox.attribution.Attribution;
import dev.glassbox.data.LabelledImages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Integrated gradients' completeness: its attribution should add up to f(x) − f(baseline); the convergence delta
 * says by how much it misses, which shrinks with more integration steps.
 */
public final class CompletenessCheck implements Check {

    static final String METHOD = "integrated-gradients";

    static final CheckDefinition DEFINITION = new CheckDefinition("completeness",
            "Completeness of integrated gradients",
            "Integrated gradients should share out exactly the gap between the model's score for the picture and"
                    + " for a blank one. The convergence delta is how far the sum of its pixel scores misses that gap,"
                    + " as a share of the gap, over all the images. A large delta means too few steps. It warns above"
                    + " the maximum and fails above four times it. It runs on the first data set, with the battery's"
                    + " settings for integrated gradients.",
            List.of(number("max-delta", 0, 10, 0.05, "the largest acceptable relative convergence delta"),
                    integer("images-per-class", 1, 1000, 4, "images of each class explained"))).aboutMethods();

    @Override
    public CheckDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<CheckResult> run(CheckContext context, CheckSettings settings) {
        double max = settings.number("max-delta");
        String model = context.modelName();
        MethodSpec ig = context.methods().stream().filter(m -> m.name().equals(METHOD)).findFirst().orElse(null);
        if (ig == null || context.datasets().isEmpty()) {
            return List.of(CheckResult.Subject.of(DEFINITION.id(), model).forMethod(METHOD).skipped(max,
                    "Integrated gradients is not among the battery's attribution methods, so its completeness was"
                            + " not measured."));
        }
        DatasetRun run = context.datasets().get(0);
        LabelledImages data = run.data();
        int[] indices = Sampling.concat(Sampling.perClass(data.labels(), data.classes().size(),
                settings.integer("images-per-class"), context.sampleSeed(0)));
        int n = indices.length;
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            targets[i] = run.predictions().predicted(indices[i]);
        }
        context.progress().update("Completeness of integrated gradients on " + model, 0, 1);
        Attribution a = context.attribute(ig, data, indices, targets, context.pixels(data, indices));
        double[] sums = a.maps().castTo(DataType.DOUBLE).reshape(n, -1).sum(1).toDoubleVector();
        double missed = 0;
        double difference = 0;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double delta = a.convergenceDelta()[i];
            missed += Math.abs(delta);
            difference += Math.abs(sums[i] - delta); // Σ attribution − delta = f(x) − f(baseline)
            worst = Math.max(worst, Math.abs(delta) / Math.max(1e-12, Math.abs(sums[i] - delta)));
        }
        context.progress().update("Completeness of integrated gradients on " + model, 1, 1);
        double value = difference > 0 ? missed / difference : 0;
        CheckStatus status = value > 4 * max ? CheckStatus.FAIL : value > max ? CheckStatus.WARN : CheckStatus.PASS;
        String steps = ig.params().getOrDefault("steps", "50");
        String measured = "integrated gradients (" + steps + " steps) misses the score gap it should"
                + " share out by " + Words.pct(value) + ", over " + n + " images of " + run.name()
                + "; the maximum is " + Words.pct(max) + ".";
        String finding = status == CheckStatus.PASS
                ? "On " + model + ", " + measured + " Its pictures account for the model's score."
                : "On " + model + ", " + measured + " Its pictures do not fully account for the model's score."
                        + " Raise its steps (attribution: params: integrated-gradients: steps:).";
        Map<String, Double> details = new LinkedHashMap<>();
        details.put("largest-per-image", worst);
        return List.of(CheckResult.Subject.of(DEFINITION.id(), model).on(run.name()).forMethod(METHOD)
                .result(status, value, max, finding).withDetails(details));
    }
}
