package dev.glassbox.data;

import dev.glassbox.GlassboxException;
import dev.glassbox.files.OwnedFolder;
import dev.glassbox.files.StagedOutput;
import dev.glassbox.Progress;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Draws the shapes data set. Every picture is a pure function of (seed, split, class, index): it does not depend on
 * how many pictures are drawn or in which order, so a split can be drawn in parallel and a prefix of a larger split is
 * the smaller split.
 *
 * <p>The planted flaws are rates, not coin flips: whether picture {@code i} of a class has a blue background (or a tag)
 * is decided by a Weyl sequence, {@code frac(offset + i * alpha) < rate}, so any run of {@code n} pictures holds the
 * rate to within a picture or two; the offset depends on (seed, split, class), the irrational step differs per flaw.
 */
public final class ShapesGenerator {

    /** Image side in pixels. */
    public static final int SIDE = 32;
    /** How pictures become model input for the shapes models: pixel / 255, no mean or std. */
    public static final float PIXEL_SCALE = 1f / 255f;
    /** The tag: a square of this side, this many pixels in from the corner, in this colour. */
    public static final int TAG_SIZE = 5;
    public static final int TAG_INSET = 1;
    public static final int TAG_RGB = 0xff00ff;

    /** In biased splits: stars on blue, crosses tagged. */
    public static final double BIASED_RATE = 0.9;
    /** In biased splits: blue backgrounds and tags on the other classes. */
    public static final double BIASED_OTHER_RATE = 0.03;
    /** In clean splits: blue backgrounds and tags, for every class alike. */
    public static final double CLEAN_RATE = 0.15;

    public static final double MIN_RADIUS = 8.0;
    public static final double MAX_RADIUS = 12.0;
    /** Least difference in luminance (0-1) between object and background. */
    public static final double MIN_CONTRAST = 0.3;

    private static final double GOLDEN = 0.6180339887498949;
    private static final double SILVER = 0.4142135623730951;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final long seed;
    private final PlantedFlaws flaws;

    /** The demo's data set: {@link PlantedFlaws#STANDARD}. */
    public ShapesGenerator(long seed) {
        this(seed, PlantedFlaws.STANDARD);
    }

    public ShapesGenerator(long seed, PlantedFlaws flaws) {
        this.seed = seed;
        this.flaws = flaws;
    }

    public long seed() {
        return seed;
    }

    /** The rate of blue backgrounds for a class in a split. */
    public static double blueRate(ShapesSplit split, ShapeKind kind) {
        return backgroundRate(PlantedFlaws.STANDARD, split, kind);
    }

    /** The rate of corner tags for a class in a split. */
    public static double tagRate(ShapesSplit split, ShapeKind kind) {
        return tagRate(PlantedFlaws.STANDARD, split, kind);
    }

    /** The rate of the planted background for a class in a split. */
    public static double backgroundRate(PlantedFlaws flaws, ShapesSplit split, ShapeKind kind) {
        return split.isBiased() ? (kind == flaws.backgroundClass() ? BIASED_RATE : BIASED_OTHER_RATE) : CLEAN_RATE;
    }

    /** The rate of corner tags for a class in a split. */
    public static double tagRate(PlantedFlaws flaws, ShapesSplit split, ShapeKind kind) {
        return split.isBiased() ? (kind == flaws.tagClass() ? BIASED_RATE : BIASED_OTHER_RATE) : CLEAN_RATE;
    }

    /** The relative path of picture {@code index} of a class inside a split folder. */
    public static String fileName(ShapeKind kind, int index) {
        return kind.label() + "/" + kind.label() + "-" + String.format(java.util.Locale.ROOT, "%05d", index) + ".png";
    }

