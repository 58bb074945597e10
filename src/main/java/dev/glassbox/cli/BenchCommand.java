package dev.glassbox.cli;

import dev.glassbox.bench.EngineBenchmark;
import dev.glassbox.bench.FeatureVisBenchmark;
import dev.glassbox.bench.MethodBenchmark;
import dev.glassbox.bench.PictureBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox bench}: the performance figures, printed as Markdown. */
@Command(name = "bench", description = {"Measure the gradient engine: images/s for forward and forward+gradient",
        "passes at several batch sizes, the cost relative to DL4J's own calculateGradients, and peak memory;",
        "each attribution method against the bare passes it needs; and feature visualization: optimization",
        "steps/s against the bare passes, and the neuron-group pages end to end on generated shapes.",
        "With --model and --images: each method on your model and pictures instead (pictures/s, peak memory,",
        "time against the bare passes)."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--seconds", paramLabel = "S", description = "Time spent on each measurement (default 2).")
    double seconds = 2.0;

    @Option(names = "--write", paramLabel = "FILE", description = "Also write the Markdown to FILE (a file an"
            + " earlier bench wrote is replaced; any other file is left alone).")
    Path write;

    /** The first line of what {@code --write} writes: how a later run knows the file is a bench table. */
    static final String WRITTEN_BY = "<!-- written by glassbox bench -->";

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Model for the attribution-method and feature-visualization figures (default: the demo's"
                    + " shapes-flawed.zip).")
    Path model;

    @Option(names = "--images", paramLabel = "DIR", description = "Pictures (any image files under DIR, scaled to"
            + " [0, 1] as explain reads them): time each method on them with --model.")
    Path images;

    @Option(names = "--methods", paramLabel = "M,...", split = ",", description = "With --images: the methods"
            + " (default: saliency, input-x-gradient, integrated-gradients, smoothgrad, guided-backprop, grad-cam,"
            + " occlusion).")
    List<String> methods;

    @Option(names = "--param", paramLabel = "METHOD.NAME=VALUE", description = "With --images: a method's"
            + " parameter, e.g. occlusion.window=4,4,3 or grad-cam.layer=conv2d_21.")
    List<String> params = new ArrayList<>();

    @Option(names = "--rounds", paramLabel = "N", description = "With --images: timed rounds per method after a"
            + " warm-up (default 3).")
    int rounds = 3;

    @Mixin
    InputOption input;

    @Mixin
    MemoryOption memory;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        checkWrite();
        ProgressBar progress = ProgressBar.onStderr(spec.commandLine().getErr());
        if (images != null && model == null) {
            throw dev.glassbox.GlassboxException.usage("--images needs --model: the model to explain the pictures"
                    + " with");
        }
        Path file = model != null ? model : Home.folder().resolve("fixtures/models/shapes-flawed.zip");
        dev.glassbox.model.GradientEngine engine = dev.glassbox.model.GradientEngine.create(input.load(file),
                org.nd4j.linalg.api.buffer.DataType.FLOAT, memory.budget());
        String name = "`" + file.getFileName() + "`";
        String markdown = images != null ? pictures(engine, name, progress)
                : new EngineBenchmark(seconds, progress).run() + "\n"
                + new MethodBenchmark(engine, seconds, progress).run(name) + "\n"
                + new FeatureVisBenchmark(engine, seconds, progress).run(name);
        out.println(markdown);
        out.flush();
        if (write != null) {
            Path tmp = Files.createTempFile(write.toAbsolutePath().getParent(), ".bench", ".md");
            Files.writeString(tmp, WRITTEN_BY + "\n" + markdown);
            Files.move(tmp, write, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return 0;
    }

    /**
     * {@code --write} names a file in an existing folder that is not an input of this run and that, where it exists,
     * an earlier bench wrote: checked before any work, so nothing is measured only to be refused.
     */
    private void checkWrite() throws java.io.IOException {
        if (write == null) {
            return;
        }
        Path target = write.toAbsolutePath().normalize();
        if (!Files.isDirectory(target.getParent())) {
            throw dev.glassbox.GlassboxException.usage("--write " + write + ": the folder " + target.getParent()
                    + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw dev.glassbox.GlassboxException.usage("--write " + write + " is a folder; --write takes the name of"
                    + " a file to write");
        }
        for (Path input : new Path[] {model, images}) {
            if (input != null && Files.exists(target) && Files.isSameFile(target, input)) {
                throw dev.glassbox.GlassboxException.usage("--write " + write + " is an input of this command;"
                        + " Glassbox never writes over what it reads");
            }
        }
        if (Files.exists(target)) {
            String first;
            try (var lines = Files.lines(target)) {
                first = lines.findFirst().orElse("");
            } catch (java.io.UncheckedIOException e) {
                first = "";
            }
            if (!first.equals(WRITTEN_BY)) {
                throw dev.glassbox.GlassboxException.usage("--write " + write + " exists and was not written by"
                        + " glassbox bench, so it is left alone; choose another name, or move it away");
            }
        }
    }

    /** Each method on the pictures under {@link #images}. */
    private String pictures(dev.glassbox.model.GradientEngine engine, String name, ProgressBar progress)
            throws java.io.IOException {
        List<Path> files;
        try (var walk = Files.walk(images)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString()
                    .toLowerCase(java.util.Locale.ROOT).matches(".*\\.(png|jpe?g|bmp|gif)")).sorted().toList();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw dev.glassbox.GlassboxException.badInput(images, "cannot be read: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw dev.glassbox.GlassboxException.badInput(images, "holds no pictures (.png, .jpg, .bmp, .gif)");
        }
        var in = engine.input();
        double[] values = new double[(int) (files.size() * in.length())];
        for (int i = 0; i < files.size(); i++) {
            System.arraycopy(ExplainInputs.readImage(files.get(i), in), 0, values, (int) (i * in.length()),
                    (int) in.length());
        }
        var batch = org.nd4j.linalg.factory.Nd4j.create(values, in.batchShape(files.size()), 'c');
        java.util.Map<String, java.util.Map<String, String>> byMethod = new java.util.LinkedHashMap<>();
        for (String p : params) {
            int dot = p.indexOf('.');
            int eq = p.indexOf('=');
            if (dot <= 0 || eq <= dot + 1) {
                throw dev.glassbox.GlassboxException.usage("--param '" + p + "' is not METHOD.NAME=VALUE, e.g."
                        + " occlusion.window=4,4,3");
            }
            byMethod.computeIfAbsent(p.substring(0, dot).trim(), k -> new java.util.LinkedHashMap<>())
                    .put(p.substring(dot + 1, eq).trim(), p.substring(eq + 1).trim());
        }
        List<String> chosen = methods == null || methods.isEmpty() ? PictureBenchmark.DEFAULT_METHODS : methods;
        for (String m : byMethod.keySet()) {
            if (!chosen.contains(m)) {
                throw dev.glassbox.GlassboxException.usage("--param for " + m + ", which is not among the methods "
                        + chosen);
            }
        }
        return new PictureBenchmark(engine, batch, rounds, progress).run(PictureBenchmark.cases(chosen, byMethod),
                name, "`" + images.getFileName() + "`");
    }
}
