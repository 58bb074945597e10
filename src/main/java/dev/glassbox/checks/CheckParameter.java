package dev.glassbox.checks;

import java.util.List;
import java.util.Objects;

/**
 * One setting of a check in the battery config ({@code checks: {focus: {min: 0.5}}}): its name, kind, allowed range
 * and default. The config validates against these, and the annotated example documents them.
 *
 * @param name         the key in the config
 * @param kind         number, integer or a list of choices
 * @param min          smallest allowed value (number and integer)
 * @param max          largest allowed value (number and integer)
 * @param defaultValue the value when the config leaves it out: a Double, an Integer or a List of Strings
 * @param choices      the allowed strings of a {@link Kind#CHOICES} list, otherwise empty
 * @param description  what it does, one sentence
 */
public record CheckParameter(String name, Kind kind, double min, double max, Object defaultValue,
                             List<String> choices, String description) {

    /** What a value must be. */
    public enum Kind { NUMBER, INTEGER, CHOICES }

    public CheckParameter {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(defaultValue);
        choices = List.copyOf(choices);
        Objects.requireNonNull(description);
    }

    public static CheckParameter number(String name, double min, double max, double defaultValue,
                                        String description) {
        return new CheckParameter(name, Kind.NUMBER, min, max, defaultValue, List.of(), description);
    }

    public static CheckParameter integer(String name, int min, int max, int defaultValue, String description) {
        return new CheckParameter(name, Kind.INTEGER, min, max, defaultValue, List.of(), description);
    }

    /** A list of some of {@code choices}; by default all of them. */
    public static CheckParameter choices(String name, List<String> choices, String description) {
        return new CheckParameter(name, Kind.CHOICES, 0, choices.size(), List.copyOf(choices), choices, description);
    }
}