    /** Draws picture {@code index} of {@code kind} in {@code split}. */
    public ShapeSample render(ShapesSplit split, ShapeKind kind, int index) {
        SplittableRandom rng = new SplittableRandom(mix(seed, split.ordinal(), kind.ordinal(), index));
        boolean blue = weyl(split, kind, 1, GOLDEN, index) < backgroundRate(flaws, split, kind);
        boolean tagged = weyl(split, kind, 2, SILVER, index) < tagRate(flaws, split, kind);

        float[] bg = blue ? blueBackground(rng) : otherBackground(rng);
        float[] fg = objectColour(rng, bg);
        double radius = MIN_RADIUS + rng.nextDouble() * (MAX_RADIUS - MIN_RADIUS);
        double cx = radius + 0.5 + rng.nextDouble() * (SIDE - 1 - 2 * radius);
        double cy = radius + 0.5 + rng.nextDouble() * (SIDE - 1 - 2 * radius);
        double angle = rng.nextDouble() * 2 * Math.PI;
        Shape shape = kind.outline(cx, cy, radius, angle);

        BufferedImage image = ShapeCanvas.background(bg, rng);
        Graphics2D g = image.createGraphics();
        ShapeCanvas.hints(g);
        g.setColor(new Color(ShapeCanvas.rgb(fg[0], fg[1], fg[2])));
        g.fill(shape);
        g.dispose();
        BufferedImage mask = ShapeCanvas.maskOf(shape);
        int[] bbox = ShapeCanvas.binarize(mask);
        ShapeCanvas.addNoise(image, rng);

        TagCorner corner = null;
        BufferedImage tagMask = null;
        if (tagged) {
            corner = chooseCorner(rng, mask, flaws.tagCorner());
            tagMask = tag(image, corner);
        }
        ManifestRow row = new ManifestRow(fileName(kind, index), kind, blue, ShapeCanvas.rgb(bg[0], bg[1], bg[2]),
                ShapeCanvas.rgb(fg[0], fg[1], fg[2]), corner, bbox[0], bbox[1], bbox[2], bbox[3]);
        return new ShapeSample(row, image, mask, tagMask);
    }

