package dev.glassbox.checks;

import dev.glassbox.Progress;
import dev.glassbox.imaging.Pictures;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.data.LabelledImages;
import dev.glassbox.model.ModelUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What a check works with for one model: its evaluations, the battery's attribution methods, a place for evidence
 * pictures, and conversions between the model's input and pixel values, which edits and masks work in.
 *
 * <p>Pixel batches are {@code float[n][channels * height * width]}, channels first, each value in [0, 1] (0 black,
 * 1 full brightness), whatever the data set's layout and preprocessing.
 */
public final class CheckContext {

    private final ModelUnderTest model;
    private final int modelIndex;
    private final List<DatasetRun> datasets;
    private final List<MethodSpec> methods;
    private final Pictures pictures;
    private final int batchSize;
    private final long seed;
    private final Progress progress;
    private final AttributionCache cache;
    private final EditAnswers editAnswers = new EditAnswers();

    public CheckContext(ModelUnderTest model, int modelIndex, List<DatasetRun> datasets, List<MethodSpec> methods,
                        Pictures pictures, int batchSize, long seed, Progress progress) {
        this(model, modelIndex, datasets, methods, pictures, batchSize, seed, progress,
                new AttributionCache(model.engine(), batchSize));
    }

    /** @param cache the model's maps, shared with the gallery */
    public CheckContext(ModelUnderTest model, int modelIndex, List<DatasetRun> datasets, List<MethodSpec> methods,
                        Pictures pictures, int batchSize, long seed, Progress progress, AttributionCache cache) {
        this.model = Objects.requireNonNull(model);
        this.modelIndex = modelIndex;
        this.datasets = List.copyOf(datasets);
        this.methods = List.copyOf(methods);
        this.pictures = Objects.requireNonNull(pictures);
        this.batchSize = batchSize;
        this.seed = seed;
        this.progress = Objects.requireNonNull(progress);
        this.cache = Objects.requireNonNull(cache);
    }

    public ModelUnderTest model() {
        return model;
    }

    public String modelName() {
        return model.name();
    }

    public GradientEngine engine() {
        return model.engine();
    }

    public List<DatasetRun> datasets() {
        return datasets;
    }

    public List<MethodSpec> methods() {
        return methods;
    }

    public long seed() {
        return seed;
    }

    /**
     * The seed of the pictures checks sample from data set {@code dataset}: one order per data set for every check,
     * so that smaller samples are part of larger ones and their maps are computed once ({@link AttributionCache}).
     */
    public long sampleSeed(int dataset) {
        return seed + 17L * dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    public Progress progress() {
        return progress;
    }

    /** The model's answers on edited pictures so far, so that the same edit of the same picture is asked once. */
    public EditAnswers editAnswers() {
        return editAnswers;
    }

    /** The images at {@code indices} in pixel values. */
    public float[][] pixels(LabelledImages data, int[] indices) {
        return data.pixels(indices);
    }

    /** Pixel batches back into the model's input: its layout, preprocessing and data type. */
    public INDArray modelInput(LabelledImages data, float[][] pixels) {
        return data.toModelInput(pixels, engine().input(), engine().dataType(), model.name());
    }

    /** The object masks of the images at {@code indices}, {@code [n][height * width]}, 1 on the object. */
    public float[][] masks(LabelledImages data, int[] indices) {
        if (!data.hasMasks()) {
            throw new IllegalStateException("data set " + data.name() + " has no masks");
        }
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = data.masks().read(indices[i], indices[i] + 1).castTo(DataType.FLOAT).dup('c').reshape(-1)
                    .toFloatVector();
        }
        return out;
    }

    /** The model's probabilities for a batch in its input form, in chunks of the batch size. */
    public float[][] probabilities(INDArray input) {
        long n = input.size(0);
        float[][] out = new float[(int) n][];
        for (long from = 0; from < n; from += batchSize) {
            long to = Math.min(n, from + batchSize);
            float[][] p = engine().probabilities(input.get(NDArrayIndex.interval(from, to))).castTo(DataType.FLOAT)
                    .toFloatMatrix();
            System.arraycopy(p, 0, out, (int) from, (int) (to - from));
        }
        return out;
    }

    /** The class answered for each image of a batch in its input form. */
    public int[] predict(INDArray input) {
        float[][] p = probabilities(input);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = argMax(p[i]);
        }
        return out;
    }

    /** A method's maps for a batch, chunked by the batch size, in the model's input form (or a layer's [n, h, w]). */
    public INDArray attribute(MethodSpec method, GradientEngine engine, INDArray input, int[] targets) {
        var m = method.create(engine);
        List<INDArray> parts = new ArrayList<>();
        long n = input.size(0);
        for (long from = 0; from < n; from += batchSize) {
            long to = Math.min(n, from + batchSize);
            int[] t = java.util.Arrays.copyOfRange(targets, (int) from, (int) to);
            parts.add(m.attribute(input.get(NDArrayIndex.interval(from, to)), t).maps().castTo(DataType.FLOAT));
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.concat(0, parts.toArray(INDArray[]::new));
    }

    /**
     * The model's maps (and convergence deltas) for pictures of a data set, in float, each computed once per picture,
     * method and target and shared with the gallery and the other checks.
     *
     * @param indices the pictures' indices in {@code data}
     * @param pixels  those pictures in pixel values ({@link #pixels}), in the same order
     */
    public dev.glassbox.attribution.Attribution attribute(MethodSpec method, LabelledImages data, int[] indices,
                                                          int[] targets, float[][] pixels) {
        return cache.attribute(method, data.name(), indices, targets, positions -> {
            float[][] some = new float[positions.length][];
            for (int k = 0; k < positions.length; k++) {
                some[k] = pixels[positions[k]];
            }
            return modelInput(data, some);
        });
    }

    /** Writes an evidence picture: a pixel-batch image, enlarged for the page. */
    public String picture(String name, LabelledImages data, float[] pixels) {
        return pictures.image(folder() + name, pixels, data.input());
    }

    /** Writes an evidence picture: an image with a pixel map drawn over it. */
    public String overlay(String name, LabelledImages data, float[] pixels, float[] map) {
        return pictures.overlay(folder() + name, pixels, data.input(), map);
    }

    private String folder() {
        return "checks/m" + modelIndex + "/";
    }

    /** The index of the largest value (the first of equal ones): the class a row of scores answers. */
    public static int argMax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }
}
