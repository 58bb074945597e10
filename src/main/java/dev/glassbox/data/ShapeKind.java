package dev.glassbox.data;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/** The six classes of the shapes data set, in the index order of the fixture models' outputs. */
public enum ShapeKind {
    CIRCLE, SQUARE, TRIANGLE, STAR, CROSS, RING;

    /** The class name as used for folders, manifests and reports ("circle"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this label, or null. */
    /** The class names in the models' output order: circle, square, triangle, star, cross, ring. */
    public static java.util.List<String> labels() {
        return java.util.Arrays.stream(values()).map(ShapeKind::label).toList();
    }

    public static ShapeKind byLabel(String label) {
        for (ShapeKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        return null;
    }

    /**
     * The outline, centred on (cx, cy), fitting in a circle of the given radius, turned by {@code angle} radians.
     */
    public Shape outline(double cx, double cy, double radius, double angle) {
        Shape base = switch (this) {
            case CIRCLE -> new Ellipse2D.Double(-radius, -radius, 2 * radius, 2 * radius);
            case SQUARE -> {
                double h = radius / Math.sqrt(2);
                yield new Rectangle2D.Double(-h, -h, 2 * h, 2 * h);
            }
            case TRIANGLE -> polygon(3, radius, radius);
            case STAR -> polygon(5, radius, radius * STAR_INNER);
            case CROSS -> {
                double w = radius * CROSS_HALF_WIDTH;
                double l = radius * Math.sqrt(1 - CROSS_HALF_WIDTH * CROSS_HALF_WIDTH);
                Area a = new Area(new Rectangle2D.Double(-l, -w, 2 * l, 2 * w));
                a.add(new Area(new Rectangle2D.Double(-w, -l, 2 * w, 2 * l)));
                yield a;
            }
            case RING -> {
                Area a = new Area(new Ellipse2D.Double(-radius, -radius, 2 * radius, 2 * radius));
                double in = radius * RING_INNER;
                a.subtract(new Area(new Ellipse2D.Double(-in, -in, 2 * in, 2 * in)));
                yield a;
            }
        };
        AffineTransform t = new AffineTransform();
        t.translate(cx, cy);
        t.rotate(angle);
        return t.createTransformedShape(base);
    }

    static final double STAR_INNER = 0.5;
    static final double CROSS_HALF_WIDTH = 0.25;
    static final double RING_INNER = 0.55;

    /** A regular polygon (inner == outer) or star with {@code points} tips, the first pointing up. */
    private static Shape polygon(int points, double outer, double inner) {
        Path2D.Double p = new Path2D.Double();
        boolean star = inner != outer;
        int vertices = star ? 2 * points : points;
        for (int i = 0; i < vertices; i++) {
            double r = star && i % 2 == 1 ? inner : outer;
            double a = -Math.PI / 2 + 2 * Math.PI * i / vertices;
            double x = r * Math.cos(a);
            double y = r * Math.sin(a);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }
}
