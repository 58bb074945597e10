package dev.glassbox.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A model the report tests.
 *
 * @param name   the name readers see ("shapes-flawed")
 * @param file   the model file, hashed into the report so readers can tell which file was tested
 * @param engine the model's gradient engine
 */
public record ModelUnderTest(String name, Path file, GradientEngine engine) {

    public ModelUnderTest {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a model needs a name");
        }
        Objects.requireNonNull(file);
        Objects.requireNonNull(engine);
    }
}
