package dev.glassbox.checks;

import java.util.List;
import java.util.Locale;

/**
 * The edits of the interventions check: each changes how an image looks but not what it shows, in one or more
 * variants (the four corners; brighter and darker), on pixel arrays ({@code [channels * height * width]}, values in
 * [0, 1]).
 */
public enum Edit {
    /** The background recoloured: the opposite colour at the same brightness (needs masks and colour). */
    BACKGROUND("background", List.of("background")),
    /** A patch over each corner, in the colour of the image's border. */
    CORNERS("corners", List.of("top-left", "top-right", "bottom-left", "bottom-right")),
    /** The mirror image. */
    FLIP("flip", List.of("flip")),
    /** 20% brighter, and 20% darker. */
    BRIGHTNESS("brightness", List.of("brighter", "darker")),
    /** Each pixel's luma in every channel (needs colour). */
    GRAYSCALE("grayscale", List.of("grayscale"));

    private final String id;
    private final List<String> variants;

    Edit(String id, List<String> variants) {
        this.id = id;
        this.variants = variants;
    }

    /** The name in the config ({@code edits: [background, corners]}) and in summary.json. */
    public String id() {
        return id;
    }

    /** The variants' names; an edit with one variant has its own name. */
    public List<String> variants() {
        return variants;
    }

    /** The side, in pixels, of a corner patch on an {@code h × w} picture: 20% of the shorter side, at least 2. */
    public static int patchSide(int h, int w) {
        return Edits.patchSide(h, w);
    }

    public static List<String> ids() {
        return java.util.Arrays.stream(values()).map(Edit::id).toList();
    }

    public static Edit byId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /**
     * Why the edit cannot be made on a data set with these channels, with or without masks; null when it can.
     *
     * @param dataset the data set's name, for the sentence
     */
    public String unavailable(String dataset, int channels, boolean masks) {
        if (this == BACKGROUND && !masks) {
            return "the background was not recoloured: " + dataset + " has no masks";
        }
        if ((this == BACKGROUND || this == GRAYSCALE) && channels != 3) {
            return "no " + (this == GRAYSCALE ? "grayscale" : "background colour") + " edit: the images are not colour"
                    + " images";
        }
        return null;
    }

    /** Variant {@code v} of the edit applied to one image; {@code mask} is its object mask (BACKGROUND only). */
    public float[] apply(float[] px, float[] mask, int channels, int h, int w, int v) {
        return switch (this) {
            case BACKGROUND -> Edits.recolourBackground(px, mask, h, w);
            case CORNERS -> Edits.patchCorner(px, channels, h, w, v);
            case FLIP -> Edits.mirror(px, channels, h, w);
            case BRIGHTNESS -> Edits.brightness(px, v == 0 ? 1 + Edits.BRIGHTNESS : 1 - Edits.BRIGHTNESS);
            case GRAYSCALE -> Edits.grayscale(px, h, w);
        };
    }
}
