package dev.glassbox.checks;

import java.util.List;
import java.util.Objects;

/**
 * A line chart that backs a check result, as data (the site draws it): a reliability diagram, a sanity cascade, the
 * deletion and insertion curves.
 *
 * @param title  what the chart shows
 * @param xLabel the horizontal axis
 * @param yLabel the vertical axis
 * @param series the lines, in legend order
 * @param caption one sentence on how to read it
 */
public record CheckChart(String title, String xLabel, String yLabel, List<Series> series, String caption) {

    /** One line: points {@code (x[i], y[i])}; {@code dashed} for references (the diagonal, random order). */
    public record Series(String name, double[] x, double[] y, boolean dashed) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException(x.length + " x values for " + y.length + " y values");
            }
            x = x.clone();
            y = y.clone();
        }
    }

    public CheckChart {
        Objects.requireNonNull(title);
        Objects.requireNonNull(xLabel);
        Objects.requireNonNull(yLabel);
        series = List.copyOf(series);
        Objects.requireNonNull(caption);
    }
}
