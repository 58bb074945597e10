package dev.glassbox.checks;

import java.util.List;
import java.util.Objects;

/**
 * What a check is, for the config, the report and the annotated example battery.
 *
 * @param id          the key in the config's {@code checks:} map ("class-recall")
 * @param title       a short heading ("Recall of each class")
 * @param description what it measures and why it matters, in plain words, for the report's readers
 * @param parameters  its settings and default thresholds
 * @param judges      what its results judge: the model, or the attribution methods (sanity, faithfulness,
 *                    completeness), whose failures mark a method untrustworthy and do not count against the model
 */
public record CheckDefinition(String id, String title, String description, List<CheckParameter> parameters,
                              Judges judges) {

    /** What a check's results judge. */
    public enum Judges { MODEL, METHODS }

    /** A check that judges the model. */
    public CheckDefinition(String id, String title, String description, List<CheckParameter> parameters) {
        this(id, title, description, parameters, Judges.MODEL);
    }

    /** The same check, judging the attribution methods rather than the model. */
    public CheckDefinition aboutMethods() {
        return new CheckDefinition(id, title, description, parameters, Judges.METHODS);
    }

    /** Whether its results judge the attribution methods rather than the model. */
    public boolean judgesMethods() {
        return judges == Judges.METHODS;
    }

    public CheckDefinition {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(description);
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(judges);
    }

    public java.util.Optional<CheckParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> parameterNames() {
        return parameters.stream().map(CheckParameter::name).toList();
    }
}
