package dev.glassbox.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.GlassboxException;
import dev.glassbox.attribution.Attribution;
import dev.glassbox.attribution.AttributionMethod;
import dev.glassbox.attribution.AttributionMethods;
import dev.glassbox.files.StagedOutput;
import dev.glassbox.imaging.Diverging;
import dev.glassbox.imaging.InputPicture;
import dev.glassbox.imaging.Overlay;
import dev.glassbox.imaging.PixelRange;
import dev.glassbox.imaging.PngFiles;
import dev.glassbox.imaging.Upscale;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.LoadedModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glassbox explain MODEL INPUT... --method M}: attribution maps for single inputs. */
@Command(name = "explain",
        description = {"Explain a model's score for single inputs with one attribution method.",
                "An INPUT is an image file (scaled to [0, 1]) or a .json file holding one preprocessed input tensor"
                        + " in the model's input shape. Several INPUTs form one batch."})
final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A DL4J model zip or a Keras 2 .h5 file.")
    Path modelFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT", description = "Image or .json tensor files.")
    List<Path> inputs;

    @Option(names = "--method", required = true, paramLabel = "M", description = {"One of saliency,"
            + " input-x-gradient, integrated-gradients, smoothgrad, guided-backprop, grad-cam, guided-grad-cam,"
            + " occlusion, rise."})
    String method;

    @Option(names = "--target", paramLabel = "CLASS", description = "The class index to explain (default: each"
            + " input's predicted class).")
    Integer target;

    @Option(names = "--layer", paramLabel = "L", description = "The layer for grad-cam and guided-grad-cam"
            + " (default: the last layer with spatial output).")
    String layer;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A method parameter, e.g. steps=500,"
            + " method=riemann-right, window=1,2,2, baseline=10, relu=false, samples=25, sigma=0.15.")
    List<String> params = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Write the raw maps as JSON.")
    Path json;

    @Option(names = "--out", paramLabel = "DIR", description = "Write heatmap overlays as PNG files.")
    Path out;

    @Option(names = "--force", description = "Replace output files Glassbox did not write (never the model or an"
            + " INPUT).")
    boolean force;

    @Option(names = "--precision", paramLabel = "P", description = {"float or double: the arithmetic of the passes.",
            "Default: float for pictures (as fast as the model runs), double when an INPUT is a .json tensor"
                    + " (maps compared with exact answers)."})
    String precision;

    @Mixin
    MemoryOption memory;

    @Mixin
    InputOption input;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> parameters = parameters();
        ExplainOutputs outputs = new ExplainOutputs(modelFile, inputs, method, force);
        // where the output goes is checked before any work, and nothing is written until all of it is ready
        outputs.requireJson(json);
        outputs.requirePictures(out);
        LoadedModel model = input.load(modelFile);
        GradientEngine engine = GradientEngine.create(model, dataType(), memory.budget());
        AttributionMethod attribution = AttributionMethods.create(method, engine, parameters);
        InputSpec in = engine.input();
        int n = inputs.size();
        double[] values = new double[(int) (n * in.length())];
        for (int i = 0; i < n; i++) {
            System.arraycopy(ExplainInputs.read(inputs.get(i), in), 0, values, (int) (i * in.length()),
                    (int) in.length());
        }
        INDArray batch = Nd4j.create(values, in.batchShape(n), 'c').castTo(engine.dataType());
        int[] targets = targets(engine, batch);
        Attribution result = attribution.attribute(batch, targets);
        if (json != null) {
            try (StagedOutput staged = outputs.jsonOutput(json)) {
                writeJson(result, targets, staged.stage(json));
                staged.commit();
            }
        }
        if (out != null) {
            if (!in.isImage()) {
                err.println("glassbox: note: the model's input " + in.describe() + " is not an image; no pictures"
                        + " written (use --json for the raw maps)");
            } else {
                try (StagedOutput staged = outputs.pictureOutput(out)) {
                    writePictures(result, batch, in, outputs, staged);
                    staged.commit();
                }
            }
        }
        for (int i = 0; i < n; i++) {
            stdout.printf(Locale.ROOT, "%s: %s for class %d%s%n", inputs.get(i), attribution.name(), targets[i],
                    result.convergenceDelta() == null ? ""
                            : String.format(Locale.ROOT, ", convergence delta %.3g", result.convergenceDelta()[i]));
        }
        stdout.flush();
        return 0;
    }

    /**
     * Single precision for pictures, whose 8-bit values float holds exactly and whose maps are looked at; double for
     * .json tensors, the form in which known answers are given, or where {@code --precision} says.
     */
    private DataType dataType() {
        if (precision == null) {
            boolean tensors = inputs.stream().anyMatch(ExplainInputs::isTensor);
            return tensors ? DataType.DOUBLE : DataType.FLOAT;
        }
        return switch (precision.trim().toLowerCase(Locale.ROOT)) {
            case "float", "float32", "single" -> DataType.FLOAT;
            case "double", "float64" -> DataType.DOUBLE;
            default -> throw GlassboxException.usage("--precision '" + precision + "' is not float or double");
        };
    }

    private Map<String, String> parameters() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw GlassboxException.usage("--param '" + p + "' is not NAME=VALUE, e.g. --param steps=500");
            }
            map.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        if (layer != null) {
            map.put("layer", layer);
        }
        return map;
    }

    private int[] targets(GradientEngine engine, INDArray batch) {
        int n = (int) batch.size(0);
        int[] t = new int[n];
        if (target != null) {
            if (target < 0 || target >= engine.classes()) {
                throw GlassboxException.usage("--target " + target + " is out of range: the model has "
                        + engine.classes() + " classes (0 to " + (engine.classes() - 1) + ")");
            }
            Arrays.fill(t, target);
            return t;
        }
        INDArray logits = engine.logits(batch);
        for (int i = 0; i < n; i++) {
            t[i] = logits.getRow(i).argMax().getInt(0);
        }
        return t;
    }

    private void writeJson(Attribution result, int[] targets, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("method", method);
        // One number when every input has the same target (always so with --target), else one per input.
        root.put("target", Arrays.stream(targets).distinct().count() == 1 ? (Object) targets[0] : targets);
        List<Map<String, Object>> results = new ArrayList<>();
        INDArray maps = result.maps();
        long[] shape = Arrays.copyOfRange(maps.shape(), 1, maps.rank());
        double[] all = maps.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int size = all.length / inputs.size();
        for (int i = 0; i < inputs.size(); i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("input", inputs.get(i).toString());
            r.put("shape", shape);
            double[] v = Arrays.copyOfRange(all, i * size, (i + 1) * size);
            r.put("attribution", nested(v, shape, 0, new int[] {0}));
            r.put("convergenceDelta", result.convergenceDelta() == null ? null : result.convergenceDelta()[i]);
            results.add(r);
        }
        root.put("results", results);
        new ObjectMapper().writeValue(file.toFile(), root);
    }

    private static Object nested(double[] v, long[] shape, int depth, int[] next) {
        if (depth == shape.length) {
            return v[next[0]++];
        }
        List<Object> list = new ArrayList<>();
        for (long k = 0; k < shape[depth]; k++) {
            list.add(nested(v, shape, depth + 1, next));
        }
        return list;
    }

    private void writePictures(Attribution result, INDArray batch, InputSpec in, ExplainOutputs outputs,
                               StagedOutput staged) throws IOException {
        INDArray maps = result.maps();
        float[] examples = batch.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] maps0 = maps.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int inSize = examples.length / inputs.size();
        int mapSize = maps0.length / inputs.size();
        for (int i = 0; i < inputs.size(); i++) {
            float[] example = Arrays.copyOfRange(examples, i * inSize, (i + 1) * inSize);
            float[] map = Arrays.copyOfRange(maps0, i * mapSize, (i + 1) * mapSize);
            BufferedImage picture;
            if (maps.rank() == 3 && map.length != example.length) {
                // a layer-sized Grad-CAM map (upsample=false): the map alone
                picture = Diverging.mapOnly(map, (int) maps.size(1), (int) maps.size(2));
            } else {
                BufferedImage image = InputPicture.of(example, in, range(example));
                if (method.equals("rise")) {
                    // RISE scores carry the mean masked score as an offset; only differences between pixels mean
                    // something, so the picture starts at the map's minimum.
                    float min = Float.POSITIVE_INFINITY;
                    for (float f : map) {
                        min = Math.min(min, f);
                    }
                    for (int j = 0; j < map.length; j++) {
                        map[j] -= min;
                    }
                }
                boolean signed = false;
                for (float f : map) {
                    signed |= f < 0;
                }
                picture = signed ? Diverging.overlay(image, channelSum(map, in))
                        : Overlay.of(image, InputPicture.saliency(map, in));
            }
            int factor = Upscale.factorFor(picture.getWidth(), picture.getHeight(), 256);
            PngFiles.writeSigned(Upscale.nearest(picture, factor), staged.stage(outputs.picture(out, i)));
        }
    }

    /** A picture range of [0, 1] where the input lies in it, else the input's own range. */
    private static PixelRange range(float[] example) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float f : example) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        return lo >= 0 && hi <= 1 || hi <= lo ? PixelRange.UNIT : new PixelRange(lo, hi);
    }

    /** Signed values summed over the channels at each pixel. */
    private static float[] channelSum(float[] map, InputSpec in) {
        float[] plane = new float[in.height() * in.width()];
        int h = in.height();
        int w = in.width();
        int c = in.channels();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int ch = 0; ch < c; ch++) {
                    s += map[switch (in.layout()) {
                        case NHWC -> (y * w + x) * c + ch;
                        case NCHW, FLAT -> (ch * h + y) * w + x;
                    }];
                }
                plane[y * w + x] = s;
            }
        }
        return plane;
    }
}
