package dev.glassbox.cli;

import dev.glassbox.bench.EngineBenchmark;
import dev.glassbox.bench.FeatureVisBenchmark;
import dev.glassbox.bench.MethodBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
        "steps/s against the bare passes, and the neuron-group pages end to end on generated shapes."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--seconds", paramLabel = "S", description = "Time spent on each measurement (default 2).")
    double seconds = 2.0;

    @Option(names = "--write", paramLabel = "FILE", description = "Also write the Markdown to FILE.")
    Path write;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Model for the attribution-method and feature-visualization figures (default: the demo's"
                    + " shapes-flawed.zip).")
    Path model;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (write != null && !Files.isDirectory(write.toAbsolutePath().getParent())) {
            throw dev.glassbox.GlassboxException.usage("--write " + write + ": the folder "
                    + write.toAbsolutePath().getParent() + " does not exist");
        }
        ProgressBar progress = ProgressBar.onStderr(spec.commandLine().getErr());
        Path file = model != null ? model : Home.folder().resolve("fixtures/models/shapes-flawed.zip");
        dev.glassbox.model.GradientEngine engine = dev.glassbox.model.GradientEngine.create(
                new dev.glassbox.model.ModelLoader().load(file));
        String name = "`" + file.getFileName() + "`";
        String markdown = new EngineBenchmark(seconds, progress).run() + "\n"
                + new MethodBenchmark(engine, seconds, progress).run(name) + "\n"
                + new FeatureVisBenchmark(engine, seconds, progress).run(name);
        out.println(markdown);
        out.flush();
        if (write != null) {
            Path tmp = Files.createTempFile(write.toAbsolutePath().getParent(), ".bench", ".md");
            Files.writeString(tmp, markdown);
            Files.move(tmp, write, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return 0;
    }
}
