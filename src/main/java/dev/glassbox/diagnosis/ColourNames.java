package dev.glassbox.diagnosis;

/**
 * A plain name for a colour ({@code [r, g, b]} or {@code [gray]} in [0, 1]): the hue's name, "dark" or "pale" where
 * brightness or saturation says so, and gray, black or white where there is little colour. Words for the reader;
 * nothing is decided by them.
 */
final class ColourNames {

    private static final String[] HUES = {"red", "orange", "yellow", "green", "teal", "blue", "purple", "magenta"};
    /** The upper end, in degrees, of each hue's range (red wraps round from 345). */
    private static final double[] UPPER = {15, 45, 70, 160, 195, 250, 285, 345};

    private ColourNames() {}

    static String of(float[] colour) {
        if (colour.length == 1) {
            return gray(colour[0]);
        }
        float r = colour[0];
        float g = colour[1];
        float b = colour[2];
        float max = Math.max(r, Math.max(g, b));
        float min = Math.min(r, Math.min(g, b));
        float chroma = max - min;
        if (max < 0.12 || chroma < 0.08 || chroma / max < 0.18) {
            return gray(0.299 * r + 0.587 * g + 0.114 * b);
        }
        double hue;
        if (max == r) {
            hue = 60 * (((g - b) / chroma) % 6);
        } else if (max == g) {
            hue = 60 * ((b - r) / chroma + 2);
        } else {
            hue = 60 * ((r - g) / chroma + 4);
        }
        hue = (hue + 360) % 360;
        String name = HUES[0];
        for (int i = 0; i < UPPER.length; i++) {
            if (hue < UPPER[i]) {
                name = HUES[i];
                break;
            }
        }
        if (max < 0.4) {
            return "dark " + name;
        }
        return chroma / max < 0.35 ? "pale " + name : name;
    }

    private static String gray(double level) {
        return level < 0.15 ? "black" : level > 0.85 ? "white" : level < 0.4 ? "dark gray" : level > 0.7
                ? "light gray" : "gray";
    }
}
