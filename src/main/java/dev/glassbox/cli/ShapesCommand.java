package dev.glassbox.cli;

import dev.glassbox.GlassboxException;
import dev.glassbox.data.PlantedFlaws;
import dev.glassbox.data.ShapesGenerator;
import dev.glassbox.data.ShapesSplit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox shapes --out DIR}: the generated shapes data set with its planted flaws. */
@Command(name = "shapes",
        description = {"Generate the shapes data set: 32x32 circles, squares, triangles, stars, crosses and rings,"
                + " with object masks, tag masks and a manifest.csv per split.",
                "The biased splits carry two planted flaws: 90%% of stars sit on a blue background and 90%% of"
                        + " crosses carry a magenta tag in a corner (3%% of the other classes get each). In the clean"
                        + " splits each appears on 15%% of every class."})
final class ShapesCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed = 7;

    @Option(names = "--train-per-class", paramLabel = "N",
            description = "Pictures per class in each training split (default ${DEFAULT-VALUE}).")
    int trainPerClass = 1000;

    @Option(names = "--test-per-class", paramLabel = "N",
            description = "Pictures per class in each test split (default ${DEFAULT-VALUE}).")
    int testPerClass = 200;

    @Option(names = "--splits", split = ",", paramLabel = "SPLIT",
            description = "Which splits (default: all): train-biased, train-clean, test-biased, test-clean.")
    List<String> splits;

    @Option(names = "--flaws", paramLabel = "SET", description = "Which planted flaws the biased splits carry:"
            + " standard (stars on blue, crosses with a magenta bottom-right tag; the default) or alternate (squares"
            + " on violet, triangles with a yellow top-left tag), to try the battery on a flaw it was not built on.")
    String flaws = PlantedFlaws.STANDARD.name();

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (trainPerClass < 1 || testPerClass < 1) {
            throw GlassboxException.usage("--train-per-class and --test-per-class must be at least 1");
        }
        List<ShapesSplit> chosen = new ArrayList<>();
        if (splits == null || splits.isEmpty()) {
            chosen.addAll(List.of(ShapesSplit.values()));
        } else {
            for (String s : splits) {
                ShapesSplit split = ShapesSplit.byFolder(s.trim());
                if (split == null) {
                    throw GlassboxException.usage("unknown split '" + s + "' (choose from train-biased, train-clean,"
                            + " test-biased, test-clean)");
                }
                if (!chosen.contains(split)) {
                    chosen.add(split);
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar progress = ProgressBar.onStderr(spec.commandLine().getErr());
        PlantedFlaws planted = PlantedFlaws.byName(flaws);
        if (planted == null) {
            throw GlassboxException.usage("unknown --flaws '" + flaws + "' (choose standard or alternate)");
        }
        ShapesGenerator generator = new ShapesGenerator(seed, planted);
        for (ShapesSplit split : chosen) {
            int perClass = split.isTrain() ? trainPerClass : testPerClass;
            long t0 = System.nanoTime();
            generator.write(this.out, split, perClass, progress);
            out.printf(Locale.ROOT, "%s: %d pictures in %s (%.1f s)%n", split.folder(), perClass * 6,
                    this.out.resolve(split.folder()), (System.nanoTime() - t0) / 1e9);
            out.flush();
        }
        return 0;
    }
}
