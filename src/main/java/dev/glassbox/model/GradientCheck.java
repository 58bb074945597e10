package dev.glassbox.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Compares the engine's gradients with central finite differences in double precision: d(target logit)/d(input)
 * and d(target logit)/d(activations) of every layer, at seeded random inputs. A point where the one-sided
 * differences disagree sits within one step of a ReLU kink or a pooling tie, where the derivative is not defined;
 * it is skipped and another is used.
 */
public final class GradientCheck {

    /** Relative error allowed between the engine and finite differences. */
    public static final double DEFAULT_TOLERANCE = 1e-3;

    private static final double STEP = 1e-6;
    /** Denominator floor: a gradient this small is compared absolutely, since finite differences are noise there. */
    private static final double SCALE_FLOOR = 1e-4;

    /** How one layer (or the input) compared. */
    public record Site(String name, int points, int skipped, double maxRelativeError) {}

    /** The outcome of a check. */
    public record Result(double maxRelativeError, int points, int skipped, double tolerance, boolean passed,
                         List<Site> sites) {

        public Site worst() {
            return sites.stream().max(Comparator.comparingDouble(Site::maxRelativeError)).orElseThrow();
        }
    }

    private final GradientEngine engine;
    private final long seed;
    private final int examples;
    private final int pointsPerSite;
    private final double tolerance;
    private BackwardRule rule = BackwardRule.NONE;

    /**
     * @param model         the model to check; a double-precision engine is built from it
     * @param seed          seeds the inputs, targets and the points compared
     * @param examples      batch size of the random inputs
     * @param pointsPerSite values compared per example at the input and at each layer
     */
    public GradientCheck(LoadedModel model, long seed, int examples, int pointsPerSite, double tolerance) {
        this(GradientEngine.create(model, DataType.DOUBLE), seed, examples, pointsPerSite, tolerance);
    }

    public GradientCheck(GradientEngine engine, long seed, int examples, int pointsPerSite, double tolerance) {
        if (engine.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("gradient checks need a double-precision engine");
        }
        this.engine = engine;
        this.seed = seed;
        this.examples = examples;
        this.pointsPerSite = pointsPerSite;
        this.tolerance = tolerance;
    }

    /** For tests: differentiate with a (deliberately wrong) rule, to show that the check catches it. */
    GradientCheck withRule(BackwardRule wrong) {
        this.rule = wrong;
        return this;
    }

    public static GradientCheck standard(LoadedModel model) {
        return new GradientCheck(model, 42, 2, 6, DEFAULT_TOLERANCE);
    }

    public Result run() {
        return run(engine.layers().stream().map(LayerInfo::name).toList());
    }

    /** Checks the input gradient and the gradient at each named layer (the output layer is skipped: it is 1). */
    public Result run(List<String> layerNames) {
        SplittableRandom random = new SplittableRandom(seed);
        INDArray x = randomInput(random);
        int[] targets = IntStream.range(0, examples).map(i -> random.nextInt(engine.classes())).toArray();
        List<String> layers = layerNames.stream().filter(n -> !n.equals(engine.outputName())).toList();

        Differentiation pass = engine.differentiate(x, null, out -> engine.targetEpsilon(targets, examples), rule,
                layers, layers);
        INDArray logits = pass.logits();
        Map<String, INDArray> activations = pass.activations();
        Gradients g = pass.gradients();

        List<Site> sites = new ArrayList<>();
        Site input = new Site("input", 0, 0, 0);
        for (int b = 0; b < examples; b++) {
            int example = b;
            Site s = compare("input", row(x, b), row(g.input(), b), logits.getDouble(b, targets[b]),
                    batch -> targetLogits(engine.logits(batch), targets[example]), random);
            input = merge(input, s);
        }
        sites.add(input);
        for (String l : layers) {
            int b = random.nextInt(examples);
            INDArray xb = row(x, b);
            Site s = compare(l, row(activations.get(l), b), row(g.layer(l), b), logits.getDouble(b, targets[b]),
                    replaced -> {
                        INDArray inputs = xb.repeat(0, replaced.size(0));
                        return targetLogits(engine.logitsWithReplaced(inputs, Map.of(l, replaced)),
                                targets[b]);
                    }, random);
            sites.add(s);
        }
        double max = sites.stream().mapToDouble(Site::maxRelativeError).max().orElse(0);
        int points = sites.stream().mapToInt(Site::points).sum();
        int skipped = sites.stream().mapToInt(Site::skipped).sum();
        return new Result(max, points, skipped, tolerance, max <= tolerance && points > 0, List.copyOf(sites));
    }

