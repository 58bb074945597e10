package dev.glassbox.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@link Tensors#values} reads an array's values in row-major order whatever its type, order or view. */
class TensorsTest {

    @Test
    void valuesAreRowMajorForEveryKindOfArray() {
        double[] expected = new double[24];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i * 0.25 - 3;
        }
        INDArray d = Nd4j.create(expected, new long[] {2, 3, 4}, 'c');
        assertArrayEquals(expected, Tensors.values(d), 0.0, "double");
        assertArrayEquals(expected, Tensors.values(d.castTo(DataType.FLOAT)), 0.0, "float");
        assertArrayEquals(expected, Tensors.values(d.dup('f')), 0.0, "Fortran order");
        INDArray wider = Nd4j.concat(0, d, d.mul(2));
        assertArrayEquals(expected, Tensors.values(wider.get(NDArrayIndex.interval(0, 2))), 0.0, "first rows");
        double[] doubled = java.util.Arrays.stream(expected).map(v -> 2 * v).toArray();
        assertArrayEquals(doubled, Tensors.values(wider.get(NDArrayIndex.interval(2, 4))), 0.0, "later rows");
        assertArrayEquals(doubled, Tensors.values(wider.castTo(DataType.FLOAT).get(NDArrayIndex.interval(2, 4))),
                0.0, "later rows, float");
        assertArrayEquals(new double[] {1, 2, 3}, Tensors.values(Nd4j.createFromArray(1, 2, 3)), 0.0, "int");
    }
}
