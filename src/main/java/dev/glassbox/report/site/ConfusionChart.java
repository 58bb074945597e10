package dev.glassbox.report.site;

import dev.glassbox.evaluation.ConfusionMatrix;
import dev.glassbox.imaging.PngFiles;
import dev.glassbox.imaging.Viridis;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A confusion matrix as a picture: rows are true classes, columns predictions, each cell coloured by the share of
 * its row (so a rare class is as visible as a common one) in viridis, and labelled with its count.
 */
final class ConfusionChart {

    private static final int CELL = 56;
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font COUNT_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private ConfusionChart() {}

    static byte[] png(ConfusionMatrix m) {
        int k = m.size();
        List<String> names = m.classes().stream().map(ConfusionChart::shorten).toList();
        double[] xs = new double[k * k];
        double[] ys = new double[k * k];
        double[] zs = new double[k * k];
        DefaultXYZDataset data = new DefaultXYZDataset();
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(new ViridisScale());
        for (int t = 0; t < k; t++) {
            long support = m.support(t);
            for (int p = 0; p < k; p++) {
                int i = t * k + p;
                xs[i] = p;
                ys[i] = t;
                zs[i] = support == 0 ? 0 : (double) m.count(t, p) / support;
                XYTextAnnotation count = new XYTextAnnotation(Long.toString(m.count(t, p)), p, t);
                count.setFont(COUNT_FONT);
                count.setPaint(zs[i] > 0.55 ? Color.BLACK : Color.WHITE); // viridis is light above about 0.55
                renderer.addAnnotation(count);
            }
        }
        data.addSeries("share of true class", new double[][] {xs, ys, zs});

        SymbolAxis predicted = axis("Predicted class", names);
        predicted.setVerticalTickLabels(k > 4 || names.stream().anyMatch(n -> n.length() > 8));
        SymbolAxis truth = axis("True class", names);
        truth.setInverted(true); // first class at the top, as in a table
        XYPlot plot = new XYPlot(data, predicted, truth, renderer);
        plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);

        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        NumberAxis scaleAxis = new NumberAxis("share of the true class");
        scaleAxis.setRange(0, 1);
        scaleAxis.setLabelFont(LABEL_FONT);
        scaleAxis.setTickLabelFont(LABEL_FONT);
        scaleAxis.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(java.util.Locale.ROOT));
        PaintScaleLegend legend = new PaintScaleLegend(new ViridisScale(), scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(14);
        chart.addSubtitle(legend);

        int longest = names.stream().mapToInt(String::length).max().orElse(1);
        int labelRoom = Math.min(220, 30 + 8 * longest);
        int width = labelRoom + 120 + CELL * k;
        int height = (predicted.isVerticalTickLabels() ? labelRoom : 60) + 20 + CELL * k;
        BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
        return PngFiles.encode(image);
    }

    private static SymbolAxis axis(String label, List<String> names) {
        SymbolAxis axis = new SymbolAxis(label, names.toArray(String[]::new));
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(LABEL_FONT);
        axis.setGridBandsVisible(false);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        axis.setRange(-0.5, names.size() - 0.5);
        return axis;
    }

    /** Long names would squeeze the cells; the page's table has them in full. */
    private static String shorten(String name) {
        return name.length() <= 24 ? name : name.substring(0, 23) + "…";
    }

    /** Viridis over [0, 1]. */
    private static final class ViridisScale implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            return new Color(Viridis.rgb(value));
        }
    }
}
