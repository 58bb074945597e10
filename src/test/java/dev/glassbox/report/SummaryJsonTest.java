package dev.glassbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
