package dev.glassbox.checks;

import dev.glassbox.imaging.PixelMaps;
import dev.glassbox.imaging.ImageStore;
import static dev.glassbox.checks.CheckParameter.integer;
import static dev.glassbox.checks.CheckParameter.number;

import dev.glassbox.model.InputSpec;
import dev.glassbox.data.LabelledImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where the attribution lies: for each class and method, the share of positive attribution on the object (its mask)
 * and the pointing game (is the strongest pixel on the object?). A model that recognises a class by its background
 * or by a mark beside the object puts its attribution off the object.
 */
public final class FocusCheck implements Check {

    /** A class warns when its share is less than this far above the minimum. */
    static final double WARN_MARGIN = 0.1;

    static final CheckDefinition DEFINITION = new CheckDefinition("focus", "Focus on the object",
            "Needs object masks. For each class and attribution method, the share of the positive attribution that"
                    + " falls on the object rather than the background, and how often the single strongest pixel is"
                    + " on the object (the pointing game). A model that looks at the background or at marks beside"
                    + " the object has a low share. A class fails when the median share over the methods is below"
                    + " the minimum, and warns when it is less than 10 points above it.",
            List.of(number("min", 0, 1, 0.5, "the lowest acceptable share of attribution on the object"),
                    integer("images-per-class", 1, 10000, 12, "images of each class explained, a seeded sample"),
                    integer("dilate", 0, 16, 1,
                            "pixels the object mask is widened by, so its outline counts as the object")));

    @Override
    public CheckDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<CheckResult> run(CheckContext context, CheckSettings settings) {
        double min = settings.number("min");
        int perClass = settings.integer("images-per-class");
        int dilate = settings.integer("dilate");
        List<CheckResult> out = new ArrayList<>();
        String model = context.modelName();
        if (context.methods().isEmpty()) {
            out.add(skipped(model, null, min, "No attribution methods are configured, so focus was not measured."));
            return out;
        }
        for (int di = 0; di < context.datasets().size(); di++) {
            DatasetRun run = context.datasets().get(di);
            LabelledImages data = run.data();
            if (!data.hasMasks()) {
                out.add(skipped(model, run.name(), min, run.name() + " has no object masks (data: masks: in the"
                        + " config), so focus was not measured on it."));
                continue;
            }
            int[][] sample = Sampling.perClass(data.labels(), data.classes().size(), perClass,
                    context.sampleSeed(di));
            String task = "Focus of " + model + " on " + run.name();
            context.progress().update(task, 0, context.methods().size());
            int[] all = Sampling.concat(sample);
            int[] targets = new int[all.length];
            int[] offsets = new int[sample.length + 1];
            for (int c = 0; c < sample.length; c++) {
                offsets[c + 1] = offsets[c] + sample[c].length;
                Arrays.fill(targets, offsets[c], offsets[c + 1], c);
            }
            float[][] pixels = context.pixels(data, all);
            float[][] masks = context.masks(data, all);
            float[][][] maps = new float[context.methods().size()][][];
            for (int m = 0; m < maps.length; m++) {
                maps[m] = PixelMaps.of(context.attribute(context.methods().get(m), data, all, targets, pixels).maps(),
                        context.engine().input(), data.input(), PixelMaps.Reduce.POSITIVE);
                context.progress().update(task, m + 1, context.methods().size());
            }
            for (int c = 0; c < data.classes().size(); c++) {
                int from = offsets[c];
                int to = offsets[c + 1];
                float[][][] classMaps = new float[maps.length][][];
                for (int m = 0; m < maps.length; m++) {
                    classMaps[m] = Arrays.copyOfRange(maps[m], from, to);
                }
                out.add(classResult(context, run, c, sample[c], Arrays.copyOfRange(pixels, from, to),
                        Arrays.copyOfRange(masks, from, to), classMaps, min, dilate));
            }
        }
        return out;
    }

    private CheckResult classResult(CheckContext context, DatasetRun run, int c, int[] indices, float[][] pixels,
                                    float[][] masks, float[][][] maps, double min, int dilate) {
        LabelledImages data = run.data();
        String model = context.modelName();
        String name = data.classes().get(c);
        if (indices.length == 0) {
            return CheckResult.Subject.of(DEFINITION.id(), model).on(run.name()).forClass(name).skipped(min,
                    run.name() + " has no pictures of class " + Words.quote(name) + ", so focus was not measured for"
                            + " it.");
        }
        Focus focus = Focus.measure(maps, masks, data.input(), dilate);
        Map<String, Double> details = new LinkedHashMap<>();
        for (int m = 0; m < context.methods().size(); m++) {
            String method = context.methods().get(m).name();
            details.put("share " + method, focus.shares()[m]);
            details.put("pointing-game " + method, focus.pointing()[m]);
        }
        details.put("object-area", focus.area());
        double median = median(focus.shares());
        CheckStatus status = median < min ? CheckStatus.FAIL
                : median < min + WARN_MARGIN ? CheckStatus.WARN : CheckStatus.PASS;
        List<Evidence> evidence = status == CheckStatus.PASS ? List.of()
                : evidence(context, run, name, indices, pixels, maps, focus);
        return CheckResult.Subject.of(DEFINITION.id(), model).on(run.name()).forClass(name)
                .result(status, median, min, finding(model, run.name(), name, status, median, min, focus,
                        indices.length)).withEvidence(evidence).withDetails(details);
    }

