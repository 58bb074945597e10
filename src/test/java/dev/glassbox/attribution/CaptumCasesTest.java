package dev.glassbox.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.GradientEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The known answers of Captum's own tests (shared/captum-cases.md), with Captum's tolerances. */
class CaptumCasesTest {

    /** Captum's {@code assertTensorAlmostEqual} default: the sum of absolute differences. */
    private static void assertSumClose(double[] expected, INDArray actual, double tolerance) {
        double[] a = Tensors.values(actual);
        assertEquals(expected.length, a.length, "number of values");
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - expected[i]);
        }
        assertTrue(sum <= tolerance, () -> "expected " + java.util.Arrays.toString(expected) + " but got "
                + java.util.Arrays.toString(a));
    }

    private static INDArray column(double... values) {
        return Nd4j.create(values, new long[] {values.length, 1}, 'c').castTo(DataType.DOUBLE);
    }

    private static INDArray rows(double[]... values) {
        return Nd4j.create(values).castTo(DataType.DOUBLE);
    }

    @Test
    void c1SaliencyIsAbsoluteGradientWithZeroAtTheReluKink() {
        GradientEngine engine = CaptumNets.basicModel();
        INDArray x = column(1, 2, 3, 0, -1, 7);
        assertSumClose(new double[] {1, 1, 1, 0, -1, 1}, engine.logits(x), 1e-9);
        assertSumClose(new double[] {0, 0, 0, 1, 1, 0}, new Saliency(engine).attribute(x, new int[6]).maps(), 1e-9);
    }

    @Test
    void c1InputXGradientIsInputTimesGradient() {
        INDArray x = column(1, 2, 3, 0, -1, 7);
        assertSumClose(new double[] {0, 0, 0, 0, -1, 0},
                new InputXGradient(CaptumNets.basicModel()).attribute(x, new int[6]).maps(), 1e-9);
    }

    @ParameterizedTest(name = "C2 {0} {1} steps on BasicModel2 and 3: ({2}, {3})")
    @CsvSource({
        "riemann-right, 500, 1.5, -0.5",
        "riemann-middle, 500, 1.5, -0.5",
        "riemann-left, 500, 1.494, -0.498",
        "riemann-trapezoid, 500, 1.497, -0.499",
        "gauss-legendre, 500, 1.5, -0.5",
        "gauss-legendre, 50, 1.5, -0.5",
        "riemann-trapezoid, 50, 1.47, -0.49"})
    void c2IntegratedGradientsMatchTheIgPaperExample(String method, int steps, double x1, double x2) {
        for (GradientEngine engine : new GradientEngine[] {CaptumNets.basicModel2(), CaptumNets.basicModel3()}) {
            IntegratedGradients ig = new IntegratedGradients(engine, steps, Approximation.parse(method),
                    new Baseline.Constant(0));
            Attribution a = ig.attribute(rows(new double[] {3, 1}), new int[1]);
            assertSumClose(new double[] {x1, x2}, a.maps(), 1e-4);
            assertEquals(x1 + x2 - 1, a.convergenceDelta()[0], 1e-9);
        }
    }

    @ParameterizedTest(name = "C3 x={0} baseline={1}: trapezoid {2}, right {3}, gauss-legendre {4}")
    @CsvSource({
        "1.0, 0.0, 0.997, 0.998, 1.000, 1.0",
        "0.0, 0.0, 0.0, 0.0, 0.0, 0.0",
        "-1.0, 0.00001, -0.99801, -1.00001, -1.00001, -1.00001"})
    void c3IntegratedGradientsConvergeOnTheUnivariableModel(double x, double baseline, double trapezoid,
                                                            double right, double gauss, double difference) {
        GradientEngine engine = CaptumNets.basicModel();
        double[] expected = {trapezoid, right, gauss};
        Approximation[] methods = {Approximation.RIEMANN_TRAPEZOID, Approximation.RIEMANN_RIGHT,
            Approximation.GAUSS_LEGENDRE};
        for (int m = 0; m < methods.length; m++) {
            Attribution a = new IntegratedGradients(engine, 500, methods[m], new Baseline.Constant(baseline))
                    .attribute(column(x), new int[1]);
            assertEquals(expected[m], a.maps().getDouble(0, 0), 1e-5, methods[m].label());
            assertEquals(expected[m] - difference, a.convergenceDelta()[0], 1e-5, methods[m].label());
            assertTrue(Math.abs(a.convergenceDelta()[0]) <= 0.07);
        }
    }

    @Test
    void c4OcclusionOnTheDenseMultiLayerModel() {
        GradientEngine engine = CaptumNets.multiLayer();
        INDArray x = rows(new double[] {20, 50, 30});
        assertSumClose(new double[] {392, 394}, engine.logits(x), 1e-9);
        assertSumClose(new double[] {80, 200, 120},
                new Occlusion(engine, new long[] {1}, new long[] {1}, 0).attribute(x, new int[1]).maps(), 1e-4);
        assertSumClose(new double[] {200, 220, 240},
                new Occlusion(engine, new long[] {2}, new long[] {1}, 10).attribute(x, new int[1]).maps(), 1e-4);
        assertSumClose(new double[] {280, 280, 120},
                new Occlusion(engine, new long[] {2}, new long[] {2}, 0).attribute(x, new int[1]).maps(), 1e-4);
        assertSumClose(new double[] {8, 35, 12, 80, 200, 120},
                new Occlusion(engine, new long[] {1}, new long[] {1}, 0)
                        .attribute(rows(new double[] {2, 10, 3}, new double[] {20, 50, 30}), new int[2]).maps(),
                1e-4);
    }

    private static INDArray arange(double offset) {
        double[] v = new double[16];
        for (int i = 0; i < 16; i++) {
            v[i] = i + offset;
        }
        return Nd4j.create(v, new long[] {1, 1, 4, 4}, 'c').castTo(DataType.DOUBLE);
    }

    @Test
    void c6aGradCamAtConvOutputUsesTruePreReluActivations() {
        GradientEngine engine = CaptumNets.oneConv(-50, -75);
        assertSumClose(new double[] {54, 54, 54, 54}, engine.logits(arange(0)), 1e-9);
        INDArray cam = new GradCam(engine, "conv1", false, false).attribute(arange(0), new int[1]).maps();
        assertArrayEquals(new long[] {1, 2, 2}, cam.shape());
        // 6d (parameters frozen) is the same computation: the engine never changes parameters.
        assertSumClose(new double[] {11.25, 13.5, 20.25, 22.5}, cam, 0.01);
    }

    @Test
    void c6bGradCamWithOneMapPerChannel() {
        INDArray cam = new GradCam(CaptumNets.oneConv(-50, -75), "conv1", false, false, false, false)
                .attribute(arange(0), new int[1]).maps();
        assertArrayEquals(new long[] {1, 2, 2, 2}, cam.shape());
        assertSumClose(new double[] {-3.75, 3.0, 23.25, 30.0, 15.0, 10.5, -3.0, -7.5}, cam, 0.01);
    }

    @Test
    void c6eAndFGradCamAttributedToTheLayerInput() {
        // The input of conv1 is the network input; with x[1,1] = -4 the map is 0.5625 x (the mean input gradient).
        INDArray x = arange(0);
        x.putScalar(new long[] {0, 0, 1, 1}, -4);
        INDArray expected = x.mul(0.5625).reshape(1, 4, 4);
        INDArray cam = new GradCam(CaptumNets.oneConv(-50, -75), "conv1", false, false, true, true)
                .attribute(x, new int[1]).maps();
        assertArrayEquals(new long[] {1, 4, 4}, cam.shape());
        assertSumClose(expected.dup().data().asDouble(), cam, 0.01);
        INDArray relu = new GradCam(CaptumNets.oneConv(-50, -75), "conv1", true, false, true, true)
                .attribute(x, new int[1]).maps();
        expected.putScalar(new long[] {0, 1, 1}, 0);
        assertSumClose(expected.dup().data().asDouble(), relu, 0.01);
    }

    @Test
    void c6cGradCamAtTheReluLayer() {
        INDArray cam = new GradCam(CaptumNets.oneConv(-50, -75), "relu1", false, false)
                .attribute(arange(0), new int[1]).maps();
        assertSumClose(new double[] {0, 4, 28, 32.5}, cam, 0.01);
    }

    @Test
    void c6gGradCamWithTheSecondInputFoldedIn() {
        // Captum adds a second input of ones; the single-input equivalent is arange + 1.
        INDArray cam = new GradCam(CaptumNets.oneConv(-50, -75), "conv1", false, false)
                .attribute(arange(1), new int[1]).maps();
        assertSumClose(new double[] {14.5, 19.0, 32.5, 37.0}, cam, 0.01);
        INDArray same = new GradCam(CaptumNets.oneConv(-41, -66), "conv1", false, false)
                .attribute(arange(0), new int[1]).maps();
        assertSumClose(new double[] {14.5, 19.0, 32.5, 37.0}, same, 0.01);
    }

    @Test
    void c6hUpsampledGradCamKeepsTheCornerValuesAndInterpolatesBilinearly() {
        // Captum's 6h upsamples by nearest neighbour; ours is bilinear (align_corners=False), which agrees with
        // nearest at the four corners and interpolates in between.
        INDArray cam = new GradCam(CaptumNets.oneConv(-50, -75), "relu1", false, true)
                .attribute(arange(0), new int[1]).maps();
        assertArrayEquals(new long[] {1, 1, 4, 4}, cam.shape());
        assertSumClose(new double[] {0, 1, 3, 4, 7, 8.03125, 10.09375, 11.125,
            21, 22.09375, 24.28125, 25.375, 28, 29.125, 31.375, 32.5}, cam, 1e-9);
    }
}
