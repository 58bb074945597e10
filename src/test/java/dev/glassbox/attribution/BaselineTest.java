package dev.glassbox.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.GradientEngine;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BaselineTest {

    @Test
    void blurKeepsAConstantImageAndSmoothsAnEdge() {
        GradientEngine engine = MethodPropertiesTest.engine("nchw");
        INDArray flat = Nd4j.valueArrayOf(engine.input().batchShape(1), 0.3).castTo(DataType.DOUBLE);
        INDArray blurred = new Baseline.Blur(1.5).of(flat, engine.input());
        assertEquals(0, Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.reduce.same.AMax(
                blurred.sub(flat))).getDouble(0), 1e-12);
        INDArray edge = Nd4j.zeros(DataType.DOUBLE, engine.input().batchShape(1));
        edge.putScalar(new long[] {0, 0, 4, 4}, 1.0);
        INDArray b = new Baseline.Blur(0.6).of(edge, engine.input()); // radius 2: inside the 8x8 image
        assertTrue(b.getDouble(0, 0, 4, 4) < 1 && b.getDouble(0, 0, 4, 5) > 0, "spreads to the neighbours");
        assertEquals(0, b.getDouble(0, 1, 4, 4), 1e-12, "channels stay apart");
        assertEquals(1, b.sumNumber().doubleValue(), 1e-9, "keeps the mass away from the border");
    }

    @Test
    void uniformNoiseIsSeededAndStaysWithinEachExamplesRange() {
        GradientEngine engine = MethodPropertiesTest.engine("flat");
        INDArray x = Nd4j.create(new double[][] {{0, 1, 2, 3, 4}, {-1, -1, 5, 0, 0}});
        INDArray a = new Baseline.UniformNoise(3).of(x, engine.input());
        assertEquals(a, new Baseline.UniformNoise(3).of(x, engine.input()));
        assertTrue(a.getRow(0).minNumber().doubleValue() >= 0 && a.getRow(0).maxNumber().doubleValue() <= 4);
        assertTrue(a.getRow(1).minNumber().doubleValue() >= -1 && a.getRow(1).maxNumber().doubleValue() <= 5);
    }

    @Test
    void integratedGradientsConvergeFromEveryBaseline() {
        GradientEngine engine = MethodPropertiesTest.engine("nchw");
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, engine.input().batchShape(2));
        for (String baseline : new String[] {"zero", "0.5", "blur", "uniform-noise"}) {
            Attribution a = AttributionMethods.create("integrated-gradients", engine,
                    Map.of("steps", "200", "baseline", baseline)).attribute(x, new int[] {1, 2});
            for (double d : a.convergenceDelta()) {
                assertTrue(Math.abs(d) < 1e-2, baseline + ": delta " + d);
            }
        }
    }
}
