package dev.glassbox.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.factory.Nd4j;

/** The ReLU pass's gradient (a step mask times the gradient) gives what ND4J's own {@code relu_bp} gives. */
class ReluPassTest {

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void gradientIsReluBpValueForValue(DataType type) {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(type, 4, 6, 6, 3);
        x.putScalar(new long[] {0, 0, 0, 0}, 0.0); // exactly at the kink: no gradient, as relu_bp
        x.putScalar(new long[] {1, 2, 3, 1}, -0.0);
        INDArray epsilon = Nd4j.randn(type, 4, 6, 6, 3);
        INDArray expected = Nd4j.createUninitialized(type, x.shape(), 'c');
        Nd4j.exec(new RectifiedLinearDerivative(x, epsilon, expected, 0.0));

        INDArray actual = ReluPass.gradient(x, epsilon);
        assertEquals(type, actual.dataType());
        double[] e = expected.data().asDouble();
        double[] a = actual.data().asDouble();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 0.0, "value " + i); // equal as numbers (a masked negative gradient is -0.0)
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void gradientTakesViews(DataType type) {
        Nd4j.getRandom().setSeed(6);
        INDArray x = Nd4j.randn(type, 8, 5, 5, 2).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 6));
        INDArray epsilon = Nd4j.randn(type, 4, 5, 5, 2);
        INDArray expected = Nd4j.createUninitialized(type, x.shape(), 'c');
        Nd4j.exec(new RectifiedLinearDerivative(x.dup('c'), epsilon, expected, 0.0));
        assertEquals(0.0, ReluPass.gradient(x, epsilon).sub(expected).amaxNumber().doubleValue(), 0.0);
    }
}
