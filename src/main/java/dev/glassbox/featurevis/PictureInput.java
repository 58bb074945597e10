package dev.glassbox.featurevis;

import dev.glassbox.imaging.PixelRange;
import dev.glassbox.model.InputSpec;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Pictures in (0, 1), {@code [batch, channels, height, width]}, as the model's input: each channel's black-to-white
 * range of input values (the data set's preprocessing) and the model's layout. Linear, so the gradient goes back
 * through the same scales and permutation.
 */
final class PictureInput {

    private final InputSpec input;
    private final INDArray black;
    private final INDArray range;

    PictureInput(InputSpec input, List<PixelRange> channelRanges) {
        if (!input.isImage() || channelRanges.size() != input.channels()) {
            throw new IllegalArgumentException("pictures need an image input with one pixel range per channel, got "
                    + input.describe() + " and " + channelRanges.size() + " ranges");
        }
        this.input = input;
        int c = input.channels();
        this.black = Nd4j.create(DataType.FLOAT, 1, c, 1, 1);
        this.range = Nd4j.create(DataType.FLOAT, 1, c, 1, 1);
        for (int i = 0; i < c; i++) {
            black.putScalar(0, i, 0, 0, channelRanges.get(i).black());
            range.putScalar(0, i, 0, 0, channelRanges.get(i).white() - channelRanges.get(i).black());
        }
    }

    int channels() {
        return input.channels();
    }

    int height() {
        return input.height();
    }

    int width() {
        return input.width();
    }

    /** The model input for the pictures, in {@code dataType}. */
    INDArray toModel(INDArray pictures, DataType dataType) {
        INDArray values = pictures.mul(range).addi(black);
        long n = values.size(0);
        INDArray out = switch (input.layout()) {
            case NCHW -> values;
            case NHWC -> values.permute(0, 2, 3, 1);
            case FLAT -> values.reshape('c', n, input.length());
        };
        return out.dup('c').castTo(dataType);
    }

    /** d(objective)/d(pictures) from d(objective)/d(model input). */
    INDArray backward(INDArray gradient) {
        long n = gradient.size(0);
        INDArray nchw = switch (input.layout()) {
            case NCHW -> gradient;
            case NHWC -> gradient.permute(0, 3, 1, 2);
            case FLAT -> gradient.reshape('c', n, input.channels(), input.height(), input.width());
        };
        return nchw.castTo(DataType.FLOAT).mul(range);
    }
}
