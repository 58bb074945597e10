package dev.glassbox.featurevis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each objective's gradient, and the diversity term's, against central finite differences. */
class ObjectiveTest {

    private static final Activations NCHW = new Activations(4, 6, false);
    private static final Activations NHWC = new Activations(4, 6, true);

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (0.2 + r.nextDouble());
        }
        return v;
    }

    @Test
    void objectiveGradientsAgreeWithFiniteDifferences() {
        List<Objective> objectives = List.of(Objective.channel("l", 2), Objective.neuron("l", 1, 3),
                Objective.neuron("l", 3, -1), Objective.direction("l", new double[] {1, 0.5, 0, 2}, Objective.Measure.DOT),
                Objective.direction("l", new double[] {1, 0.5, 0, 2}, Objective.Measure.COSINE));
        for (Activations layout : List.of(NCHW, NHWC)) {
            for (Objective o : objectives) {
                check(o, layout, random(layout.length(), 1));
            }
        }
        check(Objective.classLogit(2), new Activations(5, 1, false), random(5, 2));
    }

    private static void check(Objective o, Activations layout, float[] a) {
        float[] analytic = new float[a.length];
        o.gradient(a, layout, analytic);
        for (int i = 0; i < a.length; i++) {
            float[] up = a.clone();
            float[] down = a.clone();
            double h = 1e-2;
            up[i] += h;
            down[i] -= h;
            double numeric = (o.value(up, layout) - o.value(down, layout)) / (2 * h);
            assertEquals(numeric, analytic[i], 2e-3, o.describe() + " at " + i + " (" + layout + ")");
        }
    }

    @Test
    void aDirectionIsMeasuredAlongItsUnitVector() {
        float[] a = new float[NCHW.length()];
        for (int p = 0; p < 6; p++) {
            a[NCHW.at(0, p)] = 3;
            a[NCHW.at(1, p)] = 4;
        }
        assertEquals(5, Objective.direction("l", new double[] {3, 4, 0, 0}, Objective.Measure.DOT).value(a, NCHW), 1e-5);
        assertEquals(1, Objective.direction("l", new double[] {6, 8, 0, 0}, Objective.Measure.COSINE).value(a, NCHW),
                1e-5);
        assertEquals(0.6, Objective.direction("l", new double[] {1, 0, 0, 0}, Objective.Measure.COSINE).value(a, NCHW),
                1e-5);
    }

    @Test
    void diversityGradientAgreesWithFiniteDifferences() {
        float[][] acts = {random(NHWC.length(), 3), random(NHWC.length(), 4), random(NHWC.length(), 5)};
        float[][] analytic = new float[3][NHWC.length()];
        Diversity.gradient(acts, NHWC, 1.0, analytic);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < NHWC.length(); i++) {
                float[][] up = {acts[0].clone(), acts[1].clone(), acts[2].clone()};
                float[][] down = {acts[0].clone(), acts[1].clone(), acts[2].clone()};
                double h = 1e-2;
                up[k][i] += h;
                down[k][i] -= h;
                double numeric = (Diversity.value(up, NHWC) - Diversity.value(down, NHWC)) / (2 * h);
                assertEquals(numeric, analytic[k][i], 1e-3, "picture " + k + " value " + i);
            }
        }
    }

    @Test
    void identicalPicturesAreAsSimilarAsCanBe() {
        float[] a = random(NCHW.length(), 7);
        // three copies: each of the 6 ordered pairs has cosine 1, divided by 3 pictures
        assertEquals(2.0, Diversity.value(new float[][] {a, a, a}, NCHW), 1e-6);
    }
}