    /**
     * Compares {@code analytic} with central differences of {@code f} around {@code point} (a batch of one) at a
     * mix of the largest-gradient coordinates and random ones; perturbed points are evaluated in one batch.
     */
    private Site compare(String name, INDArray point, INDArray analytic, double f0,
                         Function<INDArray, double[]> f, SplittableRandom random) {
        double[] a = analytic.dup().data().asDouble();
        int n = a.length;
        int candidates = Math.min(n, 2 * pointsPerSite);
        LinkedHashSet<Integer> coords = new LinkedHashSet<>();
        Integer[] byMagnitude = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -Math.abs(a[i])).thenComparing(i -> i))
                .toArray(Integer[]::new);
        for (int i = 0; i < n && coords.size() < candidates / 2; i++) {
            coords.add(byMagnitude[i]);
        }
        while (coords.size() < candidates) {
            coords.add(random.nextInt(n));
        }
        int[] c = coords.stream().mapToInt(Integer::intValue).toArray();
        INDArray flat = point.dup('c').reshape(1, n);
        INDArray batch = flat.repeat(0, 2L * c.length);
        for (int k = 0; k < c.length; k++) {
            double v = flat.getDouble(0, c[k]);
            batch.putScalar(2L * k, c[k], v + STEP);
            batch.putScalar(2L * k + 1, c[k], v - STEP);
        }
        long[] shape = point.shape().clone();
        shape[0] = 2L * c.length;
        double[] values = f.apply(batch.reshape('c', shape));
        int points = 0;
        int skipped = 0;
        double worst = 0;
        for (int k = 0; k < c.length && points < pointsPerSite; k++) {
            double plus = values[2 * k];
            double minus = values[2 * k + 1];
            double forward = (plus - f0) / STEP;
            double backward = (f0 - minus) / STEP;
            if (Math.abs(forward - backward) > 1e-5 + 1e-3 * Math.max(Math.abs(forward), Math.abs(backward))) {
                skipped++;
                continue;
            }
            double numeric = (plus - minus) / (2 * STEP);
            double err = Math.abs(numeric - a[c[k]])
                    / Math.max(SCALE_FLOOR, Math.max(Math.abs(numeric), Math.abs(a[c[k]])));
            worst = Math.max(worst, err);
            points++;
        }
        return new Site(name, points, skipped, worst);
    }

    private INDArray randomInput(SplittableRandom random) {
        long[] shape = engine.input().batchShape(examples);
        long n = Arrays.stream(shape).reduce(1, (p, q) -> p * q);
        double[] values = new double[(int) n];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        return Nd4j.create(values, shape, DataType.DOUBLE);
    }

    private static double[] targetLogits(INDArray logits, int target) {
        double[] out = new double[(int) logits.size(0)];
        for (int i = 0; i < out.length; i++) {
            out[i] = logits.getDouble(i, target);
        }
        return out;
    }

    /** Example {@code b} of a batch, as a batch of one. */
    static INDArray row(INDArray batch, int b) {
        long[] shape = batch.shape().clone();
        shape[0] = 1;
        return batch.dup('c').reshape(batch.size(0), -1).getRow(b, true).dup().reshape('c', shape);
    }

    private static Site merge(Site a, Site b) {
        return new Site(a.name(), a.points() + b.points(), a.skipped() + b.skipped(),
                Math.max(a.maxRelativeError(), b.maxRelativeError()));
    }
}
