package dev.glassbox.report;

import dev.glassbox.featurevis.GroupExample;
import dev.glassbox.featurevis.ClassReliance;
import dev.glassbox.featurevis.ClassPicture;
import dev.glassbox.featurevis.GroupFlag;
import dev.glassbox.featurevis.LayerGroups;
import dev.glassbox.featurevis.NeuronReport;
import dev.glassbox.featurevis.NeuronGroup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.checks.CheckChart;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.Evidence;
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
        root.put("verdict", report.verdict().id());
        root.put("verdictNote", report.verdictNote());
        ArrayNode models = root.putArray("models");
        for (ModelReport m : report.models()) {
            model(models.addObject(), m, report);
        }
        ArrayNode datasets = root.putArray("datasets");
        for (DatasetSummary d : report.datasets()) {
            ObjectNode dn = datasets.addObject();
            dn.put("name", d.name());
            dn.put("images", d.images());
            dn.put("masks", d.masks());
            ArrayNode classes = dn.putArray("classes");
            for (int c = 0; c < d.classes().size(); c++) {
                classes.addObject().put("name", d.classes().get(c)).put("images", d.counts().get(c));
            }
        }
        ArrayNode checks = root.putArray("checks");
        for (CheckResult r : report.checks()) {
            check(checks.addObject(), r);
        }
        DiagnosesJson.write(root.putArray("diagnoses"), report);
        ObjectNode run = root.putObject("run");
        run.put("seed", report.run().seed());
        run.put("config", report.run().configName());
        run.put("compared", report.compares());
        ObjectNode timings = root.putObject("timings");
        report.timings().forEach(timings::put);
        ObjectNode versions = root.putObject("versions");
        report.versions().forEach(versions::put);
        return root;
    }

    /** One model: its file, hash, input, own verdict, untrustworthy methods, evaluations, gallery, neurons. */
    private static void model(ObjectNode mo, ModelReport m, Report report) {
        mo.put("name", m.name());
        mo.put("file", m.file());
        mo.put("sha256", m.sha256());
        mo.put("input", m.input());
        mo.put("verdict", report.verdictOf(m.name()).id());
        ArrayNode untrusted = mo.putArray("untrustworthyMethods");
        report.untrustworthyMethods(m.name()).forEach(untrusted::add);
        ArrayNode evaluations = mo.putArray("evaluations");
        for (Evaluation e : m.evaluations()) {
            evaluation(evaluations.addObject(), e);
        }
        ArrayNode gallery = mo.putArray("gallery");
        for (GallerySample s : m.gallery()) {
            gallerySample(gallery.addObject(), s);
        }
        if (!m.neurons().isEmpty()) {
            neurons(mo.putObject("neurons"), m.neurons());
        }
    }

    private static void gallerySample(ObjectNode g, GallerySample s) {
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

    private static void check(ObjectNode co, CheckResult r) {
        co.put("id", r.check());
        co.put("model", r.model());
        co.put("dataset", r.dataset());
        co.put("class", r.className());
        co.put("method", r.method());
        co.put("status", r.status().id());
        number(co, "value", r.value());
        number(co, "threshold", r.threshold());
        co.put("finding", r.finding());
        ArrayNode evidence = co.putArray("evidence");
        for (Evidence e : r.evidence()) {
            evidence.addObject().put("picture", e.picture()).put("caption", e.caption());
        }
        ObjectNode details = co.putObject("details");
        r.details().forEach((name, v) -> number(details, name, v));
        ArrayNode charts = co.putArray("charts");
        for (CheckChart c : r.charts()) {
            ObjectNode chart = charts.addObject();
            chart.put("title", c.title());
            chart.put("xLabel", c.xLabel());
            chart.put("yLabel", c.yLabel());
            chart.put("caption", c.caption());
            ArrayNode series = chart.putArray("series");
            for (CheckChart.Series s : c.series()) {
                ObjectNode so = series.addObject();
                so.put("name", s.name());
                so.put("dashed", s.dashed());
                ArrayNode x = so.putArray("x");
                ArrayNode y = so.putArray("y");
                for (int i = 0; i < s.x().length; i++) {
                    addNumber(x, s.x()[i]);
                    addNumber(y, s.y()[i]);
                }
            }
        }
    }

    /** A model's neuron analysis; every figure that is not a number (a ratio with no real image above zero) is null. */
    private static void neurons(ObjectNode no, NeuronReport n) {
        no.put("steps", n.steps());
        ArrayNode pictures = no.putArray("classPictures");
        for (ClassPicture c : n.classPictures()) {
            ObjectNode co = pictures.addObject();
            co.put("class", c.className());
            co.put("picture", c.picture());
            number(co, "objective", c.objective());
            number(co, "datasetMax", c.datasetMax());
            number(co, "reached", c.reached());
        }
        ArrayNode layers = no.putArray("layers");
        for (LayerGroups l : n.layers()) {
            ObjectNode lo = layers.addObject();
            lo.put("layer", l.layer());
            lo.put("shape", l.shape());
            lo.put("channels", l.channels());
            lo.put("images", l.images());
            lo.put("positions", l.positions());
            number(lo, "explained", l.explained());
            ArrayNode groups = lo.putArray("groups");
            for (NeuronGroup g : l.groups()) {
                group(groups.addObject(), g);
            }
        }
    }

    private static void group(ObjectNode go, NeuronGroup g) {
        go.put("index", g.index());
        go.put("picture", g.picture());
        number(go, "objective", g.objective());
        number(go, "datasetMax", g.datasetMax());
        number(go, "reached", g.reached());
        go.put("caption", g.caption());
        ArrayNode notes = go.putArray("notes");
        g.notes().forEach(notes::add);
        number(go, "offObject", g.offObject());
        ArrayNode channels = go.putArray("topChannels");
        g.topChannels().forEach(channels::add);
        ArrayNode examples = go.putArray("examples");
        for (GroupExample e : g.examples()) {
            ObjectNode eo = examples.addObject();
            eo.put("dataset", e.dataset());
            eo.put("file", e.file());
            eo.put("trueClass", e.trueClass());
            eo.put("picture", e.picture());
            number(eo, "activation", e.activation());
        }
        ArrayNode flags = go.putArray("flags");
        for (GroupFlag f : g.flags()) {
            ObjectNode fo = flags.addObject();
            fo.put("kind", f.kind());
            fo.put("class", f.className());
            fo.put("cue", f.cue());
            number(fo, "with", f.with());
            number(fo, "without", f.without());
            fo.put("pictures", f.pictures());
            number(fo, "p", f.p());
        }
        ArrayNode classes = go.putArray("classes");
        for (ClassReliance c : g.classes()) {
            ObjectNode co = classes.addObject();
            co.put("class", c.className());
            number(co, "contribution", c.contribution());
            number(co, "share", c.share());
        }
    }

    /** JSON has no NaN or infinity: a figure that is not a number is written as null. */
    private static void number(ObjectNode o, String name, Double v) {
        if (v == null || !Double.isFinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    private static void addNumber(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
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
