package dev.glassbox.checks;

import dev.glassbox.imaging.PixelMaps;
import dev.glassbox.imaging.ImageStore;
import static dev.glassbox.checks.CheckParameter.integer;
import static dev.glassbox.checks.CheckParameter.number;

import dev.glassbox.evaluation.RankCorrelation;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.data.LabelledImages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The model-parameter randomization test of Adebayo et al. (2018), cascading from the top layer down: a method whose
 * maps stay the same when the model's learned layers are replaced by random ones shows the image, not the model.
 */
public final class SanityCheck implements Check {

    static final CheckDefinition DEFINITION = new CheckDefinition("sanity", "Sanity of the attribution methods",
            "Whether a method's pictures depend on what the model learned, as Adebayo and others showed in 2018."
                    + " The model's learned layers are made random one by one, from the top down. Each time, the"
                    + " new pictures are set beside the first ones, and a rank correlation says how alike they are."
                    + " The figure judged is that likeness once the top half of the layers are random. A method whose"
                    + " pictures still look the same shows the picture, not what the model learned: it fails, and"
                    + " its pictures are not to be trusted for this model. Once the lower layers are random too, all"
                    + " pictures change, so the end of the line tells methods apart less well. It runs on the first"
                    + " data set.",
            List.of(number("max-similarity", -1, 1, 0.5,
                            "the largest acceptable rank correlation once the top half of the layers are random"),
                    integer("images", 1, 1000, 8, "images explained, a seeded sample over all classes"),
                    integer("points", 2, 1000, 8, "points of the cascade measured: after every layer up to this"
                            + " many learned layers, else evenly spaced, with the half-way point and the end"))).aboutMethods();

    @Override
    public CheckDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<CheckResult> run(CheckContext context, CheckSettings settings) {
        double max = settings.number("max-similarity");
        String model = context.modelName();
        List<CheckResult> out = new ArrayList<>();
        if (context.methods().isEmpty() || context.datasets().isEmpty()) {
            out.add(CheckResult.Subject.of(DEFINITION.id(), model).skipped(max,
                    "No attribution methods are configured, so there was nothing to test."));
            return out;
        }
        DatasetRun run = context.datasets().get(0);
        int[] indices = Sampling.spread(run.data().labels(), run.data().classes().size(), settings.integer("images"),
                context.sampleSeed(0));
        Cascade cascade = Cascade.measure(context, run, indices, settings.integer("points"));
        for (int m = 0; m < context.methods().size(); m++) {
            out.add(judge(context, run, cascade, m, max));
        }
        return out;
    }

    /**
     * The cascade's measurements: each method's maps with the trained model and with the top half of the learned
     * layers random, and their rank correlation with the trained maps as layers are made random from the top.
     *
     * @param points     the numbers of top layers made random at the points measured, ascending ({@link #points})
     * @param similarity per method, at index 0 the trained model (1), then at each point the mean rank correlation
     */
    record Cascade(List<String> layers, int[] points, int[] indices, float[][] pixels, float[][][] original,
                   float[][][] randomized, double[][] similarity) {

        static Cascade measure(CheckContext context, DatasetRun run, int[] indices, int most) {
            LabelledImages data = run.data();
            float[][] pixels = context.pixels(data, indices);
            INDArray input = context.modelInput(data, pixels);
            int[] targets = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                targets[i] = run.predictions().predicted(indices[i]);
            }
            List<String> layers = context.engine().learnedLayersTopDown();
            int half = half(layers);
            int[] points = SanityCheck.points(layers.size(), half, most);
            int methods = context.methods().size();
            float[][][] original = new float[methods][][];
            float[][][] randomized = new float[methods][][];
            double[][] similarity = new double[methods][points.length + 1];
            String task = "Sanity of the methods on " + context.modelName();
            context.progress().update(task, 0, points.length + 1);
            for (int m = 0; m < methods; m++) {
                // the trained model's maps are the gallery's and the other checks': computed once
                original[m] = PixelMaps.of(context.attribute(context.methods().get(m), data, indices, targets, pixels)
                        .maps(), context.engine().input(), data.input(), PixelMaps.Reduce.ABSOLUTE);
                similarity[m][0] = 1;
            }
            context.progress().update(task, 1, points.length + 1);
            for (int j = 1; j <= points.length; j++) {
                int k = points[j - 1];
                GradientEngine random = context.engine().withRandomLayers(layers.subList(0, k), context.seed() + 7919L);
                for (int m = 0; m < methods; m++) {
                    float[][] r = maps(context, context.methods().get(m), random, input, targets, data);
                    double sum = 0;
                    for (int i = 0; i < indices.length; i++) {
                        sum += RankCorrelation.spearman(original[m][i], r[i]);
                    }
                    similarity[m][j] = sum / indices.length;
                    if (k == half) {
                        randomized[m] = r;
                    }
                }
                context.progress().update(task, j + 1, points.length + 1);
            }
            return new Cascade(layers, points, indices, pixels, original, randomized, similarity);
        }

