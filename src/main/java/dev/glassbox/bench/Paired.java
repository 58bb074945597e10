package dev.glassbox.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * Two pieces of work timed alternately: median seconds per run of each, and the median of their per-pair ratio. Load
 * from other processes drifts, so alternating lets it fall on both alike; the ratio is what benchmarks report.
 *
 * @param first  median seconds per run of the first
 * @param second median seconds per run of the second
 * @param ratio  median of first ÷ second over the pairs
 */
record Paired(double first, double second, double ratio) {

    static Paired time(Runnable a, Runnable b, double seconds) {
        return time(a, b, seconds, 5, 2);
    }

    /**
     * @param seconds  time to spend on both together, at least
     * @param minPairs timed pairs, at least
     * @param warmUps  untimed pairs first
     */
    static Paired time(Runnable a, Runnable b, double seconds, int minPairs, int warmUps) {
        for (int i = 0; i < warmUps; i++) {
            a.run();
            b.run();
        }
        List<double[]> samples = new ArrayList<>();
        long budget = (long) (2 * seconds * 1e9);
        long start = System.nanoTime();
        while (samples.size() < minPairs || System.nanoTime() - start < budget && samples.size() < 10_000) {
            long t0 = System.nanoTime();
            a.run();
            long t1 = System.nanoTime();
            b.run();
            long t2 = System.nanoTime();
            samples.add(new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9});
        }
        return new Paired(median(samples.stream().mapToDouble(p -> p[0])),
                median(samples.stream().mapToDouble(p -> p[1])),
                median(samples.stream().mapToDouble(p -> p[0] / p[1])));
    }

    private static double median(DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
