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
 */
public record CheckDefinition(String id, String title, String description, List<CheckParameter> parameters) {

    public CheckDefinition {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(description);
        parameters = List.copyOf(parameters);
    }

    public java.util.Optional<CheckParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> parameterNames() {
        return parameters.stream().map(CheckParameter::name).toList();
    }
}
