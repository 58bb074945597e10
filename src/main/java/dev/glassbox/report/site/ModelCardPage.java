package dev.glassbox.report.site;

import dev.glassbox.checks.CheckDefinition;
import dev.glassbox.checks.Checks;
import dev.glassbox.evaluation.ConfusionMatrix;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.evaluation.Wilson;
import dev.glassbox.report.DatasetSummary;
import dev.glassbox.report.ModelReport;
import dev.glassbox.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code model-card.html}, in the spirit of Model Card Toolkit: what the model is for and its limits (from the
 * config), the data sets it was tested on, each class's figures with their 95% intervals, its known problems and how
 * it was tested, on one page a client can print.
 */
record ModelCardPage(Report report, CheckViews views, Findings findings) implements SitePage {

    static final Page PAGE = new Page("model-card.html", "model-card", "Model card");

    /** One model's part of the card. */
    public record ModelCard(String id, String name, String file, String input, String sha256, Badge verdict,
                            String verdictSentence, List<DatasetFigures> datasets, List<ProblemView> problems) {}

    /** One model on one data set: its accuracy, then each class. */
    public record DatasetFigures(String dataset, String accuracy, List<ClassFigures> classes) {}

    /** A class's figures as text, with their intervals and counts. */
    public record ClassFigures(String name, long pictures, String recall, String precision) {}

    @Override
    public Page page() {
        return PAGE;
    }

    @Override
    public Map<String, Object> variables() {
        List<ProblemView> problems = findings.problems();
        List<ModelVerdict> verdicts = findings.verdicts();
        List<ModelCard> cards = new ArrayList<>();
        for (int mi = 0; mi < report.models().size(); mi++) {
            ModelReport m = report.models().get(mi);
            List<DatasetFigures> figures = new ArrayList<>();
            for (DatasetSummary d : report.datasets()) {
                figures.add(figures(m.evaluation(d.name())));
            }
            cards.add(new ModelCard("model-" + mi, m.name(), m.file(), m.input(),
                    m.sha256() == null ? "none (not a file)" : m.sha256(), verdicts.get(mi).badge(),
                    verdicts.get(mi).sentence(), figures,
                    problems.stream().filter(p -> p.model().equals(m.name())).toList()));
        }
        Map<String, Object> v = new HashMap<>();
        v.put("intendedUse", report.run().intendedUse());
        v.put("limits", report.run().limits());
        v.put("cards", cards);
        v.put("datasetLines", datasetLines());
        v.put("checksRun", checksRun());
        v.put("methods", methods());
        return v;
    }

    private static DatasetFigures figures(Evaluation e) {
        ConfusionMatrix m = e.confusion();
        List<ClassFigures> classes = new ArrayList<>();
        for (int c = 0; c < m.size(); c++) {
            long hit = m.count(c, c);
            long support = m.support(c);
            long answered = m.predictedAs(c);
            String recall = support == 0 ? "no pictures" : share(hit, support);
            String precision = answered == 0 ? "never answered" : share(hit, answered);
            classes.add(new ClassFigures(m.classes().get(c), support, recall, precision));
        }
        return new DatasetFigures(e.dataset(), share(e.correct(), e.images()), classes);
    }

    /** "68.5% (137 of 200; 95% interval 61.8–74.5%)". */
    static String share(long hits, long of) {
        Wilson w = Wilson.of(hits, of);
        return Sentences.percent((double) hits / of) + " (" + hits + " of " + of + "; 95% interval "
                + Sentences.percent(w.lower()).replace("%", "") + "–" + Sentences.percent(w.upper()) + ")";
    }

    /** "test-clean: 1200 pictures of 6 classes, with object masks; no pictures of 'box'." */
    private List<String> datasetLines() {
        List<String> lines = new ArrayList<>();
        for (DatasetSummary d : report.datasets()) {
            List<String> missing = d.missingClasses();
            lines.add(d.name() + ": " + d.images() + " pictures of " + (d.classes().size() - missing.size())
                    + " classes, " + (d.masks() ? "with" : "without") + " object masks"
                    + (missing.isEmpty() ? "." : "; no pictures of " + String.join(", ",
                    missing.stream().map(ProblemWording::quote).toList()) + "."));
        }
        return lines;
    }

    /** Each check that ran, with what it measures in its title. */
    private List<String> checksRun() {
        List<String> titles = new ArrayList<>();
        for (CheckDefinition d : Checks.definitions()) {
            if (report.checks().stream().anyMatch(r -> r.check().equals(d.id()))) {
                titles.add(d.title());
            }
        }
        return titles;
    }

    private List<String> methods() {
        LinkedHashSet<String> methods = new LinkedHashSet<>(GalleryPage.methods(report));
        methods.addAll(views.methods());
        return List.copyOf(methods);
    }
}