        /** How many of the layers, from the top, make "the top half". */
        static int half(List<String> layers) {
            return (layers.size() + 1) / 2;
        }

        /** Where in {@link #similarity} the half-way point is. */
        int halfAt() {
            return java.util.Arrays.binarySearch(points, half(layers)) + 1;
        }
    }

    /** Method {@code m}'s result: it fails when its maps stay similar once the top half of the layers is random. */
    private static CheckResult judge(CheckContext context, DatasetRun run, Cascade cascade, int m, double max) {
        String method = context.methods().get(m).name();
        String model = context.modelName();
        List<String> layers = cascade.layers();
        int half = Cascade.half(layers);
        int[] points = cascade.points();
        double value = cascade.similarity()[m][cascade.halfAt()];
        CheckStatus status = value > max ? CheckStatus.FAIL : CheckStatus.PASS;
        String measured = " Once the top " + half + " of " + layers.size() + " learned layers ("
                + String.join(", ", layers.subList(0, half)) + ") are random, the rank correlation with the first"
                + " pictures is " + Words.num(value, 2) + ". The maximum is " + Words.num(max, 2) + ". It is "
                + Words.num(cascade.similarity()[m][points.length], 2) + " once all are, over "
                + Words.plural(cascade.indices().length, "image", "images") + " of " + run.name() + ".";
        String finding = status == CheckStatus.FAIL
                ? method + "'s pictures barely change when " + model + "'s layers are replaced by random ones."
                        + " They show the picture (its edges and colours), not what the model learned. Do not trust "
                        + method + "'s pictures for this model." + measured
                : method + "'s pictures change when " + model + "'s layers are replaced by random ones: they"
                        + " depend on what the model learned." + measured;
        Map<String, Double> details = new LinkedHashMap<>();
        for (int j = 1; j <= points.length; j++) {
            details.put("similarity after " + layers.get(points[j - 1] - 1), cascade.similarity()[m][j]);
        }
        return CheckResult.Subject.of(DEFINITION.id(), model).on(run.name()).forMethod(method)
                .result(status, value, max, finding).withEvidence(evidence(context, run, cascade, m, method))
                .withDetails(details).withCharts(List.of(chart(model, method, cascade, m, max)));
    }

    private static List<Evidence> evidence(CheckContext context, DatasetRun run, Cascade cascade, int m,
                                           String method) {
        LabelledImages data = run.data();
        String base = "sanity-" + ImageStore.slug(method);
        return List.of(
                Evidence.heatmap(context.overlay(base + "-trained", data, cascade.pixels()[0],
                        cascade.original()[m][0]),
                        method + " on " + data.files().get(cascade.indices()[0]) + ", with the trained model."),
                Evidence.heatmap(context.overlay(base + "-random", data, cascade.pixels()[0],
                        cascade.randomized()[m][0]), method + " on the same picture, with the top half of the"
                        + " learned layers made random. A method to trust shows something else here."));
    }

    private static CheckChart chart(String model, String method, Cascade cascade, int m, double max) {
        int[] points = cascade.points();
        double[] steps = new double[points.length + 1];
        for (int j = 1; j < steps.length; j++) {
            steps[j] = points[j - 1];
        }
        int layers = cascade.layers().size();
        return new CheckChart("Cascading randomization of " + model + ": " + method,
                "learned layers replaced by random ones, from the top", "rank correlation with the original",
                List.of(new CheckChart.Series(method, steps, cascade.similarity()[m], false),
                        new CheckChart.Series("maximum", new double[] {0, layers}, new double[] {max, max}, true)),
                "The line starts at 1 (the trained model) and should fall as layers are made random. A line"
                        + " still above the dashed maximum half-way along means the pictures do not depend on"
                        + " what the model learned.");
    }

    /**
     * The numbers of top layers made random at the points measured, ascending: every count from 1 to {@code layers}
     * when that is at most {@code most}; else {@code most} counts spread evenly over 1 to {@code layers}, with
     * {@code half} and {@code layers} among them.
     */
    static int[] points(int layers, int half, int most) {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        if (layers <= most) {
            for (int k = 1; k <= layers; k++) {
                out.add(k);
            }
        } else {
            for (int j = 1; j <= most; j++) {
                out.add((int) Math.round((double) j * layers / most));
            }
            if (!out.contains(half)) {
                // the point nearest the half-way one gives its place to it
                out.remove(out.ceiling(half) != null && (out.floor(half) == null
                        || out.ceiling(half) - half < half - out.floor(half)) ? out.ceiling(half) : out.floor(half));
                out.add(half);
            }
            out.add(layers);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static float[][] maps(CheckContext context, MethodSpec method, GradientEngine engine, INDArray input,
                                  int[] targets, LabelledImages data) {
        return PixelMaps.of(context.attribute(method, engine, input, targets), engine.input(), data.input(),
                PixelMaps.Reduce.ABSOLUTE);
    }
}
