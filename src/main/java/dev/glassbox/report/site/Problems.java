package dev.glassbox.report.site;

import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.diagnosis.Problem;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.report.GallerySample;
import dev.glassbox.report.ModelReport;
import dev.glassbox.report.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's problems, ranked. The diagnosis's problems come first, in its order (then by the wrong answers they
 * cost, across models), each
 * with the check results about the same model and class behind it. Then the check results that need a look and no
 * diagnosed problem explains, grouped by cause (a class's results: edits, recall, precision, focus; each whole-model
 * check: accuracy, calibration), the worst status first, then by the share of answers they affect. Results about an
 * attribution method are not problems of the model: {@link #methods} lists them apart.
 */
final class Problems {

    private final Report report;
    private final CheckViews views;

    Problems(Report report, CheckViews views) {
        this.report = report;
        this.views = views;
    }

    /** Every problem of every model, ranked, numbered from 1. */
    List<ProblemView> ranked() {
        List<Problem> diagnosed = new ArrayList<>(report.diagnoses());
        // the diagnosis's own rank first (shortcuts before weak classes), then across models by harm
        diagnosed.sort(Comparator.comparingInt(Problem::rank)
                .thenComparing(Comparator.comparingDouble((Problem p) -> p.harm().expected()).reversed()));
        List<ProblemView> sorted = new ArrayList<>();
        for (Problem p : diagnosed) {
            sorted.add(fromDiagnosis(p));
        }
        List<ProblemView> found = new ArrayList<>(fromFindings(diagnosed));
        found.sort(Comparator.comparingInt((ProblemView p) -> severity(p.status().id()))
                .thenComparing(Comparator.comparingDouble(ProblemView::share).reversed()));
        sorted.addAll(found);
        List<ProblemView> numbered = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            numbered.add(sorted.get(i).numbered(i + 1));
        }
        return numbered;
    }

    /** The problems the first screen shows: the first three, and each model's worst where that is not among them. */
    static List<ProblemView> top(List<ProblemView> ranked, int count) {
        List<ProblemView> top = new ArrayList<>(ranked.subList(0, Math.min(count, ranked.size())));
        for (ProblemView p : ranked) {
            boolean modelShown = top.stream().anyMatch(t -> t.model().equals(p.model()));
            if (!modelShown) {
                top.add(p);
            }
        }
        return top;
    }

    /** The results about an attribution method that need a look: the method, not the model, is in doubt. */
    List<ProblemView.ResultLink> methods() {
        List<ProblemView.ResultLink> out = new ArrayList<>();
        for (CheckResult r : report.checks()) {
            if (r.method() != null && r.isFinding()) {
                ResultView v = views.of(r);
                out.add(new ProblemView.ResultLink(v.href(), r.method() + " for " + r.model() + ": "
                        + v.checkTitle().toLowerCase(java.util.Locale.ROOT), v.status()));
            }
        }
        out.sort(Comparator.comparingInt(l -> severity(l.status().id())));
        return out;
    }

    static int severity(String status) {
        return switch (status) {
            case "fail" -> 0;
            case "error" -> 1;
            case "warn" -> 2;
            default -> 3;
        };
    }

    /**
     * A diagnosed problem as the overview shows it: its own sentence and remedy, its before/after pair, and the
     * check results about the same model and class behind it (their worst status is its badge; a problem the checks
     * did not flag is a warning).
     */
    private ProblemView fromDiagnosis(Problem p) {
        List<CheckResult> behind = report.checksOf(p.model()).stream()
                .filter(r -> r.isFinding() && r.method() == null && p.className() != null
                        && p.className().equals(r.className()))
                .sorted(Comparator.comparingInt(r -> severity(r.status().id()))).toList();
        CheckStatus worst = behind.isEmpty() || severity(behind.get(0).status().id()) > severity("warn")
                ? CheckStatus.WARN : behind.get(0).status();
        List<ProblemView.ResultLink> links = behind.stream().map(r -> {
            ResultView v = views.of(r);
            return new ProblemView.ResultLink(v.href(), v.checkTitle() + " · " + v.subject(), v.status());
        }).toList();
        List<ResultView.Picture> pictures = p.evidence().stream()
                .map(e -> new ResultView.Picture(e.picture(), e.caption(), e.heatmap())).toList();
        String subject = (p.className() == null ? "all classes" : "class " + ProblemWording.quote(p.className()))
                + (p.cue() == null ? "" : ", " + p.cue().describe());
        long pictureCount = report.datasets().stream().filter(d -> d.name().equals(p.harm().dataset()))
                .mapToLong(d -> d.images()).findFirst().orElse(0);
        double share = pictureCount == 0 ? 0 : p.harm().expected() / pictureCount;
        return new ProblemView("", p.model(), Badge.of(worst), subject, p.sentence(), p.action(), pictures, links,
                share);
    }

    private List<ProblemView> fromFindings(List<Problem> diagnosed) {
        Map<String, List<CheckResult>> groups = new LinkedHashMap<>();
        for (CheckResult r : report.checks()) {
            boolean explained = diagnosed.stream().anyMatch(p -> p.model().equals(r.model())
                    && p.className() != null && p.className().equals(r.className()));
            if (r.isFinding() && r.method() == null && !explained) {
                String cause = r.className() != null ? "class\u0000" + r.className() : "check\u0000" + r.check();
                groups.computeIfAbsent(r.model() + "\u0000" + cause, k -> new ArrayList<>()).add(r);
            }
        }
        List<ProblemView> problems = new ArrayList<>();
        for (List<CheckResult> group : groups.values()) {
            problems.add(problem(group));
        }
        return problems;
    }

    private ProblemView problem(List<CheckResult> group) {
        List<CheckResult> results = new ArrayList<>(group);
        results.sort(Comparator.comparingInt(r -> severity(r.status().id())));
        CheckStatus worst = results.get(0).status();
        CheckResult lead = results.get(0);
        String model = lead.model();
        String cls = lead.className();
        double share = results.stream().mapToDouble(Problems::shareOf).max().orElse(0);
        List<ProblemView.ResultLink> links = results.stream().map(r -> {
            ResultView v = views.of(r);
            return new ProblemView.ResultLink(v.href(), v.checkTitle() + " · " + v.subject(), v.status());
        }).toList();
        Badge badge = Badge.of(worst);
        if (cls == null) {
            return wholeModel(lead, badge, links, share);
        }
        String quoted = ProblemWording.quote(cls);
        String subject = "class " + quoted;
        EditChoice edits = EditChoice.of(results);
        CheckResult at = results.stream().filter(r -> r.status() == worst).filter(r -> isEdit(r) && edits != null
                && r == edits.result()).findFirst().orElse(null);
        CheckResult weak = results.stream().filter(r -> r.status() == worst && r.dataset() != null
                && (r.check().equals("class-recall") || r.check().equals("class-precision"))).findFirst().orElse(null);
        if (worst == CheckStatus.ERROR) {
            return new ProblemView("", model, badge, subject, ProblemWording.broken(views.of(lead)
                    .checkTitle()), "Read the error on the check's page, then run the report again.", List.of(),
                    links, share);
        }
        if (at != null || (weak == null && edits != null)) {
            return new ProblemView("", model, badge, subject + ", " + edits.first().cue(),
                    ProblemWording.edits(edits.result().dataset(), quoted, edits.first(), edits.second()),
                    edits.first().action(quoted), editPictures(edits), links, share);
        }
        if (weak != null) {
            Evaluation e = evaluation(model, weak.dataset());
            int c = e.confusion().classes().indexOf(cls);
            boolean byRecall = weak.check().equals("class-recall");
            int other = c < 0 ? -1 : ProblemWording.mostConfused(e.confusion(), c, byRecall);
            String sentence = c < 0 ? ProblemWording.firstSentence(weak.finding())
                    : ProblemWording.weakClass(e, c, byRecall);
            return new ProblemView("", model, badge, subject, sentence, ProblemWording.weakClassAction(quoted,
                    other < 0 ? null : ProblemWording.quote(e.confusion().classes().get(other))),
                    galleryPictures(model, weak.dataset(), cls), links, share);
        }
        if (lead.check().equals("focus") && lead.value() != null) {
            return new ProblemView("", model, badge, subject, ProblemWording.focus(lead.dataset(), quoted, lead.value()), ProblemWording.focusAction(quoted), views.of(lead).evidence(), links, share);
        }
        return new ProblemView("", model, badge, subject, ProblemWording.firstSentence(lead.finding()),
                "Read the results behind this problem on the check's page.", views.of(lead).evidence(), links, share);
    }

    private ProblemView wholeModel(CheckResult lead, Badge badge, List<ProblemView.ResultLink> links, double share) {
        String model = lead.model();
        String title = views.of(lead).checkTitle();
        if (lead.status() == CheckStatus.ERROR) {
            return new ProblemView("", model, badge, title, ProblemWording.broken(title),
                    "Read the error on the check's page, then run the report again.", List.of(), links, share);
        }
        if (lead.check().equals("accuracy") && lead.dataset() != null) {
            boolean classProblems = report.checksOf(model).stream()
                    .anyMatch(r -> r.isFinding() && r.className() != null && r.method() == null);
            return new ProblemView("", model, badge, "all classes", ProblemWording.accuracy(
                    evaluation(model, lead.dataset()), lead.threshold()), classProblems
                    ? "Start with the class problems: they are where the wrong answers come from."
                    : "Test on more varied pictures to find where the wrong answers come from.", List.of(), links,
                    share);
        }
        if (lead.check().equals("calibration") && lead.dataset() != null) {
            return new ProblemView("", model, badge, "its confidence", ProblemWording.calibration(lead),
                    ProblemWording.calibrationAction(lead), List.of(), links, share);
        }
        return new ProblemView("", model, badge, title, ProblemWording.firstSentence(lead.finding()),
                "Read the results behind this problem on the check's page.", views.of(lead).evidence(), links, share);
    }

    /** The share of answers a result says are affected: changed by an edit, missed, or wrongly given. */
    static double shareOf(CheckResult r) {
        if (r.value() == null || !Double.isFinite(r.value())) {
            return 0;
        }
        return switch (r.check()) {
            case "interventions" -> r.value();
            case "class-recall", "class-precision", "accuracy" -> 1 - r.value();
            default -> 0;
        };
    }

    private static boolean isEdit(CheckResult r) {
        return r.check().equals("interventions");
    }

    /** The before and after pictures of the edit named first, as the check drew them. */
    private List<ResultView.Picture> editPictures(EditChoice edits) {
        List<ResultView.Picture> evidence = views.of(edits.result()).evidence();
        String edit = "-" + edits.first().edit() + "-";
        for (int i = 0; i + 1 < evidence.size(); i++) {
            if (evidence.get(i).src().contains(edit + "before") && evidence.get(i + 1).src().contains(edit + "after")) {
                return List.of(evidence.get(i), evidence.get(i + 1));
            }
        }
        return evidence.size() >= 2 ? evidence.subList(0, 2) : evidence;
    }

    /** The class's most confident mistake and where a trusted method says the model looked for its answer. */
    private List<ResultView.Picture> galleryPictures(String model, String dataset, String cls) {
        List<String> untrusted = views.untrusted().stream().filter(u -> u.model().equals(model))
                .map(Untrusted::method).toList();
        for (GallerySample s : modelNamed(model).gallery()) {
            if (s.dataset().equals(dataset) && s.className().equals(cls)
                    && s.outcome() == GallerySample.Outcome.WRONG && s.rank() == 1) {
                String answer = ProblemWording.quote(s.predictedClass());
                List<ResultView.Picture> pictures = new ArrayList<>(List.of(new ResultView.Picture(s.picture(),
                        "A " + ProblemWording.quote(cls) + " picture; " + model + " answered " + answer + " ("
                                + Sentences.confidence(s.confidence()) + ").", false)));
                s.maps().stream().filter(m -> !untrusted.contains(m.method())).findFirst().ifPresent(m ->
                        pictures.add(new ResultView.Picture(m.picture(), "Where " + m.method() + " says " + model
                                + " looked for its answer " + answer + ".", true)));
                return pictures;
            }
        }
        return List.of();
    }

    private ModelReport modelNamed(String name) {
        return report.models().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private Evaluation evaluation(String model, String dataset) {
        return modelNamed(model).evaluation(dataset);
    }
}
