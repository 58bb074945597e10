package dev.glassbox.bench;

import dev.glassbox.Progress;
import java.util.EnumMap;
import java.util.Map;

/**
 * Splits the time of a neuron analysis among its phases by the task names it reports progress under, and passes
 * the updates on. The time between two updates is charged to the task that was running, except after a task has
 * reported itself done: then the gap belongs to the task that starts next (its set-up, say the first optimization
 * step before "Drawing" reports 1), and after the last task it is the rest of the page (examples, PNG files).
 */
final class PhaseClock implements Progress {

    /** Where a neuron-group page's time goes. */
    enum Phase {
        /** Passes over the data: sampling activations, finding the strongest images, measuring class reliance. */
        SCANNING,
        /** The factorization into groups. */
        GROUPING,
        /** Optimizing the group and class pictures. */
        OPTIMIZING,
        /** Everything else: the examples drawn over images, the PNG files, the pictures' final measure. */
        REST;

        static Phase of(String task) {
            if (task.startsWith("Collecting activations") || task.startsWith("Finding each neuron group")
                    || task.startsWith("Measuring which classes rely")) {
                return SCANNING;
            }
            if (task.startsWith("Grouping")) {
                return GROUPING;
            }
            return task.startsWith("Drawing") ? OPTIMIZING : REST;
        }
    }

    private final Progress next;
    private final Map<Phase, Long> nanos = new EnumMap<>(Phase.class);
    private Phase current = Phase.REST;
    private boolean currentDone;
    private long since;

    PhaseClock(Progress next) {
        this.next = next;
        this.since = System.nanoTime();
    }

    @Override
    public void update(String what, long done, long total) {
        long now = System.nanoTime();
        Phase phase = Phase.of(what);
        charge(currentDone && phase != current ? phase : current, now);
        current = phase;
        currentDone = done >= total;
        next.update(what, done, total);
    }

    /** Ends the clock: the time since the last update goes to what was running, or to the rest once it was done. */
    void stop() {
        charge(currentDone ? Phase.REST : current, System.nanoTime());
    }

    /** Seconds charged to {@code phase}. */
    double seconds(Phase phase) {
        return nanos.getOrDefault(phase, 0L) / 1e9;
    }

    private void charge(Phase phase, long now) {
        nanos.merge(phase, now - since, Long::sum);
        since = now;
    }
}
