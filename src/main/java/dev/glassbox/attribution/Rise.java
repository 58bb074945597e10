package dev.glassbox.attribution;

import dev.glassbox.GlassboxException;
import dev.glassbox.model.GradientEngine;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Petsiuk et al. (2018): the target logit on the input multiplied by random smooth masks, and the saliency
 * {@code Σ_m f(x ⊙ M_m) · M_m / (N · keep)}. Each mask is a random {@code grid × grid} binary grid (a cell is kept
 * with probability {@code keep}), upsampled bilinearly to one cell more than the image and cropped at a random
 * shift. A flat input that is not an image gets one-dimensional masks. Every example sees the same seeded masks.
 */
public final class Rise implements AttributionMethod {

    public static final int DEFAULT_MASKS = 2000;
    public static final int DEFAULT_GRID = 7;
    public static final double DEFAULT_KEEP = 0.5;

    private final GradientEngine engine;
    private final int masks;
    private final int grid;
    private final double keep;
    private final long seed;

    public Rise(GradientEngine engine, int masks, int grid, double keep, long seed) {
        if (masks < 1 || grid < 1 || !(keep > 0 && keep <= 1)) {
            throw GlassboxException.usage("rise needs masks >= 1, grid >= 1 and 0 < keep <= 1; got masks=" + masks
                    + ", grid=" + grid + ", keep=" + keep);
        }
        this.engine = engine;
        this.masks = masks;
        this.grid = grid;
        this.keep = keep;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "rise";
    }

    @Override
    public Attribution attribute(INDArray inputs, int[] targets) {
        Tensors.requireTargets(inputs, targets);
        Geometry g = Geometry.of(engine.input());
        int n = (int) inputs.size(0);
        int size = g.size();
        int plane = g.pixels();
        double[] x = Tensors.values(inputs);
        double[] out = new double[x.length];
        for (int i = 0; i < n; i++) {
            Random random = new Random(seed);
            double[] saliency = new double[plane];
            for (int from = 0; from < masks; from += Passes.forwardRows(engine)) {
                int count = Math.min(Passes.forwardRows(engine), masks - from);
                double[][] m = new double[count][];
                double[] rows = new double[count * size];
                for (int r = 0; r < count; r++) {
                    m[r] = mask(g, random);
                    for (int c = 0; c < g.channels(); c++) {
                        for (int p = 0; p < plane; p++) {
                            int j = g.index(c, p / g.width(), p % g.width());
                            rows[r * size + j] = x[i * size + j] * m[r][p];
                        }
                    }
                }
                INDArray logits = Passes.logits(engine,
                        Tensors.array(rows, Tensors.rows(inputs, count), engine.dataType()));
                for (int r = 0; r < count; r++) {
                    double score = logits.getDouble(r, targets[i]);
                    for (int p = 0; p < plane; p++) {
                        saliency[p] += score * m[r][p];
                    }
                }
            }
            for (int p = 0; p < plane; p++) {
                saliency[p] /= masks * keep;
            }
            System.arraycopy(g.spread(saliency), 0, out, i * size, size);
        }
        return Attribution.of(Tensors.array(out, inputs.shape(), engine.dataType()));
    }

    /** One smooth mask of height × width; a dimension of size 1 gets a grid of 1 there. */
    private double[] mask(Geometry g, Random random) {
        int gh = g.height() == 1 ? 1 : grid;
        int gw = g.width() == 1 ? 1 : grid;
        int cellH = (int) Math.ceil((double) g.height() / gh);
        int cellW = (int) Math.ceil((double) g.width() / gw);
        double[] cells = new double[gh * gw];
        for (int k = 0; k < cells.length; k++) {
            cells[k] = random.nextDouble() < keep ? 1 : 0;
        }
        int bigH = g.height() == 1 ? 1 : (gh + 1) * cellH;
        int bigW = g.width() == 1 ? 1 : (gw + 1) * cellW;
        double[] big = Filters.bilinear(cells, gh, gw, bigH, bigW);
        int dy = g.height() == 1 ? 0 : random.nextInt(cellH);
        int dx = g.width() == 1 ? 0 : random.nextInt(cellW);
        double[] out = new double[g.pixels()];
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                out[y * g.width() + x] = big[(y + dy) * bigW + x + dx];
            }
        }
        return out;
    }
}
