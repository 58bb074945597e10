package dev.glassbox.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of one inference-mode forward pass: the output of every vertex that was computed. Its layer inputs stay
 * recorded in the engine until the next forward pass, so a backward pass must use the engine's latest pass.
 */
public final class ForwardPass {

    private final GradientEngine engine;
    private final long generation;
    private final INDArray[] outputs;

    ForwardPass(GradientEngine engine, long generation, INDArray[] outputs) {
        this.engine = engine;
        this.generation = generation;
        this.outputs = outputs;
    }

    /** Pre-softmax class scores {@code [batch, k]} (null after a partial pass that stopped early). */
    public INDArray logits() {
        return outputs[engine.outputIndex()];
    }

    /** The true output of a layer, never overwritten by a following activation layer. */
    public INDArray activations(String layer) {
        INDArray a = outputs[engine.indexOf(layer)];
        if (a == null) {
            throw new IllegalStateException("layer '" + layer + "' was not computed in this pass");
        }
        return a;
    }

    INDArray output(int vertex) {
        return outputs[vertex];
    }

    long generation() {
        return generation;
    }

    GradientEngine engine() {
        return engine;
    }
}
