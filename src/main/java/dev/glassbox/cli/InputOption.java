package dev.glassbox.cli;

import dev.glassbox.model.InputSpec;
import dev.glassbox.model.LoadedModel;
import dev.glassbox.model.ModelLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --input LAYOUT:SHAPE} for commands that load a model, and the loading that honours it. */
final class InputOption {

    @Option(names = "--input", paramLabel = "LAYOUT:SHAPE", description = {"The input the model takes, where the"
            + " model does not record it: NCHW:3x32x32, NHWC:32x32x3, flat:784."})
    String input;

    LoadedModel load(Path model) {
        return new ModelLoader().load(model, input == null ? null : InputSpec.parse(input));
    }
}
