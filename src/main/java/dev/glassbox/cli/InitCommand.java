package dev.glassbox.cli;

import dev.glassbox.GlassboxException;
import dev.glassbox.config.BatteryConfig;
import dev.glassbox.config.StarterConfig;
import dev.glassbox.data.ImageFiles;
import dev.glassbox.data.ImageFolder;
import dev.glassbox.data.ScaleProbe;
import dev.glassbox.files.StagedOutput;
import dev.glassbox.model.GradientEngine;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import dev.glassbox.model.LoadedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glassbox init MODEL IMAGES...}: a first battery config from what the model and the pictures say. */
@Command(name = "init", description = {"Write a first battery config for a model and folders of labelled pictures"
        + " (one subfolder per class): the input the model takes, the class order, the pixel scale (tried on the"
        + " model), the data folders with their masks, and the checks that fit. 'glassbox report' runs it as it is.",
        "Exit code: 0 when written, 2 for a usage error, 3 for an unreadable model or folder."})
final class InitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A DL4J model zip or a Keras 2 .h5 file.")
    Path modelFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGES",
            description = "Folders of pictures, one subfolder per class; each becomes a data set.")
    List<Path> folders;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "battery.yaml",
            description = "Where to write the config (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--force", description = "Replace an existing file at --out that Glassbox did not write.")
    boolean force;

    @Mixin
    InputOption input;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (!target.getFileName().toString().matches("(?i).*\\.ya?ml")) {
            throw GlassboxException.usage("--out " + out + " must name a .yaml file");
        }
        StagedOutput.requireReplaceable("--out", List.of(configTarget(target)));
        LoadedModel model = input.load(modelFile);
        GradientEngine engine = GradientEngine.create(model);
        ImageFolder first = ImageFolder.open(folders.get(0));
        InputSpec size = pictureSize(engine.input(), first);
        List<String> classes = classes(engine.classes(), first);
        ImageFolder ordered = ImageFolder.open(folders.get(0), classes);
        List<ScaleProbe.Outcome> outcomes = ScaleProbe.probe(engine, ordered, size,
                ProgressBar.onStderr(spec.commandLine().getErr()));
        Path folder = target.getParent();
        List<StarterConfig.Data> data = new ArrayList<>();
        for (Path f : folders) {
            ImageFolder.open(f, classes); // every folder holds only these classes
            Path masks = f.resolveSibling(f.getFileName() + "-masks");
            data.add(new StarterConfig.Data(f.toAbsolutePath().normalize().getFileName().toString(),
                    StarterConfig.path(folder, f), Files.isDirectory(masks) ? StarterConfig.path(folder, masks) : null));
        }
        String name = modelFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        StarterConfig starter = new StarterConfig(name, StarterConfig.path(folder, modelFile), size,
                engine.input().layout() == InputLayout.FLAT, outcomes.get(0).candidate().preprocessing(),
                scaleNote(outcomes), classes, classesNote(engine.classes(), first), data, methods(engine));
        try (StagedOutput staged = StagedOutput.begin("--out", List.of(configTarget(target)))) {
            Files.writeString(staged.stage(target), starter.text());
            BatteryConfig.parse(target, starter.text()); // what it writes must read back, from where it will be
            staged.commit();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Wrote %s: %d classes, %s, %d data set%s. Check the lines marked CHECK, then run:%n"
                        + "  glassbox report %s%n", out, classes.size(), size.describe(), data.size(),
                data.size() == 1 ? "" : "s", out);
        stdout.flush();
        return 0;
    }

    private StagedOutput.FileTarget configTarget(Path target) {
        return new StagedOutput.FileTarget(target, p -> force || written(p), "a config 'glassbox init' wrote",
                " (or add --force to replace it)");
    }

    private static boolean written(Path p) {
        try {
            return Files.readString(p).startsWith("# A first battery for ");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The picture the model takes: its own image input, or for a flat vector the first picture's size with gray or
     * colour channels, whichever makes the vector's length.
     */
    static InputSpec pictureSize(InputSpec model, ImageFolder folder) {
        if (model.isImage() && model.layout() != InputLayout.FLAT) {
            return model;
        }
        if (model.isImage()) {
            return InputSpec.image(InputLayout.NCHW, model.channels(), model.height(), model.width());
        }
        Path picture = folder.entries().get(0).file();
        ImageFiles.Size size = ImageFiles.size(picture);
        for (int channels : new int[] {1, 3}) {
            if ((long) channels * size.width() * size.height() == model.length()) {
                return InputSpec.image(InputLayout.NCHW, channels, size.height(), size.width());
            }
        }
        throw GlassboxException.badInput(picture, "is " + size + " pixels, but the model takes " + model.describe()
                + ", which is not that picture in gray or colour; give the model's input with --input");
    }

    /**
     * The class names: the folder names, sorted, when there are as many as the model has outputs; a test set with
     * fewer folders gets numbered names for the outputs no folder names (the comment says to fill them in).
     */
    static List<String> classes(int outputs, ImageFolder folder) {
        List<String> names = new ArrayList<>(folder.classes());
        if (names.size() > outputs) {
            throw GlassboxException.badInput(folder.root(), "has " + names.size() + " class folders, but the model"
                    + " scores only " + outputs + " classes");
        }
        boolean numbered = names.stream().allMatch(n -> n.matches("\\d+") && Integer.parseInt(n) < outputs);
        if (numbered) {
            List<String> all = new ArrayList<>();
            for (int c = 0; c < outputs; c++) {
                all.add(Integer.toString(c));
            }
            return all;
        }
        for (int c = names.size(); c < outputs; c++) {
            names.add("class " + (c + 1));
        }
        return names;
    }

    private static List<String> classesNote(int outputs, ImageFolder folder) {
        List<String> note = new ArrayList<>();
        note.add("classes: the class of each of the model's " + outputs + " outputs, in order. CHECK: the model does"
                + " not record");
        note.add("its class names, so these are the folder names, sorted" + (folder.classes().size() < outputs
                ? "; the folders name " + folder.classes().size() + " of them, so the" : "."));
        if (folder.classes().size() < outputs) {
            note.add("other names are placeholders: replace them with the real ones (numbered folders are taken as"
                    + " output numbers).");
        }
        note.add("If the model's outputs come in another order, put the names in that order.");
        return note;
    }

    private static List<String> scaleNote(List<ScaleProbe.Outcome> outcomes) {
        List<String> note = new ArrayList<>();
        ScaleProbe.Outcome best = outcomes.get(0);
        note.add("scale, mean, std: how raw 0-255 pixels become the model's input. Glassbox showed the model "
                + best.images() + " of the");
        note.add("pictures under each common scale and chose the one it named most of them right under:");
        for (ScaleProbe.Outcome o : outcomes) {
            note.add(String.format(Locale.ROOT, "  %-38s %d of %d right, %d different answers, mean confidence %.0f%%",
                    o.candidate().name() + ":", o.right(), o.images(), o.distinct(), 100 * o.confidence()));
        }
        if (outcomes.size() > 1 && outcomes.get(1).right() == best.right()) {
            note.add("CHECK: several scales named as many right; the more common convention was taken.");
        }
        return note;
    }

    /** The default methods, less Grad-CAM where the model has no layer with height and width. */
    private static List<String> methods(GradientEngine engine) {
        List<String> methods = new ArrayList<>(dev.glassbox.config.AttributionConfig.DEFAULT_METHODS);
        if (engine.spatialLayers().isEmpty()) {
            methods.remove("grad-cam");
        }
        return methods;
    }
}
