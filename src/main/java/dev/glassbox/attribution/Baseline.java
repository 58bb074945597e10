package dev.glassbox.attribution;

import dev.glassbox.GlassboxException;
import dev.glassbox.model.InputSpec;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What Integrated Gradients starts from: "no information" about each example. */
public sealed interface Baseline {

    /** Baselines for a batch, in its shape. */
    INDArray of(INDArray inputs, InputSpec spec);

    /** Every value the same (0 by default, Captum's default). */
    record Constant(double value) implements Baseline {
        @Override
        public INDArray of(INDArray inputs, InputSpec spec) {
            return inputs.ulike().assign(value);
        }
    }

    /**
     * The example blurred by a Gaussian of {@code sigma} pixels in height and width (Sturmfels et al. 2020):
     * removes detail but keeps the colours, for images whose zero is meaningful (black).
     */
    record Blur(double sigma) implements Baseline {
        @Override
        public INDArray of(INDArray inputs, InputSpec spec) {
            Geometry g = Geometry.of(spec);
            double[] x = Tensors.values(inputs);
            double[] out = new double[x.length];
            double[] plane = new double[g.pixels()];
            int size = g.size();
            for (int i = 0; i < inputs.size(0); i++) {
                for (int c = 0; c < g.channels(); c++) {
                    for (int y = 0; y < g.height(); y++) {
                        for (int xx = 0; xx < g.width(); xx++) {
                            plane[y * g.width() + xx] = x[i * size + g.index(c, y, xx)];
                        }
                    }
                    double[] b = Filters.gaussianBlur(plane, g.height(), g.width(), sigma);
                    for (int y = 0; y < g.height(); y++) {
                        for (int xx = 0; xx < g.width(); xx++) {
                            out[i * size + g.index(c, y, xx)] = b[y * g.width() + xx];
                        }
                    }
                }
            }
            return Tensors.array(out, inputs.shape(), inputs.dataType());
        }
    }

    /** Uniform noise between each example's smallest and largest value, seeded the same for every example. */
    record UniformNoise(long seed) implements Baseline {
        @Override
        public INDArray of(INDArray inputs, InputSpec spec) {
            double[] x = Tensors.values(inputs);
            int size = (int) Tensors.exampleSize(inputs);
            double[] out = new double[x.length];
            for (int i = 0; i < inputs.size(0); i++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < size; j++) {
                    lo = Math.min(lo, x[i * size + j]);
                    hi = Math.max(hi, x[i * size + j]);
                }
                Random r = new Random(seed);
                for (int j = 0; j < size; j++) {
                    out[i * size + j] = lo + (hi - lo) * r.nextDouble();
                }
            }
            return Tensors.array(out, inputs.shape(), inputs.dataType());
        }
    }

    /** {@code zero}, a number, {@code blur} or {@code uniform-noise}; blur's sigma is a sixteenth of the image. */
    static Baseline parse(String text, InputSpec spec, long seed) {
        String t = text.trim();
        switch (t) {
            case "zero":
                return new Constant(0);
            case "blur":
                return new Blur(Math.max(1.0, Math.max(Geometry.of(spec).height(), Geometry.of(spec).width()) / 16.0));
            case "uniform-noise":
                return new UniformNoise(seed);
            default:
                try {
                    return new Constant(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw GlassboxException.usage("baseline '" + text
                            + "' is not zero, a number, blur or uniform-noise");
                }
        }
    }
}
