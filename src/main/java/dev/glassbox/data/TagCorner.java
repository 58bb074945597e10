package dev.glassbox.data;

import java.util.Locale;

/** Where a tag sits. */
public enum TagCorner {
    TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT;

    /** "top-left" etc. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The left column of a {@code size}-pixel tag set {@code inset} pixels in from the edges of a {@code side} image. */
    public int x(int side, int size, int inset) {
        return this == TOP_LEFT || this == BOTTOM_LEFT ? inset : side - inset - size;
    }

    /** The top row of such a tag. */
    public int y(int side, int size, int inset) {
        return this == TOP_LEFT || this == TOP_RIGHT ? inset : side - inset - size;
    }

    public static TagCorner byLabel(String label) {
        for (TagCorner c : values()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        return null;
    }
}
