package dev.glassbox.model;

import java.util.Arrays;
import java.util.Set;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;

/**
 * Convolutions whose only reader is a batch normalization, run as one convolution with the normalization folded
 * into its kernel and bias ({@code W' = scale · W}, {@code b' = scale · b + shift}): the classic inference-time
 * folding, which on the ResNet-20 saves 19 full-size passes over the activations forward and 19 backward.
 *
 * <p>The convolution's own output then never exists, so a pass folds a pair only when nobody asks for that output
 * (its activations, its gradient, a replacement for it) and the pass's {@link BackwardRule} leaves both layers
 * alone. {@link #plan} says which pairs a pass folds.
 */
final class FoldedNorms {

    /** By normalization vertex: the convolution folded into it, or -1. */
    private final int[] convolutionOf;
    /** By normalization vertex: the folded pass, or null. */
    private final ConvolutionPass[] folded;
    private final boolean any;

    private FoldedNorms(int[] convolutionOf, ConvolutionPass[] folded) {
        this.convolutionOf = convolutionOf;
        this.folded = folded;
        this.any = Arrays.stream(convolutionOf).anyMatch(c -> c >= 0);
    }

    /** {@code -Dglassbox.fold=false} keeps every normalization apart, as DL4J runs it. */
    static FoldedNorms of(GraphVertex[] vertices, ConvolutionPass[] convolutions, BatchNormPass[] norms,
                          Set<Integer> outputs) {
        int[] convolutionOf = new int[vertices.length];
        Arrays.fill(convolutionOf, -1);
        ConvolutionPass[] folded = new ConvolutionPass[vertices.length];
        if ("false".equals(System.getProperty("glassbox.fold"))) {
            return new FoldedNorms(convolutionOf, folded);
        }
        for (GraphVertex v : vertices) {
            int b = v.getVertexIndex();
            VertexIndices[] in = v.getInputVertices();
            if (norms[b] == null || BatchNormPass.preprocessed(v) || in == null || in.length != 1) {
                continue;
            }
            int c = in[0].getVertexIndex();
            VertexIndices[] readers = vertices[c].getOutputVertices();
            ConvolutionPass conv = convolutions[c];
            if (conv == null || readers == null || readers.length != 1 || outputs.contains(c)) {
                continue;
            }
            conv.foldedWith(norms[b]).ifPresent(pass -> {
                convolutionOf[b] = c;
                folded[b] = pass;
            });
        }
        return new FoldedNorms(convolutionOf, folded);
    }

    /**
     * Which pairs one pass folds: those whose convolution's output nobody asks for and whose layers the rule leaves
     * alone.
     *
     * @param layers the engine's layers by vertex index
     */
    Plan plan(Set<Integer> exposed, BackwardRule rule, LayerInfo[] layers) {
        if (!any) {
            return Plan.NONE;
        }
        boolean[] active = new boolean[convolutionOf.length];
        boolean[] skipped = new boolean[convolutionOf.length];
        for (int b = 0; b < convolutionOf.length; b++) {
            int c = convolutionOf[b];
            if (c >= 0 && !exposed.contains(c) && (rule == BackwardRule.NONE
                    || !rule.actsOn(layers[c]) && !rule.actsOn(layers[b]))) {
                active[b] = true;
                skipped[c] = true;
            }
        }
        return new Plan(active, skipped);
    }

    /** The folded pass of normalization vertex {@code b}. */
    ConvolutionPass pass(int b) {
        return folded[b];
    }

    /** The convolution folded into normalization vertex {@code b}. */
    int convolutionOf(int b) {
        return convolutionOf[b];
    }

    /**
     * @param folds   by vertex: a normalization that runs as its folded convolution in this pass
     * @param skipped by vertex: a convolution that this pass does not run (its normalization does)
     */
    record Plan(boolean[] folds, boolean[] skipped) {
        static final Plan NONE = new Plan(new boolean[0], new boolean[0]);

        boolean folds(int vertex) {
            return vertex < folds.length && folds[vertex];
        }

        boolean skips(int vertex) {
            return vertex < skipped.length && skipped[vertex];
        }
    }
}
