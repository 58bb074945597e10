package dev.glassbox.checks;

import java.util.Locale;

/** Numbers as the findings write them. */
final class Words {

    private Words() {}

    /** 0.555 → "55.5%"; whole percentages without the decimal ("40%"). */
    static String pct(double fraction) {
        double p = 100 * fraction;
        if (Math.abs(p - Math.rint(p)) < 0.05) {
            return String.format(Locale.ROOT, "%.0f%%", p);
        }
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    static String num(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /**
     * A class or data set name set apart from the words and numbers around it: "'0'", "'star'", so that
     * "1 picture of class '0'" reads right whatever the name.
     */
    static String quote(String name) {
        return "'" + name + "'";
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
