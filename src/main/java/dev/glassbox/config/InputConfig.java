package dev.glassbox.config;

import dev.glassbox.model.Preprocessing;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The config's {@code input:}: the shape the model takes, when the model does not record it, and how raw 0-255
 * pixels become its input: {@code (pixel * scale - mean) / std}, per channel.
 *
 * @param layout   NCHW, NHWC or FLAT (a flat row-major image, channels first); null when the config leaves the
 *                 shape to the model
 * @param width    image width in pixels, or 0 without a layout
 * @param height   image height in pixels, or 0 without a layout
 * @param channels 1 (grayscale) or 3 (RGB), or 0 without a layout
 * @param scale    what a raw 0-255 pixel is multiplied by, greater than 0
 * @param mean     subtracted after scaling: one entry per channel, or one for all
 * @param std      divided by after subtracting the mean, each greater than 0: one entry per channel, or one for all
 */
public record InputConfig(InputLayout layout, int width, int height, int channels, double scale, List<Double> mean,
                          List<Double> std) {

    /** The keys of {@code input:}. */
    public static final List<String> KEYS = List.of("layout", "width", "height", "channels", "scale", "mean", "std");

    /** Raw pixels to [0, 1], the most common preprocessing. */
    public static final double DEFAULT_SCALE = 1.0 / 255;

    /** No shape given, pixels scaled to [0, 1]. */
    public static final InputConfig DEFAULT = new InputConfig(null, 0, 0, 0, DEFAULT_SCALE, List.of(0.0),
            List.of(1.0));

    public InputConfig {
        if (layout != null ? width < 1 || height < 1 || (channels != 1 && channels != 3)
                : width != 0 || height != 0 || channels != 0) {
            throw new IllegalArgumentException("input " + layout + " " + width + "x" + height + "x" + channels
                    + ": a layout needs a positive width and height and 1 or 3 channels; no layout, none of them");
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("input scale " + scale + " is not a number greater than 0");
        }
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        checkPerChannel("mean", mean, channels);
        checkPerChannel("std", std, channels);
        if (std.stream().anyMatch(s -> !(s > 0) || s.isInfinite())) {
            throw new IllegalArgumentException("input std " + std + " has an entry that is not greater than 0");
        }
    }

    private static void checkPerChannel(String name, List<Double> values, int channels) {
        boolean fits = values.size() == 1 || (channels > 0 ? values.size() == channels : values.size() == 3);
        if (!fits || values.stream().anyMatch(v -> !Double.isFinite(v))) {
            throw new IllegalArgumentException("input " + name + " " + values + " does not have one finite entry"
                    + " per channel");
        }
    }

    /** The model input this config names, or empty when it leaves the shape to the model. */
    public Optional<InputSpec> spec() {
        if (layout == null) {
            return Optional.empty();
        }
        return Optional.of(layout == InputLayout.FLAT ? InputSpec.flatImage(channels, height, width)
                : InputSpec.image(layout, channels, height, width));
    }

    /**
     * The preprocessing for an input with {@code channels} channels (the model's, when the config gives no layout).
     *
     * @throws IllegalArgumentException when mean or std has one entry per channel of another channel count
     */
    public Preprocessing preprocessing(int channels) {
        return new Preprocessing(scale, perChannel("mean", mean, channels), perChannel("std", std, channels));
    }

    /** Whether {@link #preprocessing(int)} fits an input with this many channels. */
    public boolean fits(int channels) {
        return (mean.size() == 1 || mean.size() == channels) && (std.size() == 1 || std.size() == channels);
    }

    private static List<Double> perChannel(String name, List<Double> values, int channels) {
        if (values.size() == channels) {
            return values;
        }
        if (values.size() != 1) {
            throw new IllegalArgumentException("input " + name + " has " + values.size() + " entries, but the input"
                    + " has " + channels + (channels == 1 ? " channel" : " channels"));
        }
        List<Double> out = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            out.add(values.get(0));
        }
        return out;
    }

    static InputConfig read(ConfigNode node) {
        if (node.isAbsent()) {
            return DEFAULT;
        }
        var keys = node.entries(KEYS, "input takes");
        InputLayout layout = null;
        int width = 0;
        int height = 0;
        int channels = 0;
        ConfigNode layoutNode = node.get("layout");
        if (layoutNode.isPresent()) {
            layout = layout(layoutNode);
            width = dimension(node, "width");
            height = dimension(node, "height");
            ConfigNode c = required(node, "channels");
            channels = (int) c.wholeNumber();
            if (channels != 1 && channels != 3) {
                throw c.error("'" + c.path() + "' must be 1 (grayscale) or 3 (RGB), got " + c.describe());
            }
        } else {
            for (String k : List.of("width", "height", "channels")) {
                if (keys.containsKey(k)) {
                    throw node.error("'" + node.get(k).path() + "' needs 'input.layout' (NCHW, NHWC or flat)"
                            + " beside it");
                }
            }
        }
        double scale = DEFAULT_SCALE;
        ConfigNode s = node.get("scale");
        if (s.isPresent()) {
            scale = s.number();
            if (!(scale > 0)) {
                throw s.error("'" + s.path() + "' must be a number greater than 0, got " + s.describe());
            }
        }
        List<Double> mean = perChannel(node.get("mean"), channels, 0.0, false);
        List<Double> std = perChannel(node.get("std"), channels, 1.0, true);
        return new InputConfig(layout, width, height, channels, scale, mean, std);
    }

    private static InputLayout layout(ConfigNode node) {
        String t = ConfigNode.folded(node.text());
        return switch (t) {
            case "nchw" -> InputLayout.NCHW;
            case "nhwc" -> InputLayout.NHWC;
            case "flat" -> InputLayout.FLAT;
            default -> throw node.error("'" + node.path() + "' must be NCHW, NHWC or flat, got " + node.describe());
        };
    }

    private static ConfigNode required(ConfigNode input, String key) {
        ConfigNode n = input.get(key);
        if (n.isAbsent()) {
            throw n.error("'" + n.path() + "' is required with 'input.layout' (width, height and channels give the"
                    + " input's shape)");
        }
        return n;
    }

    private static int dimension(ConfigNode input, String key) {
        return (int) required(input, key).wholeNumber(1, 1 << 16);
    }

    private static List<Double> perChannel(ConfigNode node, int channels, double fallback, boolean positive) {
        if (node.isAbsent()) {
            return List.of(fallback);
        }
        List<ConfigNode> entries = node.listOrOne("numbers");
        String expected = channels > 0 ? "one number per channel (" + channels + ") or a single number"
                : "a single number or one per channel (3)";
        if (entries.size() != 1 && entries.size() != (channels > 0 ? channels : 3)) {
            throw node.error("'" + node.path() + "' must be " + expected + ", got " + entries.size() + " entries");
        }
        List<Double> out = new ArrayList<>();
        for (ConfigNode e : entries) {
            double v = e.number();
            if (positive && !(v > 0)) {
                throw e.error("'" + e.path() + "' must be a number greater than 0, got " + e.describe());
            }
            out.add(v);
        }
        return out;
    }
}
