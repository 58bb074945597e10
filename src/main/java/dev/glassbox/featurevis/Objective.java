package dev.glassbox.featurevis;

import java.util.Arrays;

/**
 * What a picture is optimized to raise, measured on one layer's activations of one example (Lucid's objectives).
 * Every objective is differentiable almost everywhere; its gradient with respect to the activations is what the
 * gradient engine sends back to the picture.
 */
public sealed interface Objective {

    /** The layer whose activations it reads; {@code null} for the logits. */
    String layer();

    /** A few words for progress lines and captions. */
    String describe();

    /** The objective on one example's activations. */
    double value(float[] activations, Activations layout);

    /** Adds d(objective)/d(activations) to {@code out}, which has the layout of {@code activations}. */
    void gradient(float[] activations, Activations layout, float[] out);

    /** The mean activation of one channel over every position (a whole feature map). */
    static Objective channel(String layer, int channel) {
        return new Channel(layer, channel);
    }

    /** One unit: a channel at one position ({@code position} counts row by row; -1 for the centre). */
    static Objective neuron(String layer, int channel, int position) {
        return new Neuron(layer, channel, position);
    }

    /** A direction in channel space, measured by {@code measure} at every position and averaged. */
    static Objective direction(String layer, double[] direction, Measure measure) {
        return new Direction(layer, direction.clone(), measure);
    }

    /** A class's logit (the score before softmax). */
    static Objective classLogit(int classIndex) {
        return new ClassLogit(classIndex);
    }

    /** How a direction objective measures activations a against the unit direction v at one position. */
    enum Measure {
        /** a · v: how far along the direction, which also rewards sheer magnitude. */
        DOT,
        /** a · v / |a|: how closely the activations point along the direction, whatever their size. */
        COSINE
    }

    record Channel(String layer, int channel) implements Objective {
        public String describe() {
            return "channel " + channel + " of " + layer;
        }

        public double value(float[] a, Activations l) {
            check(channel, l);
            double sum = 0;
            for (int p = 0; p < l.positions(); p++) {
                sum += a[l.at(channel, p)];
            }
            return sum / l.positions();
        }

        public void gradient(float[] a, Activations l, float[] out) {
            check(channel, l);
            for (int p = 0; p < l.positions(); p++) {
                out[l.at(channel, p)] += 1f / l.positions();
            }
        }
    }

    record Neuron(String layer, int channel, int position) implements Objective {
        public String describe() {
            return "unit " + channel + (position < 0 ? " at the centre" : " at position " + position) + " of " + layer;
        }

        private int where(Activations l) {
            check(channel, l);
            if (position >= l.positions()) {
                throw new IllegalArgumentException("position " + position + " of " + l.positions());
            }
            if (position >= 0) {
                return l.at(channel, position);
            }
            int side = (int) Math.round(Math.sqrt(l.positions()));
            return l.at(channel, side * side == l.positions() ? (side / 2) * side + side / 2 : l.positions() / 2);
        }

        public double value(float[] a, Activations l) {
            return a[where(l)];
        }

        public void gradient(float[] a, Activations l, float[] out) {
            out[where(l)] += 1f;
        }
    }

    record Direction(String layer, double[] direction, Measure measure) implements Objective {
        public Direction {
            double norm = Math.sqrt(Arrays.stream(direction).map(v -> v * v).sum());
            if (!(norm > 0) || Double.isInfinite(norm)) {
                throw new IllegalArgumentException("a direction needs a finite, non-zero vector");
            }
            direction = Arrays.stream(direction).map(v -> v / norm).toArray();
        }

        public String describe() {
            return "a direction (" + measure.name().toLowerCase(java.util.Locale.ROOT) + ") in " + layer;
        }

        public double value(float[] a, Activations l) {
            checkLength(l);
            double sum = 0;
            for (int p = 0; p < l.positions(); p++) {
                double dot = 0;
                double squares = 0;
                for (int c = 0; c < l.channels(); c++) {
                    float v = a[l.at(c, p)];
                    dot += v * direction[c];
                    squares += v * v;
                }
                sum += measure == Measure.DOT ? dot : dot / (Math.sqrt(squares) + EPSILON);
            }
            return sum / l.positions();
        }

        public void gradient(float[] a, Activations l, float[] out) {
            checkLength(l);
            for (int p = 0; p < l.positions(); p++) {
                if (measure == Measure.DOT) {
                    for (int c = 0; c < l.channels(); c++) {
                        out[l.at(c, p)] += (float) (direction[c] / l.positions());
                    }
                    continue;
                }
                double dot = 0;
                double squares = 0;
                for (int c = 0; c < l.channels(); c++) {
                    float v = a[l.at(c, p)];
                    dot += v * direction[c];
                    squares += v * v;
                }
                double norm = Math.sqrt(squares);
                double n = norm + EPSILON;
                // d/da (a·v / (|a| + e)) = v / n - (a·v) a / (|a| n²)
                for (int c = 0; c < l.channels(); c++) {
                    float v = a[l.at(c, p)];
                    double g = direction[c] / n - (norm > 0 ? dot * v / (norm * n * n) : 0);
                    out[l.at(c, p)] += (float) (g / l.positions());
                }
            }
        }

        private void checkLength(Activations l) {
            if (direction.length != l.channels()) {
                throw new IllegalArgumentException("a direction of " + direction.length + " channels for a layer of "
                        + l.channels());
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Direction d && d.layer.equals(layer) && Arrays.equals(d.direction, direction)
                    && d.measure == measure;
        }

        @Override
        public int hashCode() {
            return layer.hashCode() * 31 + Arrays.hashCode(direction);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    record ClassLogit(int classIndex) implements Objective {
        public String layer() {
            return null;
        }

        public String describe() {
            return "the logit of class " + classIndex;
        }

        public double value(float[] a, Activations l) {
            check(classIndex, l);
            return a[classIndex];
        }

        public void gradient(float[] a, Activations l, float[] out) {
            check(classIndex, l);
            out[classIndex] += 1f;
        }
    }

    /** Keeps the cosine finite where every activation is zero. */
    double EPSILON = 1e-6;

    private static void check(int channel, Activations l) {
        if (channel < 0 || channel >= l.channels()) {
            throw new IllegalArgumentException("channel " + channel + " of a layer with " + l.channels());
        }
    }
}
