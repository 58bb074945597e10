package dev.glassbox.cli;

import dev.glassbox.GlassboxException;
import dev.glassbox.data.ImageFiles;
import dev.glassbox.data.ImageFolder;
import dev.glassbox.data.InMemoryImages;
import dev.glassbox.data.ShapeKind;
import dev.glassbox.data.ShapesGenerator;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.training.RecallTable;
import dev.glassbox.training.Trainer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox train --data DIR --out MODEL.zip}: trains the small shapes CNN the fixture models are. */
@Command(name = "train",
        description = {"Train the small shapes CNN (conv 16 - pool - conv 32 - pool - dense 64 - softmax) on an"
                + " image folder with one subfolder per class, and save it as a DL4J model zip.",
                "Input: RGB, channels first, pixel / 255. Class order: the shapes order (circle, square, triangle,"
                        + " star, cross, ring) for the shapes data set, otherwise the sorted folder names."})
final class TrainCommand implements Callable<Integer> {


    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Training images, one folder per class.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model zip.")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the data (default ${DEFAULT-VALUE}).")
    int epochs = 8;

    @Option(names = "--seed", paramLabel = "N", description = "Weights and minibatch order (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--batch", paramLabel = "N", description = "Images per step (default ${DEFAULT-VALUE}).")
    int batch = 32;

    @Option(names = "--learning-rate", paramLabel = "R", description = "Adam step size (default ${DEFAULT-VALUE}).")
    double learningRate = 0.003;

    @Option(names = "--evaluate", paramLabel = "DIR",
            description = "After training, print accuracy and per-class recall on this folder (repeatable).")
    List<Path> evaluate;

    @Option(names = "--force", description = "Replace an existing file at --out.")
    boolean force;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Trainer.Settings settings = new Trainer.Settings(epochs, seed, batch, learningRate);
        if (!this.out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw GlassboxException.usage("--out must name a .zip file (a DL4J model), not " + this.out);
        }
        if (Files.isDirectory(this.out)) {
            throw GlassboxException.usage("--out " + this.out + " is a folder; name the model's .zip file");
        }
        if (Files.exists(this.out) && !force) {
            throw GlassboxException.usage("--out " + this.out + " exists; Glassbox will not write over a model file:"
                    + " choose another --out, or add --force to replace it");
        }
        ImageFolder folder = ImageFolder.open(data, classOrder(data));
        int side = sideOf(folder);
        InMemoryImages images = folder.load(side, side, ShapesGenerator.PIXEL_SCALE);
        out.printf(Locale.ROOT, "Training on %d images of %d classes %s (%dx%d)%n", images.size(),
                folder.classes().size(), folder.classes(), side, side);
        out.flush();
        long t0 = System.nanoTime();
        MultiLayerNetwork net = new Trainer(settings).train(images, ProgressBar.onStderr(err), line -> {
            out.println(line);
            out.flush();
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        Trainer.save(net, this.out);
        out.printf(Locale.ROOT, "Trained in %.1f s; wrote %s%n", seconds, this.out);
        if (evaluate != null && !evaluate.isEmpty()) {
            Evaluation first = null;
            StringBuilder table = new StringBuilder();
            for (Path dir : evaluate) {
                InMemoryImages test = ImageFolder.open(dir, folder.classes()).load(side, side, ShapesGenerator.PIXEL_SCALE);
                Evaluation e = RecallTable.evaluate(dir.toString(), test, x -> net.output(x, false), 256);
                if (first == null) {
                    first = e;
                    table.append(RecallTable.header("data (recall %)", e)).append('\n');
                }
                table.append(RecallTable.row(dir.toString(), e)).append('\n');
            }
            out.println();
            out.print(table);
        }
        out.flush();
        return 0;
    }

    /** The shapes order when the folders are the six shapes, otherwise sorted folder names. */
    static List<String> classOrder(Path data) {
        List<String> names = ImageFolder.open(data).classes();
        List<String> shapes = Arrays.stream(ShapeKind.values()).map(ShapeKind::label).toList();
        return new HashSet<>(names).equals(new HashSet<>(shapes)) ? shapes : names;
    }

    private static int sideOf(ImageFolder folder) {
        Path first = folder.entries().get(0).file();
        ImageFiles.Size size = ImageFiles.size(first);
        if (size.width() != size.height()) {
            throw GlassboxException.badInput(first, "is " + size + "; the shapes CNN takes square images");
        }
        return size.width();
    }
}
