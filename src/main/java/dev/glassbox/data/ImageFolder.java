package dev.glassbox.data;

import dev.glassbox.GlassboxException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

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
     * Opens a folder with the classes in the given order (the index order of a model's outputs). Every subfolder must
     * be a class; a class may lack a subfolder (a test set holds the classes it has; {@link #missingClasses()} names
     * the others). With {@code classOrder} null, the sorted subfolder names.
     */
    public static ImageFolder open(Path root, List<String> classOrder) {
        if (!Files.isDirectory(root)) {
            throw GlassboxException.badInput(root, Files.exists(root) ? "is not a folder" : "no such folder");
        }
        List<String> folders = list(root, ImageFolder::isFolder).stream()
                .map(p -> p.getFileName().toString()).sorted().toList();
        if (folders.isEmpty()) {
            throw GlassboxException.badInput(root, "has no class folders (expected one subfolder of images per class)");
        }
        List<String> classes = folders;
        if (classOrder != null) {
            List<String> extra = folders.stream().filter(f -> !classOrder.contains(f)).toList();
            if (!extra.isEmpty()) {
                throw GlassboxException.badInput(root.resolve(extra.get(0)), "is not a class folder: the classes are "
                        + quoted(classOrder) + (extra.size() > 1 ? " (nor are " + quoted(extra.subList(1,
                        extra.size())) + ")" : "") + "; move it out of " + root + ", or list it under 'classes:'");
            }
            classes = classOrder;
        }
        List<Entry> entries = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            Path dir = root.resolve(classes.get(label));
            if (!Files.isDirectory(dir)) {
                continue; // a test set may lack classes: it is tested on those it has
            }
            List<Path> images = list(dir, p -> isImage(p) && isImageFile(p));
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

    /** The classes with no pictures here, in class order. */
    public List<String> missingClasses() {
        boolean[] seen = new boolean[classes.size()];
        entries.forEach(e -> seen[e.label()] = true);
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                missing.add(classes.get(c));
            }
        }
        return missing;
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
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw GlassboxException.badInput(file, "is missing: every image needs a mask at the same relative path"
                    + " in the masks folder");
        }
        Pixels mask = ImageFiles.read(file, width, height, "its image is");
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean on = false;
                for (int c = 0; c < mask.planes() && !on; c++) {
                    on = mask.value(c, x, y) != 0;
                }
                into[offset + y * width + x] = on ? 1 : 0;
            }
        }
    }

    /** Reads one image into {@code into} at {@code offset}: RGB, channels first, pixel value times {@code scale}. */
    public static void readChw(Path file, int width, int height, float scale, float[] into, int offset) {
        ImageFiles.read(file, width, height, "expected").toChannelsFirst(3, (c, v) -> v * scale, into, offset);
    }

    /** Copies an image into {@code into} at {@code offset}: RGB, channels first, pixel value times {@code scale}. */
    public static void toChw(BufferedImage image, float scale, float[] into, int offset) {
        ImageFiles.pixels(image).toChannelsFirst(3, (c, v) -> v * scale, into, offset);
    }

    /** A class folder; a link to a folder that is gone is an error, not an empty class. */
    private static boolean isFolder(Path p) {
        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
            throw GlassboxException.badInput(p, "is a link to " + linkTarget(p) + ", which does not exist; remove the"
                    + " link or restore what it points to");
        }
        return Files.isDirectory(p);
    }

    /**
     * An image file in a class folder; a link to an image that is gone is an error (it is listed as an image, and
     * leaving it out would quietly test fewer).
     */
    private static boolean isImageFile(Path p) {
        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
            throw GlassboxException.badInput(p, "is a link to " + linkTarget(p) + ", which does not exist; remove the"
                    + " link or restore the image");
        }
        return Files.isRegularFile(p);
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a missing file";
        }
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(java.util.stream.Collectors.joining(", "));
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
