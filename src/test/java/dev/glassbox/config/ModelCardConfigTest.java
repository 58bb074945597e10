package dev.glassbox.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.GlassboxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The config's optional {@code model-card:} keys, for the model card page: what the model is for, and its limits. */
class ModelCardConfigTest {

    /** A config parsed from text; the files it names are never read. */
    private static BatteryConfig parse(String modelCard) {
        String yaml = "model: " + Path.of("pom.xml").toAbsolutePath() + "\ndata:\n  - images: "
                + Path.of("src").toAbsolutePath() + "\n" + modelCard;
        return BatteryConfig.parse(Path.of("battery.yaml"), yaml);
    }

    @Test
    void withoutTheKeysTheCardSaysNothing() {
        assertEquals(ModelCardConfig.NONE, parse("").modelCard());
    }

    @Test
    void intendedUseAndLimitsAreReadAsWritten() {
        ModelCardConfig c = parse("""
                model-card:
                  intended-use: Naming shapes in small pictures.
                  limits:
                    - Only 32x32 pictures.
                    - Not for decisions that matter.
                """).modelCard();
        assertEquals("Naming shapes in small pictures.", c.intendedUse());
        assertEquals(List.of("Only 32x32 pictures.", "Not for decisions that matter."), c.limits());
        assertEquals(List.of("One limit."), parse("model-card: {limits: One limit.}").modelCard().limits(),
                "one sentence is a list of one");
    }

    @Test
    void aMistypedKeyIsNamedWithTheNearestValidOne() {
        GlassboxException e = assertThrows(GlassboxException.class,
                () -> parse("model-card: {intended-uses: x}"));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("unknown key 'model-card.intended-uses'"), e.getMessage());
        assertTrue(e.getMessage().contains("intended-use"), e.getMessage());
    }
}
