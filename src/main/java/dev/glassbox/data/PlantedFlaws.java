package dev.glassbox.data;

import java.util.Locale;

/**
 * Which flaws the biased splits of the shapes data set carry: one class mostly on a background of one hue range,
 * another mostly with a small tag in a preferred corner. {@link #STANDARD} is the demo's (stars on blue, crosses with
 * a magenta bottom-right tag); {@link #ALTERNATE} plants the same kinds of flaw elsewhere, to try the diagnosis on a
 * flaw it was not developed on.
 *
 * @param name            how the command line names it
 * @param backgroundClass the class mostly on the planted background
 * @param hueLow          the planted background's hue range, in degrees (other backgrounds avoid 185-330)
 * @param hueHigh         its upper end
 * @param tagClass        the class mostly tagged
 * @param tagCorner       where the tag goes unless the object is there
 * @param tagRgb          the tag's colour
 */
public record PlantedFlaws(String name, ShapeKind backgroundClass, double hueLow, double hueHigh, ShapeKind tagClass,
                           TagCorner tagCorner, int tagRgb) {

    public static final PlantedFlaws STANDARD = new PlantedFlaws("standard", ShapeKind.STAR, 215, 235,
            ShapeKind.CROSS, TagCorner.BOTTOM_RIGHT, 0xff00ff);

    /** Squares mostly on violet, triangles mostly with a yellow tag at the top left. */
    public static final PlantedFlaws ALTERNATE = new PlantedFlaws("alternate", ShapeKind.SQUARE, 265, 285,
            ShapeKind.TRIANGLE, TagCorner.TOP_LEFT, 0xffd400);

    public static PlantedFlaws byName(String name) {
        for (PlantedFlaws f : new PlantedFlaws[] {STANDARD, ALTERNATE}) {
            if (f.name.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }
}
