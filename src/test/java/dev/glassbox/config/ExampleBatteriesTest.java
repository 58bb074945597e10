package dev.glassbox.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.glassbox.attribution.AttributionMethods;
import dev.glassbox.checks.CheckDefinition;
import dev.glassbox.checks.CheckSettings;
import dev.glassbox.checks.Checks;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batteries under {@code fixtures/batteries}: both load, and the annotated example documents every key the
 * config reads, every check parameter with its default and every attribution method's parameters, so that the
 * documentation cannot fall behind the code.
 */
class ExampleBatteriesTest {

    private static final Path BATTERIES = Path.of("fixtures", "batteries");

    /**
     * A copy of the fixtures' layout: the models, and empty folders where {@code ./glassbox demo} puts its pictures
     * (git-ignored, so absent from a fresh clone).
     */
    @TempDir
    Path fixtures;

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(fixtures.resolve("batteries"));
        Files.createDirectories(fixtures.resolve("models"));
        for (String model : List.of("shapes-flawed.zip", "shapes-fixed.zip")) {
            Files.writeString(fixtures.resolve("models").resolve(model), "not read");
        }
        for (String split : List.of("test-clean", "test-biased")) {
            Files.createDirectories(fixtures.resolve("data/shapes").resolve(split));
            Files.createDirectories(fixtures.resolve("data/shapes").resolve(split + "-masks"));
            Files.createDirectories(fixtures.resolve("data/shapes").resolve(split + "-tag-masks"));
        }
    }

    private BatteryConfig load(String name) throws IOException {
        Path copy = fixtures.resolve("batteries").resolve(name);
        Files.copy(BATTERIES.resolve(name), copy);
        return BatteryConfig.load(copy);
    }

    private static JsonNode tree(String name) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(BATTERIES.resolve(name).toFile());
    }

    private static Map<String, CheckSettings> defaults() {
        Map<String, CheckSettings> out = new LinkedHashMap<>();
        for (CheckDefinition d : Checks.definitions()) {
            out.put(d.id(), CheckSettings.of(d, Map.of()));
        }
        return out;
    }

    @Test
    void theDemoBatteryLoads() throws IOException {
        BatteryConfig c = load("demo.yaml");

        assertEquals("Shapes demo: a flawed and a fixed classifier", c.title());
        assertEquals(fixtures.toAbsolutePath().normalize().resolve("models/shapes-flawed.zip"), c.model());
        assertEquals(fixtures.toAbsolutePath().normalize().resolve("models/shapes-fixed.zip"), c.compare());
        assertEquals(InputSpec.image(InputLayout.NCHW, 3, 32, 32), c.input().spec().orElseThrow());
        assertEquals(1.0 / 255, c.input().scale(), 1e-15);
        assertEquals(List.of("circle", "square", "triangle", "star", "cross", "ring"), c.classes());
        assertEquals(List.of("test-biased", "test-clean"), c.data().stream().map(DataSet::name).toList());
        assertTrue(c.data().stream().allMatch(DataSet::hasMasks));
        assertEquals(List.of("saliency", "integrated-gradients", "smoothgrad", "guided-backprop", "grad-cam",
                "occlusion"), c.attribution().methods());
        assertEquals(Map.of("steps", "16"), c.attribution().params("integrated-gradients"));
        assertEquals(Map.of("samples", "10"), c.attribution().params("smoothgrad"));
        assertEquals(Map.of("window", "3,8,8", "stride", "3,8,8"), c.attribution().params("occlusion"));
        assertEquals(2, c.attribution().samplesPerClass());
        assertEquals(new NeuronsConfig(List.of("auto"), 6, 48), c.neurons());
        assertEquals(Checks.ids(), List.copyOf(c.checks().keySet()), "the demo runs every check");
        assertEquals(0.3, c.checks().get("focus").number("min"), "thin shapes: see the comment in demo.yaml");
        assertEquals(30, c.checks().get("interventions").integer("images-per-class"));
        assertEquals(0.2, c.checks().get("interventions").number("max-flip-rate"));
        assertEquals(7, c.seed());
        assertEquals(fixtures.toAbsolutePath().normalize().getParent().resolve("reports/demo"), c.output());
    }

    @Test
    void theExampleLoadsAndWritesOutEveryCheckDefault() throws IOException {
        BatteryConfig c = load("example.yaml");

        assertEquals(defaults(), c.checks());
        // the example writes out every default; it names its groups, so they are not cut to a narrow layer
        assertEquals(new NeuronsConfig(NeuronsConfig.DEFAULT.layers(), NeuronsConfig.DEFAULT.groups(),
                NeuronsConfig.DEFAULT.steps()), c.neurons());
        assertEquals(1.0 / 255, c.input().scale(), 1e-15);
    }

    @Test
    void theExampleHasEveryKey() throws IOException {
        JsonNode root = tree("example.yaml");

        assertHasKeys("top level", root, BatteryConfig.KEYS);
        assertHasKeys("input", root.get("input"), InputConfig.KEYS);
        assertHasKeys("data[0]", root.get("data").get(0), DataSet.KEYS);
        assertHasKeys("attribution", root.get("attribution"), AttributionConfig.KEYS);
        assertHasKeys("neurons", root.get("neurons"), NeuronsConfig.KEYS);
        assertHasKeys("diagnosis", root.get("diagnosis"), DiagnosisConfig.KEYS);
        assertHasKeys("checks", root.get("checks"), Checks.ids());
        for (CheckDefinition d : Checks.definitions()) {
            assertHasKeys("checks." + d.id(), root.get("checks").get(d.id()), d.parameterNames());
        }
    }

    @Test
    void theExampleListsEveryAttributionMethodWithItsParameters() throws IOException {
        List<String> lines = Files.readAllLines(BATTERIES.resolve("example.yaml"));
        for (String method : AttributionMethods.names()) {
            Pattern start = Pattern.compile("^\\s*#\\s+" + Pattern.quote(method) + ": ");
            int at = -1;
            for (int i = 0; i < lines.size() && at < 0; i++) {
                if (start.matcher(lines.get(i)).find()) {
                    at = i;
                }
            }
            assertTrue(at >= 0, "example.yaml has no comment line '#   " + method + ": ...'");
            // the method's entry runs on over indented comment lines
            StringBuilder entry = new StringBuilder(lines.get(at));
            for (int i = at + 1; i < lines.size() && lines.get(i).matches("^\\s*#\\s{4,}\\S.*"); i++) {
                entry.append(' ').append(lines.get(i));
            }
            for (String param : AttributionMethods.parameters(method)) {
                assertTrue(entry.toString().contains(param + " ("),
                        "example.yaml's entry for " + method + " does not describe '" + param + "': " + entry);
            }
            if (AttributionMethods.parameters(method).isEmpty()) {
                assertTrue(entry.toString().contains("no parameters"), entry.toString());
            }
        }
    }

    @Test
    void everyKeyInTheExampleHasAComment() throws IOException {
        List<String> lines = Files.readAllLines(BATTERIES.resolve("example.yaml"));
        Pattern key = Pattern.compile("^\\s*(?:-\\s+)?([A-Za-z][A-Za-z0-9-]*):");
        List<String> bare = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = key.matcher(lines.get(i));
            if (m.find() && !lines.get(i).contains("#") && (i == 0 || !lines.get(i - 1).trim().startsWith("#"))) {
                bare.add((i + 1) + ": " + lines.get(i));
            }
        }
        assertEquals(List.of(), bare, "keys in example.yaml without a comment on or above their line");
    }

    private static void assertHasKeys(String where, JsonNode map, List<String> keys) {
        assertTrue(map != null && map.isObject(), "example.yaml has no map at " + where);
        Set<String> present = new TreeSet<>();
        map.fieldNames().forEachRemaining(present::add);
        Set<String> missing = new TreeSet<>(keys);
        missing.removeAll(present);
        assertEquals(Set.of(), missing, "keys missing from example.yaml at " + where);
    }
}
