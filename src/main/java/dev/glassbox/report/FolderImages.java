package dev.glassbox.report;

import dev.glassbox.Progress;
import dev.glassbox.config.Preprocessing;
import dev.glassbox.data.ImageFolder;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A labelled image folder as model input: each image decoded, checked for size, and preprocessed
 * ({@code (raw * scale - mean) / std} per channel, channels first). The report reads every image several times, so
 * a folder is decoded once and held in memory ({@link HeldImages}: one byte per value for RGB pictures, up to 2^31
 * values; floats otherwise, up to {@link #IN_MEMORY_VALUES}); a larger one is read from disk batch by batch.
 */
public final class FolderImages {

    /** Pictures held as floats (a grayscale model's, whose luma is not 8-bit) up to this many values: 256 MB. */
    static final long IN_MEMORY_VALUES = 64L << 20;

    private FolderImages() {}

    /**
     * The images of {@code folder} in the given size and channel count, with masks from {@code masks} (or none).
     *
     * @param size the model's image size; only its channels, height and width are used (the data is NCHW)
     */
    public static LabelledImages open(String name, ImageFolder folder, Path masks, InputSpec size,
                                      Preprocessing preprocessing, Progress progress) {
        InputSpec spec = InputSpec.image(InputLayout.NCHW, size.channels(), size.height(), size.width());
        List<ImageFolder.Entry> entries = folder.entries();
        int n = entries.size();
        int length = (int) spec.length();
        int[] labels = entries.stream().mapToInt(ImageFolder.Entry::label).toArray();
        List<String> files = entries.stream()
                .map(e -> folder.root().relativize(e.file()).toString().replace('\\', '/')).toList();
        List<PixelRange> ranges = new ArrayList<>();
        for (int c = 0; c < spec.channels(); c++) {
            ranges.add(new PixelRange(preprocessing.apply(c, 0), preprocessing.apply(c, 255)));
        }
        PixelRange drawing = ranges.get(0);
        int hw = spec.height() * spec.width();
        ImageBatches fromDisk = (from, to) -> {
            float[] batch = new float[(to - from) * length];
            for (int i = from; i < to; i++) {
                read(entries.get(i).file(), spec, preprocessing, batch, (i - from) * length);
            }
            return Nd4j.create(batch, spec.batchShape(to - from), 'c');
        };
        ImageBatches masksFromDisk = masks == null ? null : (from, to) -> {
            float[] batch = new float[(to - from) * hw];
            for (int i = from; i < to; i++) {
                ImageFolder.readMask(folder.maskFile(masks, entries.get(i).file()), spec.width(), spec.height(),
                        batch, (i - from) * hw);
            }
            return Nd4j.create(batch, new long[] {to - from, spec.height(), spec.width()}, 'c');
        };
        float[][] codes = spec.channels() == 3 ? HeldImages.pixelTables(3, preprocessing::apply) : null;
        ImageBatches images = HeldImages.hold(fromDisk, n, spec.exampleShape(), codes, IN_MEMORY_VALUES,
                "Reading " + name, progress);
        ImageBatches maskBatches = masks == null ? null : HeldImages.hold(masksFromDisk, n,
                new long[] {spec.height(), spec.width()}, HeldImages.maskTable(), IN_MEMORY_VALUES,
                "Reading the masks of " + name, progress);
        LabelledImages data = new LabelledImages(name, folder.classes(), spec, labels, files, images, drawing, ranges,
                null);
        return maskBatches == null ? data : data.withMasks(maskBatches);
    }

    /** One image into {@code into} at {@code offset}: channels first; one channel is the image's luma. */
    static void read(Path file, InputSpec spec, Preprocessing preprocessing, float[] into, int offset) {
        BufferedImage image = ImageFolder.read(file);
        if (image.getWidth() != spec.width() || image.getHeight() != spec.height()) {
            throw dev.glassbox.GlassboxException.badInput(file, "is " + image.getWidth() + "x" + image.getHeight()
                    + " pixels; the model takes " + spec.width() + "x" + spec.height());
        }
        int hw = spec.height() * spec.width();
        for (int y = 0; y < spec.height(); y++) {
            for (int x = 0; x < spec.width(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int p = offset + y * spec.width() + x;
                if (spec.channels() == 1) {
                    into[p] = (float) preprocessing.apply(0, 0.299 * r + 0.587 * g + 0.114 * b);
                } else {
                    into[p] = (float) preprocessing.apply(0, r);
                    into[p + hw] = (float) preprocessing.apply(1, g);
                    into[p + 2 * hw] = (float) preprocessing.apply(2, b);
                }
            }
        }
    }
}
