package dev.glassbox.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.evaluation.ClassMetrics;
import dev.glassbox.evaluation.ConfusionMatrix;
import dev.glassbox.evaluation.Evaluation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code summary.json}, the machine-readable report (DESIGN.md §6). The tree is built field by field rather than
 * from the records, so renaming a record component cannot silently change a versioned format.
 */
public final class SummaryJson {

    public static final String SCHEMA = "glassbox-summary/1";
    public static final String FILE_NAME = "summary.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {}

    public static String toJson(Report report) {
        try {
            return JSON.writeValueAsString(tree(report)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write summary.json", e);
        }
    }

    public static void write(Report report, Path file) throws IOException {
        Files.writeString(file, toJson(report), StandardCharsets.UTF_8);
    }

    /** Whether {@code folder} holds a report Glassbox wrote (a {@code summary.json} of any Glassbox schema). */
    public static boolean isReportFolder(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            JsonNode schema = JSON.readTree(file.toFile()).get("schema");
            return schema != null && schema.asText().startsWith("glassbox-summary/");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static ObjectNode tree(Report report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("title", report.title());
        root.put("generatedAt", report.generatedAt().toString());
        root.put("verdict", report.verdict());
        root.put("verdictNote", report.verdictNote());
        ArrayNode models = root.putArray("models");
        for (ModelReport m : report.models()) {
            ObjectNode mo = models.addObject();
            mo.put("name", m.name());
            mo.put("file", m.file());
            mo.put("sha256", m.sha256());
            mo.put("input", m.input());
            ArrayNode evaluations = mo.putArray("evaluations");
            for (Evaluation e : m.evaluations()) {
                evaluation(evaluations.addObject(), e);
            }
            ArrayNode gallery = mo.putArray("gallery");
            for (GallerySample s : m.gallery()) {
                ObjectNode g = gallery.addObject();
                g.put("dataset", s.dataset());
                g.put("class", s.className());
                g.put("outcome", s.outcome().id());
                g.put("rank", s.rank());
                g.put("file", s.file());
                g.put("trueClass", s.trueClass());
                g.put("predictedClass", s.predictedClass());
                g.put("confidence", s.confidence());
                g.put("picture", s.picture());
                ObjectNode maps = g.putObject("maps");
                s.maps().forEach(map -> maps.put(map.method(), map.picture()));
            }
        }
        ArrayNode datasets = root.putArray("datasets");
        for (DatasetSummary d : report.datasets()) {
            ObjectNode dn = datasets.addObject();
            dn.put("name", d.name());
            dn.put("images", d.images());
            ArrayNode classes = dn.putArray("classes");
            for (int c = 0; c < d.classes().size(); c++) {
                classes.addObject().put("name", d.classes().get(c)).put("images", d.counts().get(c));
            }
        }
        // The battery of checks arrives later; the key is here so readers of the format can rely on it.
        root.putArray("checks");
        ObjectNode timings = root.putObject("timings");
        report.timings().forEach(timings::put);
        ObjectNode versions = root.putObject("versions");
        report.versions().forEach(versions::put);
        return root;
    }

    private static void evaluation(ObjectNode eo, Evaluation e) {
        eo.put("dataset", e.dataset());
        eo.put("images", e.images());
        eo.put("correct", e.correct());
        eo.put("accuracy", e.accuracy());
        ArrayNode classes = eo.putArray("classes");
        for (ClassMetrics c : e.classes()) {
            classes.addObject().put("name", c.name()).put("precision", c.precision()).put("recall", c.recall())
                    .put("f1", c.f1()).put("support", c.support());
        }
        ConfusionMatrix m = e.confusion();
        ObjectNode confusion = eo.putObject("confusion");
        ArrayNode names = confusion.putArray("classes");
        m.classes().forEach(names::add);
        ArrayNode rows = confusion.putArray("counts");
        for (long[] row : m.counts()) {
            ArrayNode r = rows.addArray();
            for (long v : row) {
                r.add(v);
            }
        }
    }
}