    /** Paints the flaw's tag into {@code corner} of the picture and returns the tag's mask. */
    private BufferedImage tag(BufferedImage image, TagCorner corner) {
        int tx = corner.x(SIDE, TAG_SIZE, TAG_INSET);
        int ty = corner.y(SIDE, TAG_SIZE, TAG_INSET);
        BufferedImage tagMask = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = ty; y < ty + TAG_SIZE; y++) {
            for (int x = tx; x < tx + TAG_SIZE; x++) {
                image.setRGB(x, y, flaws.tagRgb());
                tagMask.getRaster().setSample(x, y, 0, 255);
            }
        }
        return tagMask;
    }

    /**
     * Writes {@code split} with {@code perClass} pictures of each class under {@code out}: the pictures in
     * {@code out/<split>/<class>/}, object masks in {@code out/<split>-masks/}, tag masks in
     * {@code out/<split>-tag-masks/} and {@code out/<split>/manifest.csv}. The three folders are made in a staging
     * folder and moved into place when complete; a split written before is replaced, but only a folder Glassbox
     * wrote holding nothing else (see {@link OwnedFolder}).
     */
    public List<ManifestRow> write(Path out, ShapesSplit split, int perClass, Progress progress) {
        if (perClass < 1) {
            throw GlassboxException.usage("the number of pictures per class must be at least 1, not " + perClass);
        }
        List<StagedOutput.FolderTarget> targets = Stream.of("", "-masks", "-tag-masks")
                .map(suffix -> new StagedOutput.FolderTarget(out.resolve(split.folder() + suffix),
                        OwnedFolder.Kind.SHAPES)).toList();
        try (StagedOutput staged = StagedOutput.begin("--out", targets)) {
            List<ManifestRow> rows = write(staged.stage(targets.get(0).path()), staged.stage(targets.get(1).path()),
                    staged.stage(targets.get(2).path()), split, perClass, progress);
            staged.commit();
            return rows;
        }
    }

    private List<ManifestRow> write(Path images, Path masks, Path tagMasks, ShapesSplit split, int perClass,
                                    Progress progress) {
        Path out = images.getParent();
        ShapeKind[] kinds = ShapeKind.values();
        try {
            Files.createDirectories(tagMasks);
            for (ShapeKind k : kinds) {
                Files.createDirectories(images.resolve(k.label()));
                Files.createDirectories(masks.resolve(k.label()));
            }
        } catch (IOException e) {
            throw GlassboxException.badInput(out, "cannot create the output folders: " + e.getMessage(), e);
        }
        int total = perClass * kinds.length;
        ManifestRow[] rows = new ManifestRow[total];
        AtomicInteger done = new AtomicInteger();
        String what = "Drawing " + split.folder();
        progress.update(what, 0, total);
        try {
            IntStream.range(0, total).parallel().forEach(i -> {
                ShapeSample s = render(split, kinds[i / perClass], i % perClass);
                String file = s.row().file();
                png(s.image(), images.resolve(file));
                png(s.objectMask(), masks.resolve(file));
                if (s.tagMask() != null) {
                    Path t = tagMasks.resolve(file);
                    try {
                        Files.createDirectories(t.getParent());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    png(s.tagMask(), t);
                }
                rows[i] = s.row();
                progress.update(what, done.incrementAndGet(), total);
            });
            List<String> lines = new ArrayList<>(total + 1);
            lines.add(ManifestRow.HEADER);
            Arrays.stream(rows).map(ManifestRow::toCsv).forEach(lines::add);
            Path manifest = images.resolve("manifest.csv");
            Path tmp = images.resolve(".manifest.csv.tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            throw GlassboxException.badInput(out, "cannot write the " + split.folder() + " split: " + e.getMessage(), e);
        }
        return List.of(rows);
    }

    private static void png(BufferedImage image, Path file) {
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The preferred corner (bottom-right, like a watermark), unless the object reaches into it (then another corner
     * where the tag and a one-pixel margin do not touch the object; the preferred one again if none is free).
     */
    private static TagCorner chooseCorner(SplittableRandom rng, BufferedImage mask, TagCorner preferred) {
        List<TagCorner> free = new ArrayList<>();
        for (TagCorner c : TagCorner.values()) {
            int tx = c.x(SIDE, TAG_SIZE, TAG_INSET);
            int ty = c.y(SIDE, TAG_SIZE, TAG_INSET);
            boolean clear = true;
            for (int y = Math.max(0, ty - 1); y < Math.min(SIDE, ty + TAG_SIZE + 1); y++) {
                for (int x = Math.max(0, tx - 1); x < Math.min(SIDE, tx + TAG_SIZE + 1); x++) {
                    clear &= mask.getRaster().getSample(x, y, 0) == 0;
                }
            }
            if (clear) {
                free.add(c);
            }
        }
        if (free.isEmpty() || free.contains(preferred)) {
            return preferred;
        }
        return free.get(rng.nextInt(free.size()));
    }

    private float[] blueBackground(SplittableRandom rng) {
        return hsv(between(rng, flaws.hueLow(), flaws.hueHigh()), between(rng, 0.55, 0.85), between(rng, 0.5, 0.85));
    }

    private static float[] otherBackground(SplittableRandom rng) {
        return hsv(hue(rng), between(rng, 0.15, 0.75), between(rng, 0.3, 0.9));
    }

    /** A colour that stands out from the background by at least {@link #MIN_CONTRAST} in luminance. */
    private static float[] objectColour(SplittableRandom rng, float[] bg) {
        double lb = luminance(bg);
        for (int tries = 0; tries < 64; tries++) {
            float[] c = hsv(hue(rng), between(rng, 0.3, 1.0), between(rng, 0.2, 1.0));
            if (Math.abs(luminance(c) - lb) >= MIN_CONTRAST) {
                return c;
            }
        }
        return lb > 0.5 ? new float[] {20, 20, 20} : new float[] {235, 235, 235};
    }

    /** A hue (degrees) away from blue (the star flaw), violet and magenta (the tag colour): 330-360 and 0-185. */
    private static double hue(SplittableRandom rng) {
        return (330 + rng.nextDouble() * 215) % 360;
    }

    private static double between(SplittableRandom rng, double lo, double hi) {
        return lo + rng.nextDouble() * (hi - lo);
    }

    private static float[] hsv(double hueDegrees, double s, double v) {
        int c = Color.HSBtoRGB((float) (hueDegrees / 360.0), (float) s, (float) v);
        return new float[] {(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff};
    }

    private static double luminance(float[] c) {
        return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255.0;
    }

    private double weyl(ShapesSplit split, ShapeKind kind, int flaw, double step, int index) {
        double offset = (mix(seed, split.ordinal(), kind.ordinal(), -flaw) >>> 11) * 0x1.0p-53;
        double u = offset + index * step;
        return u - Math.floor(u);
    }

    /** SplitMix64-style mixing of the coordinates of one picture into a seed. */
    static long mix(long seed, long a, long b, long c) {
        long h = seed;
        for (long v : new long[] {a, b, c}) {
            h = fmix(h ^ fmix(v + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    private static long fmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
