package dev.glassbox.attribution;

import dev.glassbox.GlassboxException;
import java.util.Arrays;
import java.util.Locale;

/** How Integrated Gradients approximates its path integral: Captum's {@code approximation_methods.py}. */
public enum Approximation {
    GAUSS_LEGENDRE("gauss-legendre"),
    RIEMANN_RIGHT("riemann-right"),
    RIEMANN_LEFT("riemann-left"),
    RIEMANN_MIDDLE("riemann-middle"),
    RIEMANN_TRAPEZOID("riemann-trapezoid");

    /**
     * Points on the path from baseline (0) to input (1) and their weights.
     *
     * @param alphas  where the gradient is taken
     * @param weights what each gradient counts; trapezoid's sum to (n−1)/n as in Captum
     */
    public record Steps(double[] alphas, double[] weights) {}

    private final String label;

    Approximation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Approximation parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace("gausslegendre", "gauss-legendre");
        for (Approximation a : values()) {
            if (a.label.equals(t)) {
                return a;
            }
        }
        throw GlassboxException.usage("integration method '" + text + "' is not one of "
                + String.join(", ", Arrays.stream(values()).map(Approximation::label).toList()));
    }

    public Steps steps(int n) {
        if (n < 1 || (this == RIEMANN_TRAPEZOID && n < 2)) {
            throw GlassboxException.usage(label + " needs at least " + (this == RIEMANN_TRAPEZOID ? 2 : 1)
                    + " steps, not " + n);
        }
        double[] a = new double[n];
        double[] w = new double[n];
        switch (this) {
            case GAUSS_LEGENDRE -> {
                return gaussLegendre(n);
            }
            case RIEMANN_RIGHT, RIEMANN_LEFT, RIEMANN_MIDDLE -> {
                double shift = this == RIEMANN_RIGHT ? 1 : this == RIEMANN_LEFT ? 0 : 0.5;
                for (int i = 0; i < n; i++) {
                    a[i] = (i + shift) / n;
                    w[i] = 1.0 / n;
                }
            }
            case RIEMANN_TRAPEZOID -> {
                for (int i = 0; i < n; i++) {
                    a[i] = (double) i / (n - 1);
                    w[i] = 1.0 / n;
                }
                w[0] /= 2;
                w[n - 1] /= 2;
            }
        }
        return new Steps(a, w);
    }

    /** Legendre nodes on [−1, 1] by Newton's method, mapped to [0, 1] (numpy's {@code leggauss}, as Captum). */
    private static Steps gaussLegendre(int n) {
        double[] a = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 1;
            for (int iter = 0; iter < 100; iter++) {
                double p0 = 1;
                double p1 = x;
                for (int j = 2; j <= n; j++) {
                    double p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
                    p0 = p1;
                    p1 = p2;
                }
                double pn = n == 1 ? x : p1;
                double pPrev = n == 1 ? 1 : p0;
                dp = n * (x * pn - pPrev) / (x * x - 1);
                double dx = pn / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-15) {
                    break;
                }
            }
            a[n - 1 - i] = 0.5 * (1 + x);
            w[n - 1 - i] = 0.5 * 2 / ((1 - x * x) * dp * dp);
        }
        return new Steps(a, w);
    }
}
