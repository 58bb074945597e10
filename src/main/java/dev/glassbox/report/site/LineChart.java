package dev.glassbox.report.site;

import dev.glassbox.checks.CheckChart;
import dev.glassbox.imaging.PngFiles;
import dev.glassbox.imaging.Viridis;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A check's chart as a picture. Measured lines are solid, each in its own viridis colour (dark blue to green, told
 * apart by colour-blind readers and in grey print) with its own marker shape; references (the diagonal, random
 * order) are dashed and grey, so no line is known by its colour alone.
 */
final class LineChart {

    static final int WIDTH = 560;
    static final int HEIGHT = 360;
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Color REFERENCE = new Color(0x55, 0x55, 0x60);
    private static final float[][] DASHES = {{7f, 5f}, {2f, 4f}, {10f, 4f, 2f, 4f}};

    private LineChart() {}

    static byte[] png(CheckChart c) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < c.series().size(); i++) {
            CheckChart.Series s = c.series().get(i);
            // Keyed by position: two lines may share a name, and the collection rejects duplicate keys.
            XYSeries line = new XYSeries(new Key(i, s.name()), false, true);
            for (int p = 0; p < s.x().length; p++) {
                line.add(s.x()[p], s.y()[p]);
            }
            data.addSeries(line);
        }
        NumberAxis x = axis(c.xLabel());
        NumberAxis y = axis(c.yLabel());
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
        long measured = c.series().stream().filter(s -> !s.dashed()).count();
        int solid = 0;
        int dashed = 0;
        for (int i = 0; i < c.series().size(); i++) {
            if (c.series().get(i).dashed()) {
                renderer.setSeriesPaint(i, REFERENCE);
                renderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        DASHES[dashed++ % DASHES.length], 0f));
                renderer.setSeriesShapesVisible(i, false);
            } else {
                // Viridis from dark purple to green; its yellow end is too faint on a white page.
                double t = measured <= 1 ? 0.25 : 0.8 * solid / (measured - 1);
                renderer.setSeriesPaint(i, new Color(Viridis.rgb(t)));
                renderer.setSeriesStroke(i, new BasicStroke(2.5f));
                renderer.setSeriesShape(i, shapes[solid % shapes.length]);
                solid++;
            }
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xE3));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xE3));
        plot.setOutlineVisible(false);

        JFreeChart chart = new JFreeChart(null, TITLE_FONT, plot, true);
        chart.setTitle(new TextTitle(c.title(), TITLE_FONT));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LABEL_FONT);
        legend.setPosition(RectangleEdge.BOTTOM);
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
        return PngFiles.encode(image);
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(LABEL_FONT);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** A series key that shows the name in the legend and is unique by position. */
    private record Key(int index, String name) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
