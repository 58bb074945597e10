package dev.glassbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.imaging.ImageStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.testing.TinyReports;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");

    @Test
    void everyCheckResultIsWrittenWithNullsWhereAbsent() throws Exception {
        try (ImageStore store = ImageStore.temporary()) {
            Report base = TinyReports.build(store, List.of(TinyReports.model("one", 3), TinyReports.model("two", 4)),
                    List.of(TinyReports.images("d", CLASSES, 12, 1)));
            List<CheckResult> results = TinyReports.hostileChecks(base);
            Report report = TinyReports.withChecks(base, results, TinyReports.HOSTILE_RUN);
            JsonNode root = new ObjectMapper().readTree(SummaryJson.toJson(report));

            assertEquals("fail", root.get("verdict").asText());
            JsonNode checks = root.get("checks");
            assertEquals(results.size(), checks.size());
            JsonNode first = checks.get(0);
            for (String field : List.of("id", "model", "dataset", "class", "method", "status", "value", "threshold",
                    "finding", "evidence", "details")) {
                assertTrue(first.has(field), field);
            }
            assertEquals("accuracy", first.get("id").asText());
            assertEquals("one", first.get("model").asText());
            assertEquals("fail", first.get("status").asText());
            assertEquals(0.4, first.get("value").asDouble());
            assertTrue(first.get("class").isNull());
            assertTrue(first.get("method").isNull());
            assertEquals(0.3, first.get("details").get("interval-low").asDouble());
            assertTrue(first.get("finding").asText().contains("<script>"), "JSON keeps text as it is");

            JsonNode recall = checks.get(1);
            assertEquals("a", recall.get("class").asText());
            assertEquals(2, recall.get("evidence").size());
            assertTrue(recall.get("evidence").get(0).get("picture").asText().startsWith("img/"));
            assertFalse(recall.get("evidence").get(0).get("caption").asText().isEmpty());

            JsonNode skipped = checks.get(3);
            assertEquals("skipped", skipped.get("status").asText());
            assertTrue(skipped.get("value").isNull());
            assertTrue(skipped.get("threshold").isNull());

            JsonNode chart = checks.get(2).get("charts").get(0);
            assertEquals(2, chart.get("series").size());
            assertTrue(chart.get("series").get(1).get("dashed").asBoolean());

            JsonNode run = root.get("run");
            assertEquals(42, run.get("seed").asLong());
            assertEquals("battery <script>.yaml", run.get("config").asText());
        }
    }

    @Test
    void aFigureThatIsNotANumberIsNull() throws Exception {
        try (ImageStore store = ImageStore.temporary()) {
            Report base = TinyReports.build(store, List.of(TinyReports.model("one", 3)),
                    List.of(TinyReports.images("d", CLASSES, 6, 1)));
            CheckResult odd = new CheckResult("calibration", "one", "d", null, null, CheckStatus.ERROR, Double.NaN,
                    0.05, "The check broke.", List.of(), Map.of("ece", Double.POSITIVE_INFINITY), List.of());
            Report report = TinyReports.withChecks(base, List.of(odd), RunInfo.seedOnly(3));
            JsonNode root = new ObjectMapper().readTree(SummaryJson.toJson(report));
            JsonNode c = root.get("checks").get(0);
            assertTrue(c.get("value").isNull());
            assertTrue(c.get("details").get("ece").isNull());
            assertTrue(root.get("run").get("config").isNull());
            assertEquals("fail", root.get("verdict").asText(), "an error fails the verdict");
        }
    }

    @Test
    void aNeuronAnalysisIsWrittenUnderItsModelWithNullsForFiguresThatAreNotNumbers() throws Exception {
        try (ImageStore store = ImageStore.temporary()) {
            Report base = TinyReports.build(store, List.of(TinyReports.model("one", 3), TinyReports.model("two", 4)),
                    List.of(TinyReports.images("d", CLASSES, 6, 1)));
            Report report = TinyReports.withNeurons(base, 0, TinyReports.hostileNeurons(store, "d", CLASSES));
            String json = SummaryJson.toJson(report);
            assertFalse(json.contains("NaN"), "JSON has no NaN");
            JsonNode root = new ObjectMapper().readTree(json);
            assertFalse(root.get("models").get(1).has("neurons"), "a model without the analysis has no entry");
            JsonNode neurons = root.get("models").get(0).get("neurons");
            assertEquals(64, neurons.get("steps").asInt());

            JsonNode pictures = neurons.get("classPictures");
            assertEquals(CLASSES.size(), pictures.size());
            JsonNode a = pictures.get(0);
            assertEquals(List.of("class", "picture", "objective", "datasetMax", "reached"), fields(a));
            assertEquals("a", a.get("class").asText());
            assertTrue(a.get("picture").asText().startsWith("img/neurons/"));
            assertEquals(1.8, a.get("reached").asDouble(), 1e-9);
            assertEquals(-1, pictures.get(1).get("datasetMax").asDouble());
            assertTrue(pictures.get(1).get("reached").isNull(), "a class below zero on every image has no ratio");

            JsonNode layers = neurons.get("layers");
            assertEquals(2, layers.size());
            JsonNode layer = layers.get(0);
            assertEquals(List.of("layer", "shape", "channels", "images", "positions", "explained", "groups"),
                    fields(layer));
            assertEquals(TinyReports.HOSTILE_LAYER, layer.get("layer").asText(), "JSON keeps names as they are");
            assertEquals(0.743, layer.get("explained").asDouble());
            assertTrue(layers.get(1).get("explained").isNull());

            JsonNode g1 = layer.get("groups").get(0);
            assertEquals(List.of("index", "picture", "objective", "datasetMax", "reached", "caption", "notes",
                    "offObject", "topChannels", "examples", "flags", "classes"), fields(g1));
            assertEquals(1, g1.get("index").asInt());
            assertEquals(1.8, g1.get("reached").asDouble(), 1e-9);
            assertEquals(0.72, g1.get("offObject").asDouble());
            assertEquals("[4,17,9]", g1.get("topChannels").toString());
            assertTrue(g1.get("caption").asText().contains("<script>"));
            assertEquals(2, g1.get("notes").size());
            assertEquals(8, g1.get("examples").size());
            JsonNode example = g1.get("examples").get(0);
            assertEquals(List.of("dataset", "file", "trueClass", "picture", "activation"), fields(example));
            assertEquals(2.5, example.get("activation").asDouble());
            JsonNode reliance = g1.get("classes").get(0);
            assertEquals(List.of("class", "contribution", "share"), fields(reliance));
            assertEquals("a", reliance.get("class").asText());
            assertEquals(0.41, reliance.get("share").asDouble());

            JsonNode g2 = layer.get("groups").get(1);
            assertTrue(g2.get("reached").isNull(), "a group never active on real images has no ratio");
            assertTrue(g2.get("offObject").isNull(), "no masks, no share off the objects");
            assertEquals(0, g2.get("datasetMax").asDouble());
        }
    }

    @Test
    void aReportWithoutNeuronAnalysisWritesNoNeuronsEntry() throws Exception {
        try (ImageStore store = ImageStore.temporary()) {
            Report report = TinyReports.build(store, List.of(TinyReports.model("one", 3)),
                    List.of(TinyReports.images("d", CLASSES, 6, 1)));
            JsonNode model = new ObjectMapper().readTree(SummaryJson.toJson(report)).get("models").get(0);
            assertFalse(model.has("neurons"));
            assertTrue(model.has("gallery"));
        }
    }

    private static List<String> fields(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
