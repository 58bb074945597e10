package dev.glassbox.checks;

import dev.glassbox.imaging.PixelMaps;
import static dev.glassbox.checks.CheckParameter.integer;
import static dev.glassbox.checks.CheckParameter.number;

import dev.glassbox.evaluation.Curves;
import dev.glassbox.data.LabelledImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Deletion and insertion (Petsiuk et al. 2018, the RISE paper): pixels are removed from the image, or put back into a
 * blurred copy, in the order a method ranks them, and the model's probability for its answer is followed; the areas
 * under the curves are compared with the same done in a random order.
 */
public final class FaithfulnessCheck implements Check {

    static final CheckDefinition DEFINITION = new CheckDefinition("faithfulness",
            "Faithfulness of the attribution methods",
            "Whether the pixels a method marks as important really drive the answer. Deleting them first (painting"
                    + " them black) should lower the model's confidence faster than deleting pixels at random."
                    + " Putting them first into a blurred copy should raise it faster. These are the deletion and"
                    + " insertion curves of the RISE paper. The gain is the mean of the two gains over random order,"
                    + " in area under the curve. It warns when a method gains less than the minimum, and fails when"
                    + " it does no better than random. It runs on the first data set.",
            List.of(number("min-gain", -1, 1, 0.05,
                            "the smallest acceptable gain over random order, in area under the curve"),
                    integer("images-per-class", 1, 1000, 4, "images of each class explained"),
                    integer("steps", 2, 1024, 16, "points on each curve"))).aboutMethods();

    @Override
    public CheckDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<CheckResult> run(CheckContext context, CheckSettings settings) {
        double minGain = settings.number("min-gain");
        int steps = settings.integer("steps");
        String model = context.modelName();
        if (context.methods().isEmpty() || context.datasets().isEmpty()) {
            return List.of(CheckResult.Subject.of(DEFINITION.id(), model).skipped(minGain,
                    "No attribution methods are configured, so there was nothing to test."));
        }
        DatasetRun run = context.datasets().get(0);
        LabelledImages data = run.data();
        int[] indices = Sampling.concat(Sampling.perClass(data.labels(), data.classes().size(),
                settings.integer("images-per-class"), context.sampleSeed(0)));
        Trial trial = Trial.prepare(context, run, indices, steps);
        String task = "Deletion and insertion on " + model;
        context.progress().update(task, 0, context.methods().size() + 1);
        double[][] randomCurves = trial.curves(context, trial.randomOrder);
        context.progress().update(task, 1, context.methods().size() + 1);
        List<CheckResult> out = new ArrayList<>();
        for (int m = 0; m < context.methods().size(); m++) {
            MethodSpec method = context.methods().get(m);
            float[][] scores = PixelMaps.of(context.attribute(method, data, indices, trial.targets, trial.pixels).maps(),
                    context.engine().input(), data.input(), PixelMaps.Reduce.SIGNED);
            int[][] order = new int[indices.length][];
            for (int i = 0; i < indices.length; i++) {
                order[i] = ranked(scores[i], trial.random);
            }
            out.add(judge(context, run, method.name(), trial.curves(context, order), randomCurves, minGain, steps,
                    indices.length));
            context.progress().update(task, m + 2, context.methods().size() + 1);
        }
        return out;
    }

    /**
     * What every method's curves share: the images, their blurred copies (what deleted pixels become), the answers
     * to explain, a random pixel order per image, and the random source that breaks ties in the methods' orders.
     */
    private static final class Trial {
        final LabelledImages data;
        final float[][] pixels;
        final float[][] blurred;
        final int[] targets;
        final Random random;
        final int[][] randomOrder;
        final int steps;

        private Trial(LabelledImages data, float[][] pixels, float[][] blurred, int[] targets, Random random,
                      int[][] randomOrder, int steps) {
            this.data = data;
            this.pixels = pixels;
            this.blurred = blurred;
            this.targets = targets;
            this.random = random;
            this.randomOrder = randomOrder;
            this.steps = steps;
        }

        static Trial prepare(CheckContext context, DatasetRun run, int[] indices, int steps) {
            LabelledImages data = run.data();
            int n = indices.length;
            int h = data.input().height();
            int w = data.input().width();
            int ch = data.input().channels();
            float[][] pixels = context.pixels(data, indices);
            float[][] blurred = new float[n][];
            for (int i = 0; i < n; i++) {
                blurred[i] = boxBlur(pixels[i], ch, h, w, Math.max(1, Math.min(h, w) / 8));
            }
            int[] targets = new int[n];
            for (int i = 0; i < n; i++) {
                targets[i] = run.predictions().predicted(indices[i]);
            }
            Random random = new Random(context.seed() + 223);
            int[][] randomOrder = new int[n][];
            for (int i = 0; i < n; i++) {
                randomOrder[i] = shuffled(h * w, random);
            }
            return new Trial(data, pixels, blurred, targets, random, randomOrder, steps);
        }

        double[][] curves(CheckContext context, int[][] order) {
            return FaithfulnessCheck.curves(context, data, pixels, blurred, order, targets, steps);
        }
    }

