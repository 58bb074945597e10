package dev.glassbox.attribution;

import dev.glassbox.GlassboxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Smilkov et al. (2017), Captum's {@code NoiseTunnel}: any method, averaged over copies of the input with Gaussian
 * noise. The noise's standard deviation is {@code sigma} times each example's range (max − min). Each example's
 * noise comes from the same seed, so a batch gives what its examples give one by one.
 */
public final class SmoothGrad implements AttributionMethod {

    /** How the noisy attributions are combined. */
    public enum Kind {
        /** Their mean. */
        SMOOTHGRAD("smoothgrad"),
        /** The mean of their squares. */
        SMOOTHGRAD_SQUARED("smoothgrad-squared"),
        /** Their variance. */
        VARGRAD("vargrad");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.label.equals(text.trim().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                    return k;
                }
            }
            throw GlassboxException.usage("smoothgrad kind '" + text + "' is not one of "
                    + String.join(", ", Arrays.stream(values()).map(Kind::label).toList()));
        }
    }

    public static final int DEFAULT_SAMPLES = 25;
    public static final double DEFAULT_SIGMA = 0.15;

    /**
     * Noisy copies handed to the base method in one call, so that its passes are full; the base method splits them
     * into passes within the engine's memory budget.
     */
    private static final int ROWS_PER_CALL = 256;

    private final AttributionMethod base;
    private final int samples;
    private final double sigma;
    private final Kind kind;
    private final long seed;

    public SmoothGrad(AttributionMethod base, int samples, double sigma, Kind kind, long seed) {
        if (samples < 1) {
            throw GlassboxException.usage("smoothgrad needs samples >= 1, not " + samples);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw GlassboxException.usage("smoothgrad needs sigma >= 0, not " + sigma);
        }
        this.base = base;
        this.samples = samples;
        this.sigma = sigma;
        this.kind = kind;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "smoothgrad";
    }

    public AttributionMethod base() {
        return base;
    }

    @Override
    public Attribution attribute(INDArray inputs, int[] targets) {
        Tensors.requireTargets(inputs, targets);
        int n = (int) inputs.size(0);
        int size = (int) Tensors.exampleSize(inputs);
        double[] x = Tensors.values(inputs);
        double[] sum = new double[x.length];
        double[] squares = new double[x.length];
        long[] mapShape = null;
        // Keep several examples' samples in one call to the base method, so its own batching pays off.
        int perCall = Math.max(1, ROWS_PER_CALL / samples);
        for (int from = 0; from < n; from += perCall) {
            int count = Math.min(perCall, n - from);
            int[] t = new int[count * samples];
            for (int row = 0; row < t.length; row++) {
                t[row] = targets[from + row / samples];
            }
            INDArray batch = Tensors.array(noisy(x, from, count, size), Tensors.rows(inputs, (long) count * samples),
                    inputs.dataType());
            INDArray maps = base.attribute(batch, t).maps();
            int mapSize = (int) Tensors.exampleSize(maps);
            if (mapShape == null) {
                mapShape = Tensors.rows(maps, n);
                if (mapSize != size) {
                    sum = new double[n * mapSize];
                    squares = new double[n * mapSize];
                }
            }
            accumulate(Tensors.values(maps), from, count, mapSize, sum, squares);
        }
        return Attribution.of(Tensors.array(combine(sum, squares), mapShape, inputs.dataType()));
    }

    /**
     * {@code samples} noisy copies of each of {@code count} examples from {@code from}, one after another; the noise's
     * spread is {@code sigma} times the example's own range, and each example's noise starts from the seed.
     */
    private double[] noisy(double[] x, int from, int count, int size) {
        double[] noisy = new double[count * samples * size];
        for (int e = 0; e < count; e++) {
            int i = from + e;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < size; j++) {
                lo = Math.min(lo, x[i * size + j]);
                hi = Math.max(hi, x[i * size + j]);
            }
            double sd = sigma * (hi - lo);
            // JDK 17's generator draws Gaussians with a fast ziggurat; java.util.Random's polar method made
            // the noise cost a fifth of the passes it feeds.
            RandomGenerator r = RandomGeneratorFactory.<RandomGenerator>of("L64X128MixRandom").create(seed);
            for (int s = 0; s < samples; s++) {
                int row = e * samples + s;
                for (int j = 0; j < size; j++) {
                    noisy[row * size + j] = x[i * size + j] + sd * r.nextGaussian();
                }
            }
        }
        return noisy;
    }

    /** Adds each noisy copy's map to its example's sum and sum of squares. */
    private void accumulate(double[] m, int from, int count, int mapSize, double[] sum, double[] squares) {
        for (int e = 0; e < count; e++) {
            for (int s = 0; s < samples; s++) {
                int row = e * samples + s;
                for (int j = 0; j < mapSize; j++) {
                    double v = m[row * mapSize + j];
                    sum[(from + e) * mapSize + j] += v;
                    squares[(from + e) * mapSize + j] += v * v;
                }
            }
        }
    }

    /** The mean map, the mean square, or the variance, as {@code kind} asks. */
    private double[] combine(double[] sum, double[] squares) {
        double[] out = new double[sum.length];
        for (int j = 0; j < out.length; j++) {
            double mean = sum[j] / samples;
            double meanSquare = squares[j] / samples;
            out[j] = switch (kind) {
                case SMOOTHGRAD -> mean;
                case SMOOTHGRAD_SQUARED -> meanSquare;
                case VARGRAD -> Math.max(0, meanSquare - mean * mean);
            };
        }
        return out;
    }
}
