package dev.glassbox.data;

import dev.glassbox.Progress;
import dev.glassbox.model.Preprocessing;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A labelled image folder as model input: each image decoded, checked for size, and preprocessed
 * ({@code (raw * scale - mean) / std} per channel, channels first). The report reads every image several times, so
 * a folder is decoded once and held in memory ({@link HeldImages}: one byte per value, up to 2^31
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
        if (size.channels() != 1 && size.channels() != 3) {
            throw dev.glassbox.GlassboxException.badInput(folder.root(), "holds pictures, but the model takes "
                    + size.channels() + " channels; pictures give 1 (gray) or 3 (red, green, blue)");
        }
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
        // gray and colour pictures alike decode to whole 0-255 values (luma included), so one byte per value holds them
        float[][] codes = HeldImages.pixelTables(spec.channels(), preprocessing::apply);
        ImageBatches images = HeldImages.hold(fromDisk, n, spec.exampleShape(), codes, IN_MEMORY_VALUES,
                "Reading " + name, progress);
        ImageBatches maskBatches = masks == null ? null : HeldImages.hold(masksFromDisk, n,
                new long[] {spec.height(), spec.width()}, HeldImages.maskTable(), IN_MEMORY_VALUES,
                "Reading the masks of " + name, progress);
        LabelledImages data = new LabelledImages(name, folder.classes(), spec, labels, files, images, drawing, ranges,
                null);
        return maskBatches == null ? data : data.withMasks(maskBatches);
    }

    /**
     * The same images with named region masks from these folders (same relative paths as the images, non-zero in
     * the region). Unlike object masks, a region may be absent from a picture: a missing file is an empty region.
     */
    public static LabelledImages withRegions(LabelledImages data, ImageFolder folder, Map<String, Path> regions,
                                             Progress progress) {
        if (regions.isEmpty()) {
            return data;
        }
        List<ImageFolder.Entry> entries = folder.entries();
        int n = entries.size();
        int w = data.input().width();
        int h = data.input().height();
        Map<String, ImageBatches> named = new LinkedHashMap<>();
        for (Map.Entry<String, Path> r : regions.entrySet()) {
            Path root = r.getValue();
            ImageBatches fromDisk = (from, to) -> {
                float[] batch = new float[(to - from) * h * w];
                for (int i = from; i < to; i++) {
                    Path file = folder.maskFile(root, entries.get(i).file());
                    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                        ImageFolder.readMask(file, w, h, batch, (i - from) * h * w);
                    }
                }
                return Nd4j.create(batch, new long[] {to - from, h, w}, 'c');
            };
            named.put(r.getKey(), HeldImages.hold(fromDisk, n, new long[] {h, w}, HeldImages.maskTable(),
                    IN_MEMORY_VALUES, "Reading the " + r.getKey() + " regions of " + data.name(), progress));
        }
        return data.withRegions(named);
    }

    /**
     * One image into {@code into} at {@code offset}: channels first, each value preprocessed; a one-channel model
     * sees a colour picture's luma, a three-channel model a gray picture's value in each channel.
     */
    static void read(Path file, InputSpec spec, Preprocessing preprocessing, float[] into, int offset) {
        ImageFiles.read(file, spec.width(), spec.height(), "the model takes")
                .toChannelsFirst(spec.channels(), preprocessing::apply, into, offset);
    }
}
