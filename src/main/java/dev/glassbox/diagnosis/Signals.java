package dev.glassbox.diagnosis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What pointed at a cue before it was tested, per class: where the class's attribution gathers and how well a data
 * property alone tells the class apart. Read when a problem is written; nothing is decided by it.
 */
final class Signals {

    private record Entry(String dataset, int cls, Cue cue, String name, double value) {}

    private final List<Entry> entries = new ArrayList<>();

    void put(String dataset, int cls, Cue cue, String name, double value) {
        if (Double.isFinite(value)) {
            entries.add(new Entry(dataset, cls, cue, name, value));
        }
    }

    void addAll(Signals other) {
        entries.addAll(other.entries);
    }

    /** The signals of a class's cue on a data set, by name, in the order they were put. */
    Map<String, Double> of(String dataset, int cls, Cue cue) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.dataset().equals(dataset) && e.cls() == cls && e.cue().kind() == cue.kind()
                    && java.util.Objects.equals(e.cue().where(), cue.where())) {
                out.put(e.name(), e.value());
            }
        }
        return out;
    }
}
