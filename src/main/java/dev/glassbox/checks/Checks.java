package dev.glassbox.checks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of battery checks, in the order a report runs and shows them. */
public final class Checks {

    /** The edits of the interventions check, in the order it reports them. */
    public static final List<String> EDITS = InterventionsCheck.EDITS;

    private static final List<Check> ALL = List.of(new AccuracyCheck(), new ClassRecallCheck(),
            new ClassPrecisionCheck(), new CalibrationCheck(), new FocusCheck(), new InterventionsCheck(),
            new SanityCheck(), new FaithfulnessCheck(), new CompletenessCheck());

    private Checks() {}

    /** Every check, in report order. */
    public static List<Check> all() {
        return ALL;
    }

    /** Every check's definition, in report order. */
    public static List<CheckDefinition> definitions() {
        return ALL.stream().map(Check::definition).toList();
    }

    public static List<String> ids() {
        return definitions().stream().map(CheckDefinition::id).toList();
    }

    public static Optional<CheckDefinition> definition(String id) {
        return definitions().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public static Optional<Check> check(String id) {
        return ALL.stream().filter(c -> c.definition().id().equals(id)).findFirst();
    }

    /** Every check with its default settings, in registry order. */
    public static Map<String, CheckSettings> withDefaults() {
        Map<String, CheckSettings> all = new java.util.LinkedHashMap<>();
        for (CheckDefinition d : definitions()) {
            all.put(d.id(), CheckSettings.of(d, Map.of()));
        }
        return all;
    }
}
