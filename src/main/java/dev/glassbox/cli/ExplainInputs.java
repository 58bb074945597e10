package dev.glassbox.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.GlassboxException;
import dev.glassbox.data.ImageFiles;
import dev.glassbox.model.InputSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads an {@code explain} INPUT: an image file, or a {@code .json} nested array already in the model's shape. */
final class ExplainInputs {

    private ExplainInputs() {}

    /** One example's values in the model's input layout, row-major. */
    static double[] read(Path file, InputSpec spec) {
        return isTensor(file) ? readJson(file, spec) : readImage(file, spec);
    }

    /** Whether the input is a {@code .json} tensor rather than a picture. */
    static boolean isTensor(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    static double[] readJson(Path file, InputSpec spec) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw GlassboxException.badInput(file, "is not readable JSON (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")", e);
        }
        List<Long> shape = new ArrayList<>();
        JsonNode n = root;
        while (n != null && n.isArray()) {
            shape.add((long) n.size());
            n = n.size() > 0 ? n.get(0) : null;
        }
        long[] expected = spec.exampleShape();
        String want = "; the model takes one input of shape " + Arrays.toString(expected) + " (" + spec.describe()
                + "), without the batch dimension";
        long[] got = shape.stream().mapToLong(Long::longValue).toArray();
        if (!Arrays.equals(got, expected)) {
            throw GlassboxException.badInput(file, "holds a tensor of shape " + Arrays.toString(got) + want);
        }
        double[] out = new double[(int) spec.length()];
        int[] next = {0};
        flatten(file, root, 0, got, out, next, want);
        return out;
    }

    private static void flatten(Path file, JsonNode node, int depth, long[] shape, double[] out, int[] next,
                                String want) {
        if (depth == shape.length) {
            if (!node.isNumber()) {
                throw GlassboxException.badInput(file, "holds " + node + " where a number belongs" + want);
            }
            out[next[0]++] = node.doubleValue();
            return;
        }
        if (!node.isArray() || node.size() != shape[depth]) {
            throw GlassboxException.badInput(file, "is not a rectangular nested array" + want);
        }
        for (JsonNode child : node) {
            flatten(file, child, depth + 1, shape, out, next, want);
        }
    }

    /**
     * A picture scaled to [0, 1] (pixel / 255), in the model's layout: a one-channel model sees a colour picture's
     * luma, a three-channel model a gray picture's value in each channel (as the battery reads its data folders).
     */
    static double[] readImage(Path file, InputSpec spec) {
        if (!spec.isImage()) {
            throw GlassboxException.badInput(file, "is an image, but the model takes " + spec.describe()
                    + "; give the input as a .json file holding that tensor");
        }
        if (spec.channels() != 1 && spec.channels() != 3) {
            throw GlassboxException.badInput(file, "is a picture, but the model takes " + spec.channels()
                    + " channels; give the input as a .json file");
        }
        int h = spec.height();
        int w = spec.width();
        float[] chw = new float[spec.channels() * h * w];
        ImageFiles.read(file, w, h, "the model takes").toChannelsFirst(spec.channels(), (c, v) -> v / 255.0, chw, 0);
        double[] out = new double[(int) spec.length()];
        for (int c = 0; c < spec.channels(); c++) {
            for (int p = 0; p < h * w; p++) {
                int at = switch (spec.layout()) {
                    case NHWC -> p * spec.channels() + c;
                    case NCHW, FLAT -> c * h * w + p;
                };
                out[at] = chw[c * h * w + p];
            }
        }
        return out;
    }
}
