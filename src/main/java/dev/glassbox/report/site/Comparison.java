package dev.glassbox.report.site;

import dev.glassbox.checks.CheckResult;
import dev.glassbox.evaluation.ClassMetrics;
import dev.glassbox.evaluation.Evaluation;
import dev.glassbox.report.DatasetSummary;
import dev.glassbox.report.GallerySample;
import dev.glassbox.report.ModelReport;
import dev.glassbox.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compare page: the config's {@code model} (the first) against its {@code compare} (the second), class by class
 * on each data set, then every check result that came out differently. Changes are the second model's figure minus
 * the first's, in percentage points, with the word that says which way they went.
 *
 * @param first    the first model's name
 * @param second   the second model's name
 * @param datasets one table per data set
 * @param changes  the results whose status differs, matched by {@link CheckResult#key()}
 * @param changesNote what the list of changes holds, or plainly that nothing changed
 * @param same     the first model's mistakes in the gallery, each beside the second model's answer and heatmaps on
 *                 the same picture
 */
public record Comparison(String first, String second, List<DatasetComparison> datasets, List<StatusChange> changes,
                         String changesNote, List<SamePicture> same) {

    /** One picture under both models: each one's answer, heatmaps and the sentence on where they look. */
    public record SamePicture(String dataset, String file, GallerySection.Card first, GallerySection.Card second) {}

    /** One data set: the accuracy of both in a sentence, and each class. */
    public record DatasetComparison(String id, String dataset, String summary, List<ClassChange> classes) {}

    /** One class's recall, precision and F1 for both models. */
    public record ClassChange(String name, Change recall, Change precision, Change f1) {
        /** The table's cells, in column order. */
        public List<Change> cells() {
            return List.of(recall, precision, f1);
        }
    }

    /**
     * One figure for both models.
     *
     * @param direction better, worse or same (also the CSS class; the words say it without colour)
     */
    public record Change(String first, String second, String change, String direction) {}

    /**
     * A result whose status differs between the models; either side is null where that model has no such result.
     *
     * @param subject what it is about besides the model ("test-clean · star"), as on the overview
     */
    public record StatusChange(String key, String checkTitle, String subject, ResultView first, ResultView second) {}

    static Comparison of(Report report, CheckViews views) {
        ModelReport a = report.models().get(0);
        ModelReport b = report.models().get(1);
        List<DatasetComparison> datasets = new ArrayList<>();
        for (int di = 0; di < report.datasets().size(); di++) {
            DatasetSummary d = report.datasets().get(di);
            Evaluation ea = a.evaluation(d.name());
            Evaluation eb = b.evaluation(d.name());
            List<ClassChange> classes = new ArrayList<>();
            for (ClassMetrics ca : ea.classes()) {
                ClassMetrics cb = eb.classes().stream().filter(c -> c.name().equals(ca.name())).findFirst()
                        .orElse(null);
                if (ca.support() == 0) {
                    Change none = new Change("no pictures", "no pictures", "not measured", "same");
                    classes.add(new ClassChange(ca.name(), none, none, none));
                    continue;
                }
                classes.add(new ClassChange(ca.name(), change(ca.recall(), cb == null ? null : cb.recall()),
                        change(ca.precision(), cb == null ? null : cb.precision()),
                        change(ca.f1(), cb == null ? null : cb.f1())));
            }
            String summary = "On " + d.name() + ", " + b.name() + " names the right class for "
                    + Sentences.percent(eb.accuracy()) + " of the images and " + a.name() + " for "
                    + Sentences.percent(ea.accuracy()) + " (" + Sentences.change(ea.accuracy(), eb.accuracy())
                    + " for " + b.name() + ").";
            datasets.add(new DatasetComparison("d" + di, d.name(), summary, classes));
        }

        Map<String, CheckResult> ofA = byKey(report.checksOf(a.name()));
        Map<String, CheckResult> ofB = byKey(report.checksOf(b.name()));
        Map<String, CheckResult[]> both = new LinkedHashMap<>();
        ofA.forEach((k, r) -> both.computeIfAbsent(k, x -> new CheckResult[2])[0] = r);
        ofB.forEach((k, r) -> both.computeIfAbsent(k, x -> new CheckResult[2])[1] = r);
        List<StatusChange> changes = new ArrayList<>();
        int same = 0;
        for (Map.Entry<String, CheckResult[]> e : both.entrySet()) {
            CheckResult ra = e.getValue()[0];
            CheckResult rb = e.getValue()[1];
            if (ra != null && rb != null && ra.status() == rb.status()) {
                same++;
                continue;
            }
            ResultView va = ra == null ? null : views.of(ra);
            ResultView vb = rb == null ? null : views.of(rb);
            ResultView either = va != null ? va : vb;
            changes.add(new StatusChange(e.getKey(), either.checkTitle(), either.subject(), va, vb));
        }
        String note;
        if (both.isEmpty()) {
            note = "No checks ran, so there are no check results to compare.";
        } else if (changes.isEmpty()) {
            note = "Nothing changed: every one of the " + CheckViews.count(same, "check result")
                    + " came out the same for both models.";
        } else {
            note = CheckViews.count(changes.size(), "check result") + " came out differently for the two models"
                    + (same == 0 ? "." : "; the other " + same + " came out the same.");
        }
        return new Comparison(a.name(), b.name(), datasets, changes, note, same(a, b, views));
    }

    /** Each of the first model's gallery mistakes that the second model also explained, in gallery order. */
    private static List<SamePicture> same(ModelReport a, ModelReport b, CheckViews views) {
        List<SamePicture> out = new ArrayList<>();
        for (GallerySample s : a.gallery()) {
            if (s.outcome() != GallerySample.Outcome.WRONG) {
                continue;
            }
            b.counterparts().stream().filter(o -> o.dataset().equals(s.dataset()) && o.file().equals(s.file()))
                    .findFirst().ifPresent(o -> out.add(new SamePicture(s.dataset(), s.file(),
                            GalleryPage.card(s, untrusted(views, a.name())), GalleryPage.card(o,
                            untrusted(views, b.name())))));
        }
        return out;
    }

    private static List<String> untrusted(CheckViews views, String model) {
        return views.untrusted().stream().filter(u -> u.model().equals(model)).map(Untrusted::method).toList();
    }

    /** The first result of each key; a key names one result per model. */
    private static Map<String, CheckResult> byKey(List<CheckResult> results) {
        Map<String, CheckResult> m = new LinkedHashMap<>();
        results.forEach(r -> m.putIfAbsent(r.key(), r));
        return m;
    }

    private static Change change(double first, Double second) {
        if (second == null) {
            return new Change(Sentences.percent(first), "—", "not measured", "same");
        }
        String words = Sentences.change(first, second);
        String direction = words.endsWith("better") ? "better" : words.endsWith("worse") ? "worse" : "same";
        return new Change(Sentences.percent(first), Sentences.percent(second), words, direction);
    }
}
