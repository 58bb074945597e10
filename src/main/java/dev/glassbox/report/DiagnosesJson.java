package dev.glassbox.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.checks.Evidence;
import dev.glassbox.diagnosis.Comparison;
import dev.glassbox.diagnosis.Cue;
import dev.glassbox.diagnosis.Effect;
import dev.glassbox.diagnosis.Harm;
import dev.glassbox.diagnosis.Problem;
import dev.glassbox.diagnosis.Rate;
import dev.glassbox.diagnosis.RecallGap;
import dev.glassbox.evaluation.McNemar;

/**
 * The {@code diagnoses} of summary.json: one object per problem, in the shape issue 14 fixed
 * ({@code model, class, rank, kind, cue {kind, where, detail}, toward, effect {removed, transplanted}, recallGap,
 * sentence, action, evidence}), with further fields beside them (the data set, what each rate is measured against,
 * the harm, the signals, the other model's measures). Figures that are not numbers are null.
 */
final class DiagnosesJson {

    private DiagnosesJson() {}

    static void write(ArrayNode out, Report report) {
        for (Problem p : report.diagnoses()) {
            problem(out.addObject(), p);
        }
    }

    private static void problem(ObjectNode o, Problem p) {
        o.put("model", p.model());
        o.put("class", p.className());
        o.put("rank", p.rank());
        o.put("kind", p.kind().id());
        if (p.cue() == null) {
            o.putNull("cue");
        } else {
            cue(o.putObject("cue"), p.cue());
        }
        o.put("toward", p.toward());
        o.put("dataset", p.dataset());
        effect(o.putObject("effect"), p.effect());
        if (p.recallGap() == null) {
            o.putNull("recallGap");
        } else {
            gap(o.putObject("recallGap"), p.recallGap());
        }
        harm(o.putObject("harm"), p.harm());
        o.put("sentence", p.sentence());
        o.put("action", p.action());
        ArrayNode evidence = o.putArray("evidence");
        ArrayNode captions = o.putArray("evidenceCaptions");
        for (Evidence e : p.evidence()) {
            evidence.add(e.picture());
            captions.add(e.caption());
        }
        ObjectNode signals = o.putObject("signals");
        p.signals().forEach((name, v) -> number(signals, name, v));
        ArrayNode others = o.putArray("otherCues");
        p.otherCues().forEach(c -> cue(others.addObject(), c));
        if (p.comparison() == null) {
            o.putNull("comparison");
        } else {
            comparison(o.putObject("comparison"), p.comparison());
        }
    }

    private static void cue(ObjectNode o, Cue c) {
        o.put("kind", c.kind().id());
        o.put("where", c.where());
        o.put("detail", c.detail());
    }

    private static void effect(ObjectNode o, Effect e) {
        rate(o.putObject("removed"), e.removed());
        rate(o.putObject("transplanted"), e.transplanted());
        rate(o.putObject("removedElsewhere"), e.removedElsewhere());
        rate(o.putObject("control"), e.control());
    }

    private static void rate(ObjectNode o, Rate r) {
        number(o, "rate", r.isEmpty() ? null : r.rate());
        number(o, "low", r.isEmpty() ? null : r.low());
        number(o, "high", r.isEmpty() ? null : r.high());
        o.put("count", r.count());
        o.put("images", r.images());
    }

    private static void gap(ObjectNode o, RecallGap g) {
        o.put("between", g.between());
        o.put("from", g.from());
        o.put("to", g.to());
        number(o, "gap", g.gap());
        number(o, "low", g.low());
        number(o, "high", g.high());
        o.put("support", g.support());
    }

    private static void harm(ObjectNode o, Harm h) {
        number(o, "expected", h.expected());
        number(o, "low", h.low());
        number(o, "high", h.high());
        o.put("dataset", h.dataset());
        o.put("basis", h.basis());
    }

    private static void comparison(ObjectNode o, Comparison c) {
        o.put("model", c.model());
        effect(o.putObject("effect"), c.effect());
        test(o, "removedTest", c.removedTest());
        test(o, "transplantedTest", c.transplantedTest());
        number(o, "recall", c.recall());
        test(o, "recallTest", c.recallTest());
    }

    /** An exact McNemar test: discordant pairs each way ("first" is the diagnosed model) and the two-sided p. */
    private static void test(ObjectNode o, String name, McNemar t) {
        if (t == null) {
            o.putNull(name);
            return;
        }
        ObjectNode n = o.putObject(name);
        n.put("diagnosedOnly", t.firstOnly());
        n.put("otherOnly", t.secondOnly());
        number(n, "p", t.p());
    }

    private static void number(ObjectNode o, String name, Double v) {
        if (v == null || !Double.isFinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }
}
