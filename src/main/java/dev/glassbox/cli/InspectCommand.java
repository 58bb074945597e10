package dev.glassbox.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.glassbox.model.GradientCheck;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.LayerInfo;
import dev.glassbox.model.LoadedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glassbox inspect MODEL [--verify-gradients] [--json]}: layers, input spec, classes, gradient self-check. */
@Command(name = "inspect",
        description = {"Show a model's layers, the input it takes and its number of classes.",
                "With --verify-gradients, check Glassbox's gradients against finite differences on this model:"
                        + " every heatmap rests on them. Exits 1 when they disagree."})
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A DL4J model zip or a Keras 2 .h5 file.")
    Path modelFile;

    @Option(names = "--verify-gradients", description = "Compare gradients with central finite differences.")
    boolean verify;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Mixin
    InputOption input;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedModel model = input.load(modelFile);
        GradientEngine engine = GradientEngine.create(model);
        GradientCheck.Result check = null;
        if (verify) {
            err.println("Checking gradients against finite differences (double precision, "
                    + engine.layers().size() + " layers) ...");
            err.flush();
            check = GradientCheck.standard(model).run();
        }
        if (json) {
            printJson(out, engine, check);
        } else {
            printTable(out, model, engine, check);
        }
        out.flush();
        return check != null && !check.passed() ? 1 : 0;
    }

    private static void printTable(PrintWriter out, LoadedModel model, GradientEngine engine,
                                   GradientCheck.Result check) {
        out.printf(Locale.ROOT, "Model:   %s (%s, %s, %,d parameters)%n", model.file(), model.format().label(),
                model.networkKind(), model.parameterCount());
        out.printf(Locale.ROOT, "Input:   %s%n", model.input().describe());
        out.printf(Locale.ROOT, "Classes: %d%s%n", engine.classes(), engine.hasSoftmaxHead()
                ? " (the softmax at the end is set aside: attributions explain the pre-softmax scores)" : "");
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"layer", "type", "output shape", "params"});
        for (LayerInfo l : engine.layers()) {
            rows.add(new String[] {l.name(), l.type(), l.shapeText(), String.format(Locale.ROOT, "%,d", l.params())});
        }
        int[] width = new int[4];
        for (String[] r : rows) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            out.printf(Locale.ROOT, "  %-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %" + width[3]
                    + "s%n", r[0], r[1], r[2], r[3]);
        }
        List<String> spatial = engine.spatialLayers().stream().map(LayerInfo::name).toList();
        out.println();
        out.println("Layers with spatial output (for grad-cam and neuron groups): "
                + (spatial.isEmpty() ? "none" : String.join(", ", spatial)));
        if (check != null) {
            out.println();
            out.printf(Locale.ROOT, "Gradient check: %s. Largest relative error %.2e (tolerance %.0e) over %d points"
                            + " at the input and %d layers; %d points within a step of a ReLU kink or pooling tie"
                            + " were skipped.%n",
                    check.passed() ? "PASSED" : "FAILED", check.maxRelativeError(), check.tolerance(), check.points(),
                    check.sites().size() - 1, check.skipped());
            if (!check.passed()) {
                out.printf(Locale.ROOT, "The worst disagreement is at %s (%.2e). Attributions for this model cannot be"
                        + " trusted until this is fixed; please report it with the model.%n",
                        check.worst().name(), check.worst().maxRelativeError());
            }
        }
    }

    private static void printJson(PrintWriter out, GradientEngine engine, GradientCheck.Result check)
            throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerInfo l : engine.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", l.name());
            m.put("type", l.type());
            m.put("outputShape", l.outputShape());
            m.put("params", l.params());
            layers.add(m);
        }
        root.put("layers", layers);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("shape", engine.input().exampleShape());
        input.put("layout", engine.input().layout().name());
        root.put("input", input);
        root.put("classes", engine.classes());
        if (check != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("maxRelativeError", check.maxRelativeError());
            g.put("points", check.points());
            g.put("passed", check.passed());
            g.put("skipped", check.skipped());
            g.put("tolerance", check.tolerance());
            root.put("gradientCheck", g);
        }
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
    }
}
