package dev.glassbox.attribution;

import dev.glassbox.GlassboxException;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Zeiler and Fergus (2014), with Captum's semantics: a window slides over the example in its own dimension order
 * (channels included), starting at index 0, with {@code ceil((D − W) / S) + 1} positions per dimension so the last
 * one may be clipped at the border. Each covered value is set to the baseline, and each feature gets the mean of
 * f(x) − f(occluded) over the windows that cover it. Windows are evaluated in batches.
 */
public final class Occlusion implements AttributionMethod {

    private final GradientEngine engine;
    private final long[] window;
    private final long[] stride;
    private final double baseline;

    /** Patches of all channels × 4 × 4 pixels for images, single values for flat inputs; stride = window. */
    public Occlusion(GradientEngine engine) {
        this(engine, null, null, 0);
    }

    /**
     * @param window   window size per dimension of one example, or null for the default
     * @param stride   step per dimension, or null for the window
     * @param baseline the value that occluded features take
     */
    public Occlusion(GradientEngine engine, long[] window, long[] stride, double baseline) {
        this.engine = engine;
        long[] shape = engine.input().exampleShape();
        this.window = window == null ? defaultWindow(engine.input()) : check("window", window, shape);
        this.stride = stride == null ? this.window.clone() : check("stride", stride, shape);
        this.baseline = baseline;
    }

    static long[] defaultWindow(InputSpec spec) {
        long[] shape = spec.exampleShape();
        return switch (spec.layout()) {
            case NCHW -> new long[] {shape[0], Math.min(4, shape[1]), Math.min(4, shape[2])};
            case NHWC -> new long[] {Math.min(4, shape[0]), Math.min(4, shape[1]), shape[2]};
            case FLAT -> new long[] {1};
        };
    }

    private static long[] check(String what, long[] values, long[] shape) {
        if (values.length != shape.length) {
            throw GlassboxException.usage("occlusion " + what + " " + Arrays.toString(values) + " has "
                    + values.length + " dimensions; the input has " + shape.length + " " + Arrays.toString(shape)
                    + " (give one number per dimension, e.g. " + what + "="
                    + String.join(",", Arrays.stream(shape).mapToObj(d -> "1").toList()) + ")");
        }
        long[] out = values.clone();
        for (int d = 0; d < values.length; d++) {
            if (values[d] < 1) {
                throw GlassboxException.usage("occlusion " + what + " " + Arrays.toString(values)
                        + " must be at least 1 in every dimension");
            }
            if (what.equals("window")) {
                out[d] = Math.min(values[d], shape[d]);
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "occlusion";
    }

    /** How many windows cover one example: each costs a forward pass. */
    public int windowCount() {
        return windows(engine.input().exampleShape()).size();
    }

    @Override
    public Attribution attribute(INDArray inputs, int[] targets) {
        Tensors.requireTargets(inputs, targets);
        long[] shape = engine.input().exampleShape();
        int size = (int) Tensors.exampleSize(inputs);
        int n = (int) inputs.size(0);
        List<int[]> windows = windows(shape);
        double[] x = Tensors.values(inputs);
        INDArray full = Passes.logits(engine, inputs.castTo(engine.dataType()));
        double[] sums = new double[x.length];
        int[] counts = new int[size];
        for (int[] cover : windows) {
            for (int j : cover) {
                counts[j]++;
            }
        }
        // an example's occluded copies go to the engine at once: it splits them into passes within its budget
        int perCall = Math.max(1, Math.min(windows.size(), MAX_VALUES_PER_CALL / Math.max(1, size)));
        for (int i = 0; i < n; i++) {
            double fx = full.getDouble(i, targets[i]);
            for (int from = 0; from < windows.size(); from += perCall) {
                int count = Math.min(perCall, windows.size() - from);
                INDArray occluded = Passes.logits(engine, occluded(x, i, size, windows, from, count, inputs));
                for (int r = 0; r < count; r++) {
                    double diff = fx - occluded.getDouble(r, targets[i]);
                    for (int j : windows.get(from + r)) {
                        sums[i * size + j] += diff;
                    }
                }
            }
            for (int j = 0; j < size; j++) {
                sums[i * size + j] = counts[j] == 0 ? 0 : sums[i * size + j] / counts[j];
            }
        }
        return Attribution.of(Tensors.array(sums, inputs.shape(), engine.dataType()));
    }

    /** Values of occluded copies built per call to the engine: 64 MB as doubles, 32 MB as floats. */
    private static final int MAX_VALUES_PER_CALL = 8 << 20;

    /**
     * Copies of example {@code i} with windows {@code from} to {@code from + count} set to the baseline, in the
     * engine's precision (float copies are built as floats: no double array to allocate and convert).
     */
    private INDArray occluded(double[] x, int i, int size, List<int[]> windows, int from, int count, INDArray like) {
        long[] shape = Tensors.rows(like, count);
        if (engine.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT) {
            float[] rows = new float[count * size];
            for (int j = 0; j < size; j++) {
                rows[j] = (float) x[i * size + j];
            }
            for (int r = 1; r < count; r++) {
                System.arraycopy(rows, 0, rows, r * size, size);
            }
            for (int r = 0; r < count; r++) {
                for (int j : windows.get(from + r)) {
                    rows[r * size + j] = (float) baseline;
                }
            }
            return org.nd4j.linalg.factory.Nd4j.create(rows, shape, 'c');
        }
        double[] rows = new double[count * size];
        for (int r = 0; r < count; r++) {
            System.arraycopy(x, i * size, rows, r * size, size);
            for (int j : windows.get(from + r)) {
                rows[r * size + j] = baseline;
            }
        }
        return Tensors.array(rows, shape, engine.dataType());
    }

    /** The flat offsets each window covers, in row-major order over window positions. */
    private List<int[]> windows(long[] shape) {
        int rank = shape.length;
        int[] positions = new int[rank];
        for (int d = 0; d < rank; d++) {
            positions[d] = (int) (ceilDiv(shape[d] - window[d], stride[d]) + 1);
        }
        List<int[]> out = new ArrayList<>();
        int[] pos = new int[rank];
        while (true) {
            long[] lo = new long[rank];
            long[] hi = new long[rank];
            int cells = 1;
            for (int d = 0; d < rank; d++) {
                lo[d] = pos[d] * stride[d];
                hi[d] = Math.min(shape[d], lo[d] + window[d]);
                cells *= (int) (hi[d] - lo[d]);
            }
            int[] cover = new int[cells];
            int[] at = new int[rank];
            for (int k = 0; k < cells; k++) {
                int rest = k;
                for (int d = rank - 1; d >= 0; d--) {
                    int span = (int) (hi[d] - lo[d]);
                    at[d] = (int) lo[d] + rest % span;
                    rest /= span;
                }
                int offset = 0;
                for (int d = 0; d < rank; d++) {
                    offset = (int) (offset * shape[d] + at[d]);
                }
                cover[k] = offset;
            }
            out.add(cover);
            int d = rank - 1;
            while (d >= 0 && ++pos[d] == positions[d]) {
                pos[d] = 0;
                d--;
            }
            if (d < 0) {
                return out;
            }
        }
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
