package dev.glassbox.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Images read on demand, so a data set on disk need not fit in memory: the report asks for one batch at a time.
 */
@FunctionalInterface
public interface ImageBatches {

    /** Images {@code from} (inclusive) to {@code to} (exclusive) as one batch in the data set's input layout. */
    INDArray read(int from, int to);
}