    /** A method's result from its curves against the random order's: the gain in area, worded. */
    private static CheckResult judge(CheckContext context, DatasetRun run, String method, double[][] curves,
                                     double[][] randomCurves, double minGain, int steps, int images) {
        String model = context.modelName();
        double deletion = Curves.area(curves[0]);
        double insertion = Curves.area(curves[1]);
        double randomDeletion = Curves.area(randomCurves[0]);
        double randomInsertion = Curves.area(randomCurves[1]);
        double gain = ((randomDeletion - deletion) + (insertion - randomInsertion)) / 2;
        CheckStatus status = gain <= 0 ? CheckStatus.FAIL : gain < minGain ? CheckStatus.WARN : CheckStatus.PASS;
        String figures = " Deleting the pixels " + method + " ranks first leaves an area of "
                + Words.num(deletion, 2) + " under the curve, and random pixels " + Words.num(randomDeletion, 2)
                + " (lower is better). Putting them in first gives " + Words.num(insertion, 2) + ", and random"
                + " pixels " + Words.num(randomInsertion, 2) + " (higher is better). The gain is "
                + Words.num(gain, 3) + "; the minimum is " + Words.num(minGain, 3) + ", over " + images
                + " images of " + run.name() + ".";
        String finding = switch (status) {
            case FAIL -> "The pixels " + method + " marks are no more important to " + model
                    + " than random ones. Do not read its pictures as what drives the answer." + figures;
            case WARN -> "The pixels " + method + " marks matter to " + model + " only a little more than"
                    + " random ones. Read its pictures with care." + figures;
            default -> "The pixels " + method + " marks do drive " + model + "'s answers." + figures;
        };
        Map<String, Double> details = new LinkedHashMap<>();
        details.put("deletion-area", deletion);
        details.put("deletion-area random", randomDeletion);
        details.put("insertion-area", insertion);
        details.put("insertion-area random", randomInsertion);
        return CheckResult.Subject.of(DEFINITION.id(), model).on(run.name()).forMethod(method)
                .result(status, gain, minGain, finding).withDetails(details)
                .withCharts(List.of(chart(model, method, curves, randomCurves, steps)));
    }

    private static CheckChart chart(String model, String method, double[][] curves, double[][] randomCurves,
                                    int steps) {
        double[] xs = new double[steps + 1];
        for (int s = 0; s <= steps; s++) {
            xs[s] = (double) s / steps;
        }
        return new CheckChart("Deletion and insertion: " + method + " on " + model,
                "share of pixels deleted or inserted", "probability of the answer",
                List.of(new CheckChart.Series("deletion, " + method + " order", xs, curves[0], false),
                        new CheckChart.Series("deletion, random order", xs, randomCurves[0], true),
                        new CheckChart.Series("insertion, " + method + " order", xs, curves[1], false),
                        new CheckChart.Series("insertion, random order", xs, randomCurves[1], true)),
                "How sure the model stays of its answer as pixels are deleted (falling lines) or put in (rising"
                        + " lines). For a faithful method, the deletion line falls faster and the insertion line"
                        + " rises faster than the dashed random ones.");
    }

    /** Mean deletion curve (row 0) and insertion curve (row 1) over the images. */
    private static double[][] curves(CheckContext context, LabelledImages data, float[][] pixels, float[][] blurred,
                                     int[][] order, int[] targets, int steps) {
        int n = pixels.length;
        int h = data.input().height();
        int w = data.input().width();
        int ch = data.input().channels();
        int hw = h * w;
        float[][] all = new float[2 * n * (steps + 1)][];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s <= steps; s++) {
                int k = (int) Math.round((double) s * hw / steps);
                float[] deleted = pixels[i].clone();
                float[] inserted = blurred[i].clone();
                for (int r = 0; r < k; r++) {
                    int p = order[i][r];
                    for (int c = 0; c < ch; c++) {
                        deleted[c * hw + p] = 0;
                        inserted[c * hw + p] = pixels[i][c * hw + p];
                    }
                }
                all[(i * (steps + 1) + s)] = deleted;
                all[n * (steps + 1) + i * (steps + 1) + s] = inserted;
            }
        }
        float[][] p = context.probabilities(context.modelInput(data, all));
        double[][] curves = new double[2][steps + 1];
        for (int kind = 0; kind < 2; kind++) {
            for (int i = 0; i < n; i++) {
                for (int s = 0; s <= steps; s++) {
                    curves[kind][s] += p[kind * n * (steps + 1) + i * (steps + 1) + s][targets[i]] / (double) n;
                }
            }
        }
        return curves;
    }

    /** Pixel indices from the highest score down; ties in a seeded random order. */
    static int[] ranked(float[] scores, Random random) {
        int[] shuffled = shuffled(scores.length, random);
        Integer[] order = Arrays.stream(shuffled).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a])); // stable: ties keep the shuffled order
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static int[] shuffled(int n, Random random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** A box blur of the given radius per channel, edges clamped. */
    static float[] boxBlur(float[] px, int channels, int h, int w, int r) {
        float[] out = new float[px.length];
        int hw = h * w;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sum = 0;
                    int count = 0;
                    for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                        for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                            sum += px[c * hw + yy * w + xx];
                            count++;
                        }
                    }
                    out[c * hw + y * w + x] = (float) (sum / count);
                }
            }
        }
        return out;
    }
}
