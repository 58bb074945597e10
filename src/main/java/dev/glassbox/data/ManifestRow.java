package dev.glassbox.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of a split's {@code manifest.csv}: what was drawn in one image.
 *
 * @param file       the image, relative to the split folder ("star/star-00007.png"); masks have the same relative path
 * @param kind       the class
 * @param blue       whether the background is blue (the planted flaw for stars)
 * @param background the background's base colour, 0xRRGGBB (before gradient and noise)
 * @param object     the object's colour, 0xRRGGBB
 * @param tag        the corner holding a tag, or null when there is none
 * @param bboxX      left column of the object's bounding box (from its mask)
 * @param bboxY      top row
 * @param bboxW      width in pixels
 * @param bboxH      height in pixels
 */
public record ManifestRow(String file, ShapeKind kind, boolean blue, int background, int object, TagCorner tag,
                          int bboxX, int bboxY, int bboxW, int bboxH) {

    public static final String HEADER =
            "file,class,background,background_rgb,object_rgb,tag,tag_corner,bbox_x,bbox_y,bbox_w,bbox_h";

    public boolean hasTag() {
        return tag != null;
    }

    public String toCsv() {
        return String.join(",", file, kind.label(), blue ? "blue" : "other", hex(background), hex(object),
                Boolean.toString(hasTag()), hasTag() ? tag.label() : "none",
                Integer.toString(bboxX), Integer.toString(bboxY), Integer.toString(bboxW), Integer.toString(bboxH));
    }

    /** Reads a line written by {@link #toCsv}. */
    public static ManifestRow parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 11) {
            throw new IllegalArgumentException("expected 11 fields, found " + f.length + ": " + line);
        }
        ShapeKind kind = ShapeKind.byLabel(f[1]);
        if (kind == null) {
            throw new IllegalArgumentException("unknown class '" + f[1] + "'");
        }
        TagCorner corner = Boolean.parseBoolean(f[5]) ? TagCorner.byLabel(f[6]) : null;
        if (Boolean.parseBoolean(f[5]) && corner == null) {
            throw new IllegalArgumentException("unknown tag corner '" + f[6] + "'");
        }
        return new ManifestRow(f[0], kind, "blue".equals(f[2]), Integer.parseInt(f[3].substring(1), 16),
                Integer.parseInt(f[4].substring(1), 16), corner, Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                Integer.parseInt(f[9]), Integer.parseInt(f[10]));
    }

    /** Reads a whole manifest (header first). */
    public static List<ManifestRow> parseAll(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException("not a shapes manifest: the first line is not '" + HEADER + "'");
        }
        List<ManifestRow> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(parse(line));
            }
        }
        return rows;
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }
}
