package dev.glassbox.diagnosis;

import java.util.Locale;
import java.util.Objects;

/**
 * Something in a picture that is not the object and that a model may decide by.
 *
 * @param kind   what sort of cue
 * @param where  for a corner, which one ("bottom-right"); for a region or spot, its name ("tag", "x 24-30, y 2-8");
 *               otherwise null
 * @param detail what it looks like where that is known ("blue"), or which variant ("darker"); may be null
 */
public record Cue(Kind kind, String where, String detail) {

    /** The sorts of cue, named in summary.json by {@link #id()}. */
    public enum Kind {
        /** The background's colour: behind the object (with masks) or the picture's border ring (without). */
        BACKGROUND,
        /** What sits in one corner of the picture. */
        CORNER,
        /** A region the config names with masks (the shapes data's tag). */
        REGION,
        /** A small window where a class's attribution gathers, outside the typical object area. */
        SPOT,
        /** The picture's left-right orientation. */
        MIRROR,
        /** Overall brightness. */
        BRIGHTNESS,
        /** Colour as such (what grayscale removes). */
        COLOUR;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the cue sits in one place that can be copied from one picture into another. */
        public boolean local() {
            return this == CORNER || this == REGION || this == SPOT;
        }

        /** Whether the cue is a change to the whole picture, with nothing to transplant. */
        public boolean global() {
            return this == MIRROR || this == BRIGHTNESS || this == COLOUR;
        }
    }

    public Cue {
        Objects.requireNonNull(kind);
    }

    /** The cue in words: "background colour (blue)", "bottom-right corner (magenta)", "brightness". */
    public String describe() {
        return ProblemWording.thing(this);
    }

    /** The same cue with what it looks like. */
    public Cue describedAs(String look) {
        return new Cue(kind, where, look);
    }

    /** Whether two cues are the same one, whatever their details say. */
    public boolean sameAs(Cue other) {
        return kind == other.kind && Objects.equals(where, other.where)
                && (!kind.global() || Objects.equals(detail, other.detail));
    }

    /** "background", "corner bottom-right", "region tag", "brightness darker". */
    public String label() {
        String variant = kind.global() ? detail : where;
        return variant == null ? kind.id() : kind.id() + " " + variant;
    }
}
