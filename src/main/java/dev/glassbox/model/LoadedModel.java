package dev.glassbox.model;

import java.nio.file.Path;
import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A model as the user gave it. Glassbox never changes {@code network} or its parameters: the gradient engine works
 * on its own copy.
 *
 * @param file    the model file
 * @param format  how it was stored
 * @param network the {@link MultiLayerNetwork} or {@link ComputationGraph} as loaded
 * @param input   the input spec, detected or given by the battery config
 */
public record LoadedModel(Path file, ModelFormat format, Model network, InputSpec input) {

    public LoadedModel {
        Objects.requireNonNull(file);
        Objects.requireNonNull(format);
        Objects.requireNonNull(input);
        if (!(network instanceof MultiLayerNetwork) && !(network instanceof ComputationGraph)) {
            throw new IllegalArgumentException("not a DL4J network: " + network);
        }
    }


    public String networkKind() {
        return network instanceof MultiLayerNetwork ? "MultiLayerNetwork" : "ComputationGraph";
    }

    public long parameterCount() {
        return network.numParams();
    }
}
