package dev.glassbox.imaging;

import java.util.List;

/**
 * Where a map's weight lies, for a sentence under its picture: the share on an object mask (widened by a pixel, so
 * the object's outline counts as the object, as the focus check counts it), and which ninth of the picture holds the
 * most. Maps are one non-negative value per pixel, {@code [height * width]} row by row.
 */
public final class MapRegions {

    /** The ninths of a picture, row by row, as a sentence names them. */
    public static final List<String> NINTHS = List.of("top-left corner", "top edge", "top-right corner",
            "left edge", "centre", "right edge", "bottom-left corner", "bottom edge", "bottom-right corner");

    /** The region of a map that holds the most weight, and its share of the whole. */
    public record Peak(String region, double share) {}

    private MapRegions() {}

    /** The share of the map's weight on the mask widened by one pixel; NaN where the map has no weight. */
    public static double onMask(float[] map, float[] mask, int height, int width) {
        float[] widened = widen(mask, height, width);
        double total = 0;
        double inside = 0;
        for (int p = 0; p < map.length; p++) {
            double v = Math.max(0, map[p]);
            total += v;
            inside += v * widened[p];
        }
        return total > 0 ? inside / total : Double.NaN;
    }

    /** The share of the picture the mask, widened by one pixel, covers. */
    public static double area(float[] mask, int height, int width) {
        float[] widened = widen(mask, height, width);
        double sum = 0;
        for (float v : widened) {
            sum += v;
        }
        return sum / widened.length;
    }

    /** The ninth of the picture that holds the most of the map's weight; the centre where the map has none. */
    public static Peak peak(float[] map, int height, int width) {
        double[] sums = new double[9];
        double total = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = Math.max(0, map[y * width + x]);
                sums[Math.min(2, 3 * y / height) * 3 + Math.min(2, 3 * x / width)] += v;
                total += v;
            }
        }
        if (total <= 0) {
            return new Peak(NINTHS.get(4), 0);
        }
        int best = 4;
        for (int r = 0; r < 9; r++) {
            if (sums[r] > sums[best]) {
                best = r;
            }
        }
        return new Peak(NINTHS.get(best), sums[best] / total);
    }

    private static float[] widen(float[] mask, int h, int w) {
        float[] out = new float[mask.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask[y * w + x] <= 0) {
                    continue;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                            out[yy * w + xx] = 1;
                        }
                    }
                }
            }
        }
        return out;
    }
}
