package dev.glassbox.attribution;

import dev.glassbox.GlassboxException;
import dev.glassbox.model.BackwardRule;
import dev.glassbox.model.GradientEngine;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sundararajan et al. (2017): {@code (x − x') · ∫ ∂f/∂x(x' + α(x − x')) dα}, the integral approximated as Captum
 * does. Every step of every example goes through the engine in chunks of rows.
 */
public final class IntegratedGradients implements AttributionMethod {

    public static final int DEFAULT_STEPS = 50;

    private final GradientEngine engine;
    private final int steps;
    private final Approximation method;
    private final Baseline baseline;

    public IntegratedGradients(GradientEngine engine) {
        this(engine, DEFAULT_STEPS, Approximation.GAUSS_LEGENDRE, new Baseline.Constant(0));
    }

    public IntegratedGradients(GradientEngine engine, int steps, Approximation method, Baseline baseline) {
        if (steps < 1) {
            throw GlassboxException.usage("integrated-gradients needs steps >= 1, not " + steps);
        }
        this.engine = engine;
        this.steps = steps;
        this.method = method;
        this.baseline = baseline;
        method.steps(steps); // fails early on too few steps for the method
    }

    @Override
    public String name() {
        return "integrated-gradients";
    }

    @Override
    public boolean hasConvergenceDelta() {
        return true;
    }

    @Override
    public Attribution attribute(INDArray inputs, int[] targets) {
        Tensors.requireTargets(inputs, targets);
        int n = (int) inputs.size(0);
        int size = (int) Tensors.exampleSize(inputs);
        INDArray baselines = baseline.of(inputs, engine.input());
        double[] x = Tensors.values(inputs);
        double[] b = Tensors.values(baselines);
        Approximation.Steps path = method.steps(steps);
        double[] integral = new double[x.length];
        long rows = (long) n * steps;
        int chunk = dev.glassbox.model.Chunks.balanced(rows, Passes.gradientRows(engine));
        for (long from = 0; from < rows; from += chunk) {
            int count = (int) Math.min(chunk, rows - from);
            double[] scaled = new double[count * size];
            int[] t = new int[count];
            for (int r = 0; r < count; r++) {
                int i = (int) ((from + r) / steps);
                double alpha = path.alphas()[(int) ((from + r) % steps)];
                t[r] = targets[i];
                for (int j = 0; j < size; j++) {
                    scaled[r * size + j] = b[i * size + j] + alpha * (x[i * size + j] - b[i * size + j]);
                }
            }
            INDArray part = Tensors.array(scaled, Tensors.rows(inputs, count), engine.dataType());
            double[] g = Tensors.values(Passes.inputGradient(engine, part, t, BackwardRule.NONE));
            for (int r = 0; r < count; r++) {
                int i = (int) ((from + r) / steps);
                double weight = path.weights()[(int) ((from + r) % steps)];
                for (int j = 0; j < size; j++) {
                    integral[i * size + j] += weight * g[r * size + j];
                }
            }
        }
        double[] attr = new double[x.length];
        double[] delta = new double[n];
        INDArray ends = Passes.logits(engine, Nd4j.concat(0, inputs.castTo(engine.dataType()),
                baselines.castTo(engine.dataType())));
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < size; j++) {
                attr[i * size + j] = (x[i * size + j] - b[i * size + j]) * integral[i * size + j];
                sum += attr[i * size + j];
            }
            delta[i] = sum - (ends.getDouble(i, targets[i]) - ends.getDouble(n + i, targets[i]));
        }
        return new Attribution(Tensors.array(attr, inputs.shape(), engine.dataType()), delta);
    }
}
