package dev.glassbox.data;

import dev.glassbox.model.Layouts;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A labelled data set, already preprocessed into model input.
 *
 * @param name    the name readers see ("test-clean")
 * @param classes class names in the models' output order
 * @param input   the shape and layout of one image in {@code images}; a model with another layout of the same image
 *                size gets the images converted
 * @param labels  the true class of each image
 * @param files   each image's file name, shown beside it in the gallery
 * @param images  the images, read in batches
 * @param pixels  which input values are black and white when an image is drawn
 * @param channelRanges per channel, which input values are black and full brightness: the checks that edit images
 *                (brighter, grayscale, recoloured) work in pixel values and convert back
 * @param masks   the object masks, or null: {@code read(from, to)} gives {@code [n, height, width]} with 1 on the
 *                object and 0 elsewhere
 * @param traits  what is known about each image besides its class (from a manifest), for captions
 * @param regions further named masks (the config's {@code regions:}, such as the shapes data's tag), read as
 *                {@code masks} are, with 1 in the region; a picture without the region has an empty mask
 */
public record LabelledImages(String name, List<String> classes, InputSpec input, int[] labels, List<String> files,
                             ImageBatches images, PixelRange pixels, List<PixelRange> channelRanges,
                             ImageBatches masks, List<ImageTrait> traits, Map<String, ImageBatches> regions) {

    /** A data set without named regions. */
    public LabelledImages(String name, List<String> classes, InputSpec input, int[] labels, List<String> files,
                          ImageBatches images, PixelRange pixels, List<PixelRange> channelRanges,
                          ImageBatches masks, List<ImageTrait> traits) {
        this(name, classes, input, labels, files, images, pixels, channelRanges, masks, traits, Map.of());
    }

    /** A data set without traits. */
    public LabelledImages(String name, List<String> classes, InputSpec input, int[] labels, List<String> files,
                          ImageBatches images, PixelRange pixels, List<PixelRange> channelRanges,
                          ImageBatches masks) {
        this(name, classes, input, labels, files, images, pixels, channelRanges, masks, List.of());
    }

    /** A data set without masks whose channels share one pixel range. */
    public LabelledImages(String name, List<String> classes, InputSpec input, int[] labels, List<String> files,
                          ImageBatches images, PixelRange pixels) {
        this(name, classes, input, labels, files, images, pixels,
                java.util.Collections.nCopies(input.channels(), pixels), null);
    }

    public LabelledImages {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a data set needs a name");
        }
        classes = List.copyOf(classes);
        files = List.copyOf(files);
        labels = labels.clone();
        Objects.requireNonNull(images);
        Objects.requireNonNull(pixels);
        channelRanges = List.copyOf(channelRanges);
        traits = List.copyOf(traits);
        regions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(regions));
        for (ImageTrait t : traits) {
            if (t.flags().length != labels.length) {
                throw new IllegalArgumentException("data set '" + name + "': trait '" + t.phrase() + "' has "
                        + t.flags().length + " flags for " + labels.length + " images");
            }
        }
        if (!input.isImage()) {
            throw new IllegalArgumentException("data set '" + name + "': input " + input.describe()
                    + " is not an image");
        }
        if (channelRanges.size() != input.channels()) {
            throw new IllegalArgumentException("data set '" + name + "': " + channelRanges.size()
                    + " channel ranges for " + input.channels() + " channels");
        }
        if (classes.size() < 2 || new HashSet<>(classes).size() != classes.size()) {
            throw new IllegalArgumentException("data set '" + name + "' needs at least 2 distinct class names, got "
                    + classes);
        }
        if (labels.length != files.size()) {
            throw new IllegalArgumentException("data set '" + name + "': " + labels.length + " labels for "
                    + files.size() + " files");
        }
        for (int label : labels) {
            if (label < 0 || label >= classes.size()) {
                throw new IllegalArgumentException("data set '" + name + "': label " + label + " is outside 0.."
                        + (classes.size() - 1));
            }
        }
    }

    /** A data set held in one array {@code [n, ...]}: fine for tests and small sets. */
    public static LabelledImages inMemory(String name, List<String> classes, InputSpec input, INDArray all,
                                          int[] labels, List<String> files, PixelRange pixels) {
        if (all.size(0) != labels.length) {
            throw new IllegalArgumentException("data set '" + name + "': " + all.size(0) + " images for "
                    + labels.length + " labels");
        }
        if (!Arrays.equals(Arrays.copyOfRange(all.shape(), 1, all.rank()), input.exampleShape())) {
            throw new IllegalArgumentException("data set '" + name + "': images of shape " + Arrays.toString(all.shape())
                    + " are not " + input.describe());
        }
        return new LabelledImages(name, classes, input, labels, files,
                (from, to) -> all.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to)), pixels);
    }

    /** The same images with object masks. */
    public LabelledImages withMasks(ImageBatches objectMasks) {
        return new LabelledImages(name, classes, input, labels, files, images, pixels, channelRanges, objectMasks,
                traits, regions);
    }

    /** The same images with traits. */
    public LabelledImages withTraits(List<ImageTrait> imageTraits) {
        return new LabelledImages(name, classes, input, labels, files, images, pixels, channelRanges, masks,
                imageTraits, regions);
    }

    /** The same images with these named region masks, in the order given. */
    public LabelledImages withRegions(Map<String, ImageBatches> named) {
        return new LabelledImages(name, classes, input, labels, files, images, pixels, channelRanges, masks, traits,
                named);
    }

    /** Region {@code region}'s mask of image {@code index}, {@code [height * width]}, 1 in the region. */
    public float[] regionMask(String region, int index) {
        ImageBatches batches = regions.get(region);
        if (batches == null) {
            throw new IllegalArgumentException("data set '" + name + "' has no region '" + region + "'");
        }
        return batches.read(index, index + 1).castTo(DataType.FLOAT).dup('c').reshape(-1).toFloatVector();
    }

    public boolean hasMasks() {
        return masks != null;
    }

    /**
     * The images at {@code indices} as pixel values in [0, 1] (each channel's black to white), NCHW,
     * {@code [n][channels × height × width]}: the form in which images are drawn and edited.
     */
    public float[][] pixels(int[] indices) {
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = toPixels(images.read(indices[i], indices[i] + 1));
        }
        return out;
    }

    /** One example in this data set's input form (a batch of one, or its values) as pixel values in [0, 1], NCHW. */
    public float[] toPixels(INDArray example) {
        float[] v = Layouts.convert(example.castTo(DataType.FLOAT).reshape(input.batchShape(1)), input, pixelSpec(),
                name, "").dup('c').reshape(-1).toFloatVector();
        int hw = input.height() * input.width();
        for (int c = 0; c < input.channels(); c++) {
            PixelRange r = channelRanges.get(c);
            for (int p = c * hw; p < (c + 1) * hw; p++) {
                v[p] = (float) ((v[p] - r.black()) / (r.white() - r.black()));
            }
        }
        return v;
    }

    /**
     * Pixel values back into model input: this data set's preprocessing, then {@code model}'s layout (the same image
     * size) and data type. The inverse of {@link #pixels}.
     */
    public INDArray toModelInput(float[][] pixels, InputSpec model, DataType type, String modelName) {
        InputSpec nchw = pixelSpec();
        int hw = input.height() * input.width();
        float[][] values = new float[pixels.length][];
        for (int i = 0; i < pixels.length; i++) {
            float[] v = pixels[i].clone();
            for (int c = 0; c < nchw.channels(); c++) {
                PixelRange r = channelRanges.get(c);
                for (int p = c * hw; p < (c + 1) * hw; p++) {
                    v[p] = (float) (r.black() + v[p] * (r.white() - r.black()));
                }
            }
            values[i] = v;
        }
        INDArray batch = Nd4j.create(values).reshape('c', nchw.batchShape(pixels.length));
        return Layouts.convert(batch, nchw, model, name, modelName).castTo(type);
    }

    /** The images' size as NCHW: the layout of pixel values. */
    public InputSpec pixelSpec() {
        return InputSpec.image(InputLayout.NCHW, input.channels(), input.height(), input.width());
    }

    public int size() {
        return labels.length;
    }

    public int label(int i) {
        return labels[i];
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }
}
