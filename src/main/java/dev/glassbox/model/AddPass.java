package dev.glassbox.model;

import java.util.Arrays;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex.Op;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.ElementWiseVertex;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sum of two or more inputs of the same shape (a residual connection): one pass over the values forward, and
 * backward no work at all, since every input's gradient is the output's. DL4J's vertex copies the first input and
 * adds the others in place, and copies the gradient once per input on the way back: on the ResNet-20 its nine sums
 * took a tenth of an input gradient (BENCHMARKS.md, "Real models").
 *
 * <p>The gradient handed back is the same array for every input; nothing in the backward pass writes into the
 * gradient it is given ({@link BackwardRule#atOutput} promises the same), so sharing it is safe.
 */
final class AddPass {

    private AddPass() {}

    /** The pass for an element-wise sum vertex; empty for other operations (DL4J's own code runs them). */
    static Optional<AddPass> of(GraphVertex vertex, ComputationGraphConfiguration conf) {
        if ("dl4j".equals(System.getProperty("glassbox.convolution")) || !(vertex instanceof ElementWiseVertex)
                || !(conf.getVertices().get(vertex.getVertexName())
                        instanceof org.deeplearning4j.nn.conf.graph.ElementWiseVertex sum)
                || sum.getOp() != Op.Add) {
            return Optional.empty();
        }
        return Optional.of(new AddPass());
    }

    /**
     * The sum of inputs of one shape: the engine gives a sum this pass only where its probe pass found them so (a sum
     * that broadcasts stays DL4J's).
     */
    INDArray forward(INDArray[] inputs) {
        INDArray sum = Nd4j.createUninitialized(inputs[0].dataType(), inputs[0].shape(), 'c');
        Nd4j.exec(DynamicCustomOp.builder("add").addInputs(inputs[0], inputs[1]).addOutputs(sum).build());
        for (int i = 2; i < inputs.length; i++) {
            Nd4j.exec(DynamicCustomOp.builder("add").addInputs(sum, inputs[i]).addOutputs(sum).build());
        }
        return sum;
    }

    /** Each input's gradient: the output's, shared. */
    INDArray[] backward(INDArray epsilon, int inputs) {
        INDArray[] out = new INDArray[inputs];
        Arrays.fill(out, epsilon);
        return out;
    }
}
