package dev.glassbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.checks.Evidence;
import dev.glassbox.diagnosis.Cue;
import dev.glassbox.diagnosis.Effect;
import dev.glassbox.diagnosis.Harm;
import dev.glassbox.diagnosis.Problem;
import dev.glassbox.diagnosis.Rate;
import dev.glassbox.diagnosis.RecallGap;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.testing.TinyReports;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** summary.json's diagnoses in the shape issue 14 fixed, and each model's own verdict. */
class DiagnosesJsonTest {

    private static final List<String> CLASSES = List.of("red", "green", "blue");

    static Problem shortcut(String model) {
        return new Problem(model, "green", 1, Problem.Kind.SHORTCUT, new Cue(Cue.Kind.CORNER, "bottom-right",
                "magenta"), "green", "d", new Effect(new Rate(6, 20), new Rate(9, 30), new Rate(1, 80), new Rate(0, 30)),
                new RecallGap("datasets", "biased", "d", 0.2, 0.1, 0.3, 40), new Harm(8, 4, 12, "d", "recall-gap"),
                Map.of("property-auc", 0.9), List.of(), null, "Putting the corner ...", "Take the tag out ...",
                List.of(new Evidence("img/diagnosis/m0/p1-before.png", "Before"),
                        new Evidence("img/diagnosis/m0/p1-after.png", "After")));
    }

    @Test
    void eachProblemHasTheIssuesFieldsAndEachModelItsVerdict() throws Exception {
        try (ImageStore store = ImageStore.temporary()) {
            Report report = TinyReports.build(store, List.of(TinyReports.model("a", 3), TinyReports.model("b", 4)),
                    List.of(TinyReports.images("d", CLASSES, 12, 1))).withDiagnoses(List.of(shortcut("a")));
            JsonNode root = new ObjectMapper().readTree(SummaryJson.toJson(report));
            JsonNode p = root.get("diagnoses").get(0);
            for (String field : List.of("model", "class", "rank", "kind", "cue", "toward", "effect", "recallGap",
                    "sentence", "action", "evidence")) {
                assertTrue(p.has(field), field + " in " + p);
            }
            assertEquals("shortcut", p.get("kind").asText());
            assertEquals(List.of("kind", "where", "detail"), fields(p.get("cue")));
            assertEquals("corner", p.get("cue").get("kind").asText());
            assertEquals("bottom-right", p.get("cue").get("where").asText());
            for (String rate : List.of("removed", "transplanted")) {
                JsonNode r = p.get("effect").get(rate);
                for (String field : List.of("rate", "low", "high", "images")) {
                    assertTrue(r.has(field), rate + "." + field);
                }
            }
            assertEquals(0.3, p.get("effect").get("transplanted").get("rate").asDouble(), 1e-12);
            assertEquals(30, p.get("effect").get("transplanted").get("images").asInt());
            for (String field : List.of("from", "to", "gap", "low", "high")) {
                assertTrue(p.get("recallGap").has(field), field);
            }
            assertEquals("img/diagnosis/m0/p1-before.png", p.get("evidence").get(0).asText());
            assertEquals("warn", root.get("models").get(0).get("verdict").asText(), "a shortcut is at least a warn");
            assertEquals("not-run", root.get("models").get(1).get("verdict").asText());
            assertEquals(Verdict.WARN, report.verdictOf("a"));
        }
    }

    @Test
    void aMethodCheckMarksTheMethodAndDoesNotFailTheModel() {
        List<CheckResult> results = new ArrayList<>();
        results.add(CheckResult.Subject.of("accuracy", "m").on("d").result(CheckStatus.PASS, 0.95, 0.9, "fine"));
        results.add(CheckResult.Subject.of("sanity", "m").forMethod("guided-backprop").result(CheckStatus.FAIL, 0.9,
                0.5, "the pictures ignore the model"));
        assertEquals(Verdict.PASS, Report.modelVerdict(results, false));
        assertEquals(Verdict.WARN, Report.modelVerdict(results, true));
        results.add(CheckResult.Subject.of("class-recall", "m").on("d").forClass("red").result(CheckStatus.FAIL,
                0.5, 0.8, "misses red"));
        assertEquals(Verdict.FAIL, Report.modelVerdict(results, true));
        assertEquals(Verdict.FAIL, Verdict.worst(List.of(Verdict.PASS, Verdict.FAIL, Verdict.WARN)));
        assertEquals(Verdict.NOT_RUN, Verdict.worst(List.of(Verdict.NOT_RUN)));
        assertEquals(Verdict.NOT_RUN, Verdict.worst(List.of()));
        assertEquals(Verdict.FAIL, Verdict.byId("fail"));
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
