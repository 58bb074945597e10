package dev.glassbox.featurevis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FourierImageTest {

    /** Random pictures strictly inside (0, 1). */
    private static INDArray pictures(int batch, int channels, int h, int w, long seed) {
        Random r = new Random(seed);
        float[] v = new float[batch * channels * h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.05f + 0.9f * r.nextFloat();
        }
        return Nd4j.create(v, new long[] {batch, channels, h, w}, 'c');
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"3, 32, 32", "1, 28, 28", "3, 9, 12", "3, 7, 5"})
    void picturesRoundTripThroughTheSpectrum(int channels, int h, int w) {
        FourierImage image = new FourierImage(channels, h, w);
        INDArray original = pictures(2, channels, h, w, 1);
        INDArray back = image.render(image.fromPictures(original));
        assertArrayEquals(original.shape(), back.shape());
        double worst = Transforms.maxAbsDifference(original, back);
        assertTrue(worst < 1e-4, "largest difference after the round trip " + worst);
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"3, 8, 8", "1, 6, 5", "3, 5, 6"})
    void gradientAgreesWithFiniteDifferences(int channels, int h, int w) {
        FourierImage image = new FourierImage(channels, h, w);
        INDArray params = image.random(2, 3).muli(30);
        INDArray weights = pictures(2, channels, h, w, 5).subi(0.5);
        // objective: Σ weights · render(params)
        INDArray analytic = image.backward(image.render(params), weights);
        INDArray p = params.castTo(DataType.DOUBLE);
        Random pick = new Random(9);
        for (int trial = 0; trial < 40; trial++) {
            long i = pick.nextInt((int) p.length());
            double step = 1e-2;
            double base = p.getDouble(i);
            p.putScalar(i, base + step);
            double up = weights.castTo(DataType.DOUBLE).mul(render(image, p)).sumNumber().doubleValue();
            p.putScalar(i, base - step);
            double down = weights.castTo(DataType.DOUBLE).mul(render(image, p)).sumNumber().doubleValue();
            p.putScalar(i, base);
            double numeric = (up - down) / (2 * step);
            assertEquals(numeric, analytic.getDouble(i), 2e-3 + 2e-2 * Math.abs(numeric), "parameter " + i);
        }
    }

    private static INDArray render(FourierImage image, INDArray params) {
        return image.render(params.castTo(DataType.FLOAT)).castTo(DataType.DOUBLE);
    }

    @org.junit.jupiter.api.Test
    void lowFrequenciesWeighMoreThanHighOnes() {
        FourierImage image = new FourierImage(1, 16, 16);
        INDArray params = Nd4j.zeros(DataType.FLOAT, image.parameterShape(1));
        params.putScalar(new long[] {0, 0, 0, 1, 0}, 1);   // one cycle down the picture
        double low = image.spatial(params).std().getDouble(0);
        params.putScalar(new long[] {0, 0, 0, 1, 0}, 0);
        params.putScalar(new long[] {0, 0, 0, 8, 0}, 1);   // the highest vertical frequency
        double high = image.spatial(params).std().getDouble(0);
        assertTrue(low > 4 * high, "low " + low + " high " + high);
    }

    @org.junit.jupiter.api.Test
    void sameSeedSameStart() {
        FourierImage image = new FourierImage(3, 8, 8);
        assertEquals(image.random(2, 4), image.random(2, 4));
        assertTrue(!image.random(2, 4).equals(image.random(2, 5)));
    }

    private static final class Transforms {
        static double maxAbsDifference(INDArray a, INDArray b) {
            return org.nd4j.linalg.ops.transforms.Transforms.abs(a.sub(b)).maxNumber().doubleValue();
        }
    }
}
