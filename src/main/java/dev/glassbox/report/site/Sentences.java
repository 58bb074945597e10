package dev.glassbox.report.site;

import dev.glassbox.evaluation.ClassMetrics;
import dev.glassbox.evaluation.ConfusionMatrix;
import dev.glassbox.evaluation.Evaluation;
import java.util.Locale;

/** The plain-language sentences beside each number: what it says, for a reader who is not an ML expert. */
final class Sentences {

    private Sentences() {}

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** What a model's accuracy on a data set means, for its row (which names the model and the data set). */
    static String accuracy(Evaluation e) {
        int k = e.classes().size();
        StringBuilder s = new StringBuilder();
        s.append("It named the right class for ").append(e.correct()).append(" of ").append(e.images())
                .append(" pictures (").append(percent(e.accuracy())).append("). ");
        s.append("Guessing at random would get about ").append(percent(1.0 / k)).append("; ");
        double wrong = 1 - e.accuracy();
        if (wrong == 0) {
            s.append("it got every one of these pictures right.");
        } else if (e.accuracy() >= 0.95) {
            s.append("it is almost always right on pictures like these.");
        } else if (e.accuracy() > 1.0 / k + 0.1) {
            s.append("it is wrong on about 1 picture in ").append(Math.max(2, Math.round(1 / wrong))).append('.');
        } else {
            s.append("it does little better than guessing here.");
        }
        return s.toString();
    }

    static String classRow(ClassMetrics c, ConfusionMatrix m, int index) {
        String name = ProblemWording.quote(c.name());
        if (c.support() == 0) {
            return "There are no " + name + " pictures in this data set"
                    + (m.predictedAs(index) == 0 ? "." : ", yet the model answered " + name + " "
                    + m.predictedAs(index) + (m.predictedAs(index) == 1 ? " time." : " times."));
        }
        String found = "It found " + m.count(index, index) + " of the " + c.support() + " " + name + " pictures ("
                + percent(c.recall()) + ")";
        if (m.predictedAs(index) == 0) {
            return found + " and never answered " + name + ".";
        }
        return found + ". When it answered " + name + ", it was right " + percent(c.precision()) + " of the time.";
    }

    /** The class found least often and what it was most often mistaken for. */
    static String weakest(Evaluation e) {
        ConfusionMatrix m = e.confusion();
        int worst = -1;
        for (int c = 0; c < m.size(); c++) {
            if (m.support(c) > 0 && (worst < 0 || e.classes().get(c).recall() < e.classes().get(worst).recall())) {
                worst = c;
            }
        }
        if (worst < 0) {
            return "";
        }
        ClassMetrics w = e.classes().get(worst);
        int confused = -1;
        for (int p = 0; p < m.size(); p++) {
            if (p != worst && m.count(worst, p) > 0 && (confused < 0 || m.count(worst, p) > m.count(worst, confused))) {
                confused = p;
            }
        }
        String s = "The class it finds least often is " + ProblemWording.quote(w.name()) + " ("
                + percent(w.recall()) + ")";
        return confused < 0 ? s + "." : s + ". It most often takes it for "
                + ProblemWording.quote(m.classes().get(confused)) + " (" + m.count(worst, confused)
                + (m.count(worst, confused) == 1 ? " picture)." : " pictures).");
    }

    /**
     * A measured figure to three significant digits ("0.713", "12.5"), a whole number exactly ("1166": a count is
     * never rounded), or a dash when there is none.
     */
    static String figure(Double v) {
        if (v == null) {
            return "—";
        }
        if (!Double.isFinite(v)) {
            return v.isNaN() ? "not a number" : v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            long whole = (long) (double) v;
            return whole < 0 ? "−" + (-whole) : Long.toString(whole);
        }
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /** A change in a share, in signed percentage points, with the word that says which way it went. */
    static String change(double before, double after) {
        double points = 100 * (after - before);
        if (Math.abs(points) < 0.05) {
            return "no change";
        }
        String n = String.format(Locale.ROOT, "%.1f", Math.abs(points));
        return points > 0 ? "+" + n + " points, better" : "−" + n + " points, worse";
    }

    static String confidence(double p) {
        return String.format(Locale.ROOT, "%.0f%% sure", 100 * p);
    }
}
