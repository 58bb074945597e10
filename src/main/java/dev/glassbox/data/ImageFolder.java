package dev.glassbox.data;

import dev.glassbox.GlassboxException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A folder with one subfolder per class holding images ({@code .png}, {@code .jpg}, {@code .jpeg}, {@code .bmp}).
 * Files beside the class folders (a {@code labels.csv}, a README), hidden entries and other files inside them are
 * ignored. Classes and images are listed in sorted order, so the listing is the same on every machine.
 */
public final class ImageFolder {

    /** One image and its class index. */
    public record Entry(Path file, int label) {}

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp");

    private final Path root;
    private final List<String> classes;
    private final List<Entry> entries;

    private ImageFolder(Path root, List<String> classes, List<Entry> entries) {
        this.root = root;
        this.classes = List.copyOf(classes);
        this.entries = List.copyOf(entries);
    }

    /** Opens a folder; its classes are its subfolder names, sorted. */
    public static ImageFolder open(Path root) {
        return open(root, null);
    }

    /**
     * Opens a folder with the classes in the given order (the index order of a model's outputs); every class needs a
     * subfolder, and every subfolder must be a class. With {@code classOrder} null, the sorted subfolder names.
     */
    public static ImageFolder open(Path root, List<String> classOrder) {
        if (!Files.isDirectory(root)) {
            throw GlassboxException.badInput(root, Files.exists(root) ? "is not a folder" : "no such folder");
        }
        List<String> folders = list(root, Files::isDirectory).stream()
                .map(p -> p.getFileName().toString()).sorted().toList();
        if (folders.isEmpty()) {
            throw GlassboxException.badInput(root, "has no class folders (expected one subfolder of images per class)");
        }
        List<String> classes = folders;
        if (classOrder != null) {
            Set<String> wanted = new HashSet<>(classOrder);
            if (!wanted.equals(new HashSet<>(folders))) {
                throw GlassboxException.badInput(root, "has class folders " + folders + " but the classes are "
                        + classOrder);
            }
            classes = classOrder;
        }
        List<Entry> entries = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            Path dir = root.resolve(classes.get(label));
            List<Path> images = list(dir, p -> Files.isRegularFile(p) && isImage(p));
            images.sort(null);
            for (Path p : images) {
                entries.add(new Entry(p, label));
            }
        }
        if (entries.isEmpty()) {
            throw GlassboxException.badInput(root, "holds no images (.png, .jpg, .jpeg, .bmp) in its class folders");
        }
        return new ImageFolder(root, classes, entries);
    }

    public Path root() {
        return root;
    }

    public List<String> classes() {
        return classes;
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * Reads every image as RGB, channels first, each pixel value (0-255) times {@code scale}. Every image must be
     * {@code width} x {@code height}.
     */
    public InMemoryImages load(int width, int height, float scale) {
        int n = entries.size();
        int size = 3 * width * height;
        float[] pixels = new float[n * size];
        int[] labels = new int[n];
        List<Path> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            readChw(e.file(), width, height, scale, pixels, i * size);
            labels[i] = e.label();
            files.add(e.file());
        }
        return new InMemoryImages(classes, files, labels, pixels, width, height);
    }

    /**
     * Reads the object mask of every image: the file at the same relative path under {@code maskRoot}, 1 where any
     * channel is non-zero, 0 elsewhere; {@code [n * height * width]}, in entry order.
     */
    public float[] loadMasks(Path maskRoot, int width, int height) {
        float[] masks = new float[entries.size() * width * height];
        for (int i = 0; i < entries.size(); i++) {
            readMask(maskFile(maskRoot, entries.get(i).file()), width, height, masks, i * width * height);
        }
        return masks;
    }

    /** Where the mask of {@code image} lies under {@code maskRoot}. */
    public Path maskFile(Path maskRoot, Path image) {
        return maskRoot.resolve(root.relativize(image).toString());
    }

    /** Reads one mask into {@code into} at {@code offset}: 1 where any channel is non-zero, else 0. */
    public static void readMask(Path file, int width, int height, float[] into, int offset) {
        if (!Files.isRegularFile(file)) {
            throw GlassboxException.badInput(file, "is missing: every image needs a mask at the same relative path"
                    + " in the masks folder");
        }
        BufferedImage image = read(file);
        if (image.getWidth() != width || image.getHeight() != height) {
            throw GlassboxException.badInput(file, "is a " + image.getWidth() + "x" + image.getHeight()
                    + " mask; its image is " + width + "x" + height);
        }
        var raster = image.getRaster();
        int bands = image.getColorModel().getNumColorComponents(); // alpha says nothing about the object
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean on = false;
                for (int b = 0; b < bands && !on; b++) {
                    on = raster.getSample(x, y, b) != 0;
                }
                into[offset + y * width + x] = on ? 1 : 0;
            }
        }
    }

    /** Reads one image into {@code into} at {@code offset}: RGB, channels first, pixel value times {@code scale}. */
    public static void readChw(Path file, int width, int height, float scale, float[] into, int offset) {
        BufferedImage image = read(file);
        if (image.getWidth() != width || image.getHeight() != height) {
            throw GlassboxException.badInput(file, "is " + image.getWidth() + "x" + image.getHeight()
                    + " pixels; expected " + width + "x" + height);
        }
        toChw(image, scale, into, offset);
    }

    /** Copies an image into {@code into} at {@code offset}: RGB, channels first, pixel value times {@code scale}. */
    public static void toChw(BufferedImage image, float scale, float[] into, int offset) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int c = image.getRGB(x, y);
                int p = offset + y * width + x;
                into[p] = ((c >> 16) & 0xff) * scale;
                into[p + plane] = ((c >> 8) & 0xff) * scale;
                into[p + 2 * plane] = (c & 0xff) * scale;
            }
        }
    }

    /** Reads an image file, or fails with a one-line error naming it. */
    public static BufferedImage read(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw GlassboxException.badInput(file, "is not a readable image (" + oneLine(e) + ")", e);
        }
        if (image == null) {
            throw GlassboxException.badInput(file, "is not a readable image (not PNG, JPEG or BMP data)");
        }
        return image;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').trim();
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0
                && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(p -> !p.getFileName().toString().startsWith(".")).filter(keep).toList());
        } catch (IOException e) {
            throw GlassboxException.badInput(dir, "cannot be listed: " + e.getMessage(), e);
        }
    }
}
