package dev.glassbox.model;

import dev.glassbox.GlassboxException;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Converts a batch between input layouts of the same image size, so that one data set can be shown to a DL4J model
 * (NCHW) and a Keras one (NHWC) alike.
 */
public final class Layouts {

    private Layouts() {}

    public static INDArray convert(INDArray batch, InputSpec from, InputSpec to, String dataset, String model) {
        if (from.layout() == to.layout() && Arrays.equals(from.exampleShape(), to.exampleShape())) {
            return batch;
        }
        if (from.channels() != to.channels() || from.height() != to.height() || from.width() != to.width()) {
            throw GlassboxException.usage("data set '" + dataset + "' holds " + from.describe() + " images but model '"
                    + model + "' takes " + to.describe());
        }
        long n = batch.size(0);
        INDArray nchw = switch (from.layout()) {
            case NCHW -> batch;
            case NHWC -> batch.permute(0, 3, 1, 2);
            case FLAT -> batch.reshape('c', n, from.channels(), from.height(), from.width());
        };
        INDArray out = switch (to.layout()) {
            case NCHW -> nchw;
            case NHWC -> nchw.permute(0, 2, 3, 1);
            case FLAT -> nchw.dup('c').reshape('c', n, to.length());
        };
        return out.dup('c');
    }
}
