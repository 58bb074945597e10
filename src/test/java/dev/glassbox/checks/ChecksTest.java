package dev.glassbox.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.battery.RunPlan;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void theRegistryListsEveryCheckOnceInReportOrder() {
        assertEquals(List.of("accuracy", "class-recall", "class-precision", "calibration", "focus", "interventions",
                "sanity", "faithfulness", "completeness"), Checks.ids());
        assertEquals(Checks.ids().size(), new HashSet<>(Checks.ids()).size());
        for (Check check : Checks.all()) {
            String id = check.definition().id();
            assertSame(check, Checks.check(id).orElseThrow());
            assertEquals(check.definition(), Checks.definition(id).orElseThrow());
        }
        assertTrue(Checks.check("no-such-check").isEmpty());
        assertEquals(InterventionsCheck.EDITS, Checks.EDITS);
    }

    @Test
    void everyDefinitionIsDescribedAndItsDefaultsAreInsideTheirRanges() {
        for (CheckDefinition d : Checks.definitions()) {
            assertTrue(d.id().matches("[a-z]+(-[a-z]+)*"), d.id());
            assertFalse(d.title().isBlank(), d.id());
            assertTrue(d.description().length() > 40, d.id() + " needs a description a reader can use");
            assertFalse(d.parameters().isEmpty(), d.id());
            assertEquals(d.parameterNames().size(), new HashSet<>(d.parameterNames()).size(), d.id());
            for (CheckParameter p : d.parameters()) {
                String where = d.id() + "." + p.name();
                assertFalse(p.description().isBlank(), where);
                assertTrue(p.min() <= p.max(), where);
                switch (p.kind()) {
                    case NUMBER -> {
                        double v = assertInstanceOf(Double.class, p.defaultValue(), where);
                        assertTrue(v >= p.min() && v <= p.max(), where + " default " + v);
                    }
                    case INTEGER -> {
                        int v = assertInstanceOf(Integer.class, p.defaultValue(), where);
                        assertTrue(v >= p.min() && v <= p.max(), where + " default " + v);
                    }
                    case CHOICES -> {
                        List<?> v = assertInstanceOf(List.class, p.defaultValue(), where);
                        assertFalse(p.choices().isEmpty(), where);
                        assertTrue(p.choices().containsAll(v), where + " default " + v);
                    }
                    default -> throw new AssertionError(where);
                }
            }
            // the defaults make settings every check can read
            CheckSettings defaults = CheckSettings.of(d, Map.of());
            assertEquals(d.parameterNames(), List.copyOf(defaults.values().keySet()), d.id());
        }
    }

    @Test
    void settingsTakeGivenValuesOverDefaultsAndNameTheMissingOne() {
        CheckSettings s = CheckSettings.of(FocusCheck.DEFINITION, Map.of("min", 0.7));
        assertEquals(0.7, s.number("min"));
        assertEquals(12, s.integer("images-per-class"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.number("max"));
        assertTrue(e.getMessage().contains("no setting 'max'"), e.getMessage());
    }

    @Test
    void aBatteryPlanRunsItsChecksInRegistryOrderAndRefusesUnknownOnes() {
        Map<String, CheckSettings> given = new java.util.LinkedHashMap<>();
        given.put("sanity", CheckSettings.of(SanityCheck.DEFINITION, Map.of()));
        given.put("accuracy", CheckSettings.of(AccuracyCheck.DEFINITION, Map.of()));
        assertEquals(List.of("accuracy", "sanity"), List.copyOf(plan().withChecks(given, 1).checks().keySet()));
        assertEquals(Checks.ids(), List.copyOf(Checks.withDefaults().keySet()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plan().withChecks(Map.of("acuracy", CheckSettings.of(AccuracyCheck.DEFINITION, Map.of())), 1));
        assertTrue(e.getMessage().contains("no check 'acuracy'"), e.getMessage());
    }

    private static RunPlan plan() {
        return RunPlan.basic("t", java.time.Instant.EPOCH, 8, 1);
    }

    @Test
    void theWorseStatusWins() {
        assertEquals(CheckStatus.FAIL, CheckStatus.WARN.worse(CheckStatus.FAIL));
        assertEquals(CheckStatus.ERROR, CheckStatus.ERROR.worse(CheckStatus.FAIL));
        assertEquals(CheckStatus.SKIPPED, CheckStatus.PASS.worse(CheckStatus.SKIPPED));
        assertEquals(CheckStatus.WARN, CheckStatus.byId("warn"));
    }
}
