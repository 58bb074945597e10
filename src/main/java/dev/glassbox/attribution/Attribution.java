package dev.glassbox.attribution;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The result of one {@link AttributionMethod#attribute} call.
 *
 * @param maps             one map per example: the input batch's shape, or {@code [n, h, w]} for a layer-sized
 *                         Grad-CAM
 * @param convergenceDelta per example, Σ attribution − (f(x) − f(baseline)); null for methods without one
 */
public record Attribution(INDArray maps, double[] convergenceDelta) {

    public Attribution {
        if (maps == null) {
            throw new IllegalArgumentException("an attribution needs its maps");
        }
        if (convergenceDelta != null && convergenceDelta.length != maps.size(0)) {
            throw new IllegalArgumentException(convergenceDelta.length + " deltas for " + maps.size(0) + " maps");
        }
    }

    public static Attribution of(INDArray maps) {
        return new Attribution(maps, null);
    }
}
