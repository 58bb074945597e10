package dev.glassbox.attribution;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One way of explaining a classifier's score, as Captum shapes it: the model and fixed settings go to the
 * constructor, the data of one call to {@link #attribute}. Attribution is always of each target's pre-softmax logit.
 */
public interface AttributionMethod {

    /** The method's name as the command line and the battery config spell it. */
    String name();

    /**
     * @param inputs  a batch in the model's input layout
     * @param targets one class index per example (any class, not only the predicted one)
     */
    Attribution attribute(INDArray inputs, int[] targets);

    /** Whether {@link Attribution#convergenceDelta()} is filled. */
    default boolean hasConvergenceDelta() {
        return false;
    }
}