    /**
     * Where the positive attribution of one class's images lies, per method: the share on the object (the mask
     * widened), per image and on average, and how often the strongest pixel is on it (the pointing game).
     *
     * @param perImage per method and image, the share on the object (NaN where the map has no positive value)
     * @param area     the share of the picture the widened object covers, on average
     */
    record Focus(double[] shares, double[] pointing, double[][] perImage, double area) {

        static Focus measure(float[][][] maps, float[][] masks, InputSpec picture, int dilate) {
            float[][] dilated = new float[masks.length][];
            double area = 0;
            for (int i = 0; i < masks.length; i++) {
                dilated[i] = dilate(masks[i], picture.height(), picture.width(), dilate);
                area += mean(dilated[i]);
            }
            area /= masks.length;
            double[] shares = new double[maps.length];
            double[] pointing = new double[maps.length];
            double[][] perImage = new double[maps.length][];
            for (int m = 0; m < maps.length; m++) {
                perImage[m] = new double[masks.length];
                double sum = 0;
                int counted = 0;
                int hits = 0;
                for (int i = 0; i < masks.length; i++) {
                    double total = 0;
                    double inside = 0;
                    int best = 0;
                    for (int p = 0; p < maps[m][i].length; p++) {
                        total += maps[m][i][p];
                        inside += maps[m][i][p] * dilated[i][p];
                        if (maps[m][i][p] > maps[m][i][best]) {
                            best = p;
                        }
                    }
                    perImage[m][i] = total > 0 ? inside / total : Double.NaN;
                    if (total > 0) {
                        sum += inside / total;
                        counted++;
                        hits += dilated[i][best] > 0 ? 1 : 0;
                    }
                }
                shares[m] = counted == 0 ? 0 : sum / counted;
                pointing[m] = counted == 0 ? 0 : (double) hits / counted;
            }
            return new Focus(shares, pointing, perImage, area);
        }

        /** The image whose share on the object is lowest under method {@code m} (the first of equal ones). */
        int worstImage(int m) {
            int worst = 0;
            for (int i = 1; i < perImage[m].length; i++) {
                double v = perImage[m][i];
                if (!Double.isNaN(v) && (Double.isNaN(perImage[m][worst]) || v < perImage[m][worst])) {
                    worst = i;
                }
            }
            return worst;
        }
    }

    private static String finding(String model, String dataset, String className, CheckStatus status, double median,
                                  double min, Focus focus, int images) {
        String name = Words.quote(className);
        String measured = Words.pct(median) + " of what " + model + "'s heatmaps mark on " + name + " images in "
                + dataset + " lies on the " + name + " itself";
        String figures = " That is the median of " + Words.plural(focus.shares().length, "method", "methods")
                + " over " + Words.plural(images, "image", "images") + "; the minimum is " + Words.pct(min)
                + ", and the " + name + " covers " + Words.pct(focus.area()) + " of the picture.";
        return switch (status) {
            case FAIL -> "Only " + measured + ". The rest is on the background: " + model + " looks at the"
                    + " background, not the object, to know " + name + "." + figures + " Find what the background"
                    + " of " + name + " images has in common (the interventions check tries a new colour), and"
                    + " retrain on images where it does not give the class away.";
            case WARN -> measured + ": close to the minimum, a good part of the evidence for " + name
                    + " comes from the background." + figures + " Look at the evidence pictures.";
            default -> measured + ": it looks at the object." + figures;
        };
    }

    /** The image with the least attribution on the object under the median method, plain and with its map. */
    private static List<Evidence> evidence(CheckContext context, DatasetRun run, String name, int[] indices,
                                           float[][] pixels, float[][][] maps, Focus focus) {
        LabelledImages data = run.data();
        int medianMethod = medianIndex(focus.shares());
        int worst = focus.worstImage(medianMethod);
        String method = context.methods().get(medianMethod).name();
        String base = "focus-" + ImageStore.slug(run.name()) + "-" + ImageStore.slug(name) + "-" + worst;
        String file = data.files().get(indices[worst]);
        String quoted = Words.quote(name);
        return List.of(new Evidence(context.picture(base, data, pixels[worst]), "The " + quoted + " image " + file
                        + " of " + run.name() + "."),
                Evidence.heatmap(context.overlay(base + "-" + method, data, pixels[worst], maps[medianMethod][worst]),
                        "Where " + method + " says " + context.modelName() + " saw " + quoted + " (bright = strong): "
                                + Words.pct(focus.perImage()[medianMethod][worst]) + " is on the shape."));
    }

    private static CheckResult skipped(String model, String dataset, double min, String why) {
        return CheckResult.Subject.of(DEFINITION.id(), model).on(dataset).skipped(min, why);
    }

    /** The mask widened by {@code r} pixels in every direction (a square structuring element). */
    static float[] dilate(float[] mask, int h, int w, int r) {
        if (r == 0) {
            float[] out = new float[mask.length];
            for (int p = 0; p < mask.length; p++) {
                out[p] = mask[p] > 0 ? 1 : 0;
            }
            return out;
        }
        float[] out = new float[mask.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask[y * w + x] <= 0) {
                    continue;
                }
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                        out[yy * w + xx] = 1;
                    }
                }
            }
        }
        return out;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The index of the value at the median (the lower middle for an even count). */
    private static int medianIndex(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        return order[(v.length - 1) / 2];
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }
}
