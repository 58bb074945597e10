package dev.glassbox.battery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Seconds per stage, in the order the stages first ran; a stage run again (once per model) adds up. */
final class StageClock {

    private final Map<String, Double> seconds = new LinkedHashMap<>();

    <T> T time(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            seconds.merge(stage, (System.nanoTime() - start) / 1e9, Double::sum);
        }
    }

    Map<String, Double> timings() {
        return new LinkedHashMap<>(seconds);
    }
}
