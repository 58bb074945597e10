package dev.glassbox.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The Benjamini–Hochberg procedure: which of many tests to call discoveries so that, on average, no more than a
 * share {@code q} of the discoveries are false. Screening dozens of (class, cue) pairs at 5% each would otherwise
 * call a few of them by chance alone.
 */
public final class FalseDiscovery {

    private FalseDiscovery() {}

    /** For each p-value, whether it is a discovery at false-discovery rate {@code q}. */
    public static boolean[] discoveries(double[] p, double q) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        int last = -1;
        for (int r = 0; r < m; r++) {
            if (p[order[r]] <= q * (r + 1) / m) {
                last = r;
            }
        }
        boolean[] out = new boolean[m];
        for (int r = 0; r <= last; r++) {
            out[order[r]] = true;
        }
        return out;
    }
}
