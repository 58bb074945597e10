package dev.glassbox.report.site;

import static dev.glassbox.report.site.SiteWriterTest.NASTY;
import static dev.glassbox.report.site.SiteWriterTest.nastyReport;
import static dev.glassbox.report.site.SiteWriterTest.page;
import static dev.glassbox.report.site.SiteWriterTest.uncheckedReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.report.Report;
import dev.glassbox.testing.TinyReports;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare page: class by class, the same pictures under both models, and the results that changed. */
class ComparePageTest {

    @TempDir
    Path tmp;

    @Test
    void comparePageSetsTheModelsSideBySide() throws Exception {
        MemoryOutput out;
        Report report;
        try (ImageStore store = ImageStore.temporary()) {
            report = nastyReport(store);
            out = SiteFixtures.render(report, store);
        }
        Document compare = page(out, "compare.html");
        Element table = compare.selectFirst("#d0 table.compare");
        assertEquals(NASTY, table.select("tbody th").eachText());
        var a = report.models().get(0).evaluation("set & <i>").classes().get(0);
        var b = report.models().get(1).evaluation("set & <i>").classes().get(0);
        String recall = table.selectFirst("tbody tr td").text();
        assertTrue(recall.startsWith(Sentences.percent(a.recall()) + " → " + Sentences.percent(b.recall())), recall);
        assertTrue(recall.endsWith(Sentences.change(a.recall(), b.recall())), recall);
        for (Element cell : table.select("tbody td")) {
            assertTrue(cell.text().matches(".*(points, better|points, worse|no change)$"), cell.text());
        }
        assertTrue(compare.text().contains("6 check results came out differently for the two models; the other 1"
                + " came out the same."), compare.text());
        var changed = compare.select(".changed-check");
        assertEquals(List.of("Accuracy: set & <i>", "Recall of each class: set & <i> · <script>alert(1)</script>",
                "Focus on the object: set & <i>",
                "Edits that should not matter: set & <i> · \"quotes\" & ampersands",
                "Sanity of the attribution methods: saliency",
                "Faithfulness of the attribution methods: set & <i> · saliency"),
                changed.select("h3").eachText());
        Element accuracy = changed.get(0);
        assertEquals(List.of("✗ Fail", "✓ Pass"), accuracy.select(".side .badge").eachText());
        assertEquals(List.of("model <b>one</b>", "two"), accuracy.select(".side h4").eachText());
        Element focus = changed.get(2);
        assertTrue(focus.select(".side").get(1).text().contains("This model has no such result"));
        assertEquals(2, changed.get(1).select(".side").get(0).select(".thumbs img").size(), "evidence side by side");
    }

    @Test
    void whenNothingChangedTheComparePageSaysSo() throws Exception {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            Report base = uncheckedReport(store);
            String a = base.models().get(0).name();
            String b = base.models().get(1).name();
            List<CheckResult> same = List.of(
                    new CheckResult("accuracy", a, "set & <i>", null, null, CheckStatus.PASS, 0.95, 0.9, "Fine.",
                            List.of(), java.util.Map.of(), List.of()),
                    new CheckResult("accuracy", b, "set & <i>", null, null, CheckStatus.PASS, 0.96, 0.9, "Fine.",
                            List.of(), java.util.Map.of(), List.of()));
            out = SiteFixtures.render(TinyReports.withChecks(base, same, TinyReports.HOSTILE_RUN), store);
        }
        Document compare = page(out, "compare.html");
        assertTrue(compare.text().contains("Nothing changed: every one of the 1 check result came out the same for"
                + " both models."), compare.text());
        assertTrue(compare.select(".changed-check").isEmpty());
    }


    @Test
    void theFirstModelsMistakesAreShownUnderBothModels() {
        MemoryOutput out;
        Report report;
        try (ImageStore store = ImageStore.temporary()) {
            report = nastyReport(store);
            out = SiteFixtures.render(report, store);
        }
        long mistakes = report.models().get(0).gallery().stream()
                .filter(g -> g.outcome() == dev.glassbox.report.GallerySample.Outcome.WRONG).count();
        assertEquals(mistakes, report.models().get(1).counterparts().size(), "the second explains each of them");
        Element same = page(out, "compare.html").getElementById("same-pictures");
        var rows = same.select(".same-picture");
        assertEquals(mistakes, rows.size());
        assertEquals(1, same.select(".legend").size(), "the colour legend beside the heatmaps");
        for (Element row : rows) {
            var cards = row.select(".side figure.card");
            assertEquals(2, cards.size());
            assertEquals(cards.get(0).selectFirst(".file").text(), cards.get(1).selectFirst(".file").text(),
                    "the same picture");
            assertEquals("Wrong", cards.get(0).selectFirst(".outcome").text());
            assertEquals(List.of("model <b>one</b>", "two"), row.select(".side h4").eachText());
            for (Element img : row.select("img")) {
                assertTrue(out.has(img.attr("src")) && !img.attr("alt").isBlank(), img.attr("src"));
            }
        }
        assertTrue(rows.get(0).select(".side").get(1).selectFirst(".row-sentence").text()
                .startsWith("The heatmap is brightest") || rows.get(0).select(".side").get(1)
                .selectFirst(".row-sentence").text().contains("heatmaps are brightest"),
                "no masks: where the maps are brightest");
    }
}
