package dev.glassbox.report.site;

import static dev.glassbox.report.site.SiteWriterTest.nastyReport;
import static dev.glassbox.report.site.SiteWriterTest.page;
import static dev.glassbox.report.site.SiteWriterTest.uncheckedReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.report.Report;
import dev.glassbox.report.RunInfo;
import dev.glassbox.testing.ShapesLikeReport;
import dev.glassbox.testing.TinyReports;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The overview's first screen: a verdict per model in one line, the top problems (one sentence each, a picture pair
 * with visible captions), what to do next; everything else folds away below.
 */
class OverviewTest {

    @Test
    void theFirstScreenIsAVerdictPerModelThenTheTopProblemsThenWhatToDo() {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(nastyReport(store), store);
        }
        Document overview = page(out, "index.html");
        assertEquals(List.of("verdicts", "top-problems", "next-steps"),
                overview.select("main > section").stream().limit(3).map(Element::className).toList(),
                "the verdicts, the top problems and what to do come first, in that order");
        var lines = overview.select(".verdict-line");
        assertEquals(List.of("✗ Fail model <b>one</b>: 3 problems found; 1 heatmap method needs a look.",
                "✓ Pass two: Every check that could be judged passed."), lines.eachText(), "one line per model");
        assertEquals(List.of("fail", "error", "warn"), overview.select(".top-problems .problem .badge").stream()
                .map(b -> b.className().replaceAll(".*status-", "")).toList(), "the worst first");
        for (Element p : overview.select(".top-problems .problem")) {
            String href = p.selectFirst(".more a").attr("href");
            assertTrue(href.matches("check-[a-z-]+\\.html#m0-r[0-9]+"), href);
            String anchor = href.substring(href.indexOf('#') + 1);
            assertTrue(page(out, href.substring(0, href.indexOf('#'))).getElementById(anchor) != null, href);
        }
        assertTrue(overview.select("main details").stream().noneMatch(d -> d.hasAttr("open")), "details fold away");
        assertTrue(overview.select(".top-problems details, .verdicts details").isEmpty());
        assertEquals(List.of("All 3 problems, grouped by cause, the worst first", "Heatmap methods in doubt (2)",
                "How the verdict is reached", "What was tested", "How often each model is right"),
                overview.select("main details > summary").eachText());
        assertEquals(2, overview.select("table.accuracy tbody tr").size(), "one accuracy row per model and data set");
    }

    @Test
    void problemsAreGroupedByCauseAndRankedWorstFirstThenByTheShareOfAnswersAffected() {
        MemoryOutput out;
        Report report;
        try (ImageStore store = ImageStore.temporary()) {
            report = ShapesLikeReport.build(store);
            out = SiteFixtures.render(report, store);
        }
        Document overview = page(out, "index.html");
        var top = overview.select(".top-problems .problem");
        var clean = report.models().get(0).evaluation("test-clean");
        int confused = ProblemWording.mostConfused(clean.confusion(), 2, true);
        assertEquals(List.of("shapes-flawed, class 'star', the background",
                "shapes-flawed, class 'cross', the background", "shapes-flawed, class 'triangle'",
                "shapes-fixed, class 'triangle'"), top.stream().map(p -> p.selectFirst(".problem-head").text()
                .replaceAll("^\\S+ \\S+ ", "")).toList(), "three, and the other model's worst");
        assertEquals("In test-biased, recolouring the background changed the answer for 43.3% of 'star' pictures;"
                + " turning them gray, 56.7%.", top.get(0).selectFirst(".problem-sentence").text());
        assertEquals("In test-biased, recolouring the background changed the answer for 43.3% of 'cross' pictures;"
                + " covering the bottom-right corner, 23.3%.",
                top.get(1).selectFirst(".problem-sentence").text(), "the result with the most local cues");
        String triangle = top.get(2).selectFirst(".problem-sentence").text();
        assertEquals(ProblemWording.weakClass(clean, 2, true), triangle);
        assertTrue(triangle.startsWith("It found " + clean.confusion().count(2, 2) + " of the 10"
                + " 'triangle' pictures in test-clean ("), triangle);
        Element pair = top.get(0).selectFirst(".pair");
        assertEquals(List.of("Before: star-3.png, a 'star' image; shapes-flawed answered star.",
                "After recolouring the background: shapes-flawed answered triangle."),
                pair.select("figcaption").eachText(), "captions in view, the model's answer on each");
        assertEquals(pair.select("figcaption").eachText(), pair.select("img").eachAttr("alt"));
        assertTrue(pair.select(".legend").isEmpty(), "an edit pair is not a heatmap");

        assertEquals(List.of("Train on 'star' pictures with many different backgrounds.",
                "Train on 'cross' pictures with many different backgrounds.",
                confused < 0 ? "Add more varied 'triangle' training pictures." : "Add more 'triangle' training"
                        + " pictures, above all ones like those it takes for '"
                        + ShapesLikeReport.CLASSES.get(confused) + "'.",
                "Look at the 'triangle' heatmaps in the gallery; if they light up the background, train on varied"
                        + " backgrounds."), overview.select(".next-steps li").eachText(), "one remedy each, in order");

        var all = overview.select("#all-problems .problem");
        assertEquals(5, all.size(), "star, cross, triangle, the accuracy of the flawed model, triangle of the fixed");
        assertTrue(all.get(0).select(".result-links a").eachText().containsAll(List.of(
                "Edits that should not matter · test-biased · star", "Recall of each class · test-clean · star")),
                "a class's results are one problem");
        assertTrue(all.get(3).text().contains("It named " + clean.correct() + " of 30 test-clean pictures right ("),
                all.get(3).text());
        assertEquals(List.of("guided-backprop for shapes-flawed: sanity of the attribution methods"),
                overview.select("#methods .result-links a").eachText(), "a method is not the model's problem");
    }

    @Test
    void aClassTheDataHasNoPicturesOfIsSaidSoNotCountedAsZero() {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(ShapesLikeReport.withoutClass(store, "cross"), store);
        }
        Document overview = page(out, "index.html");
        String gaps = overview.selectFirst(".gaps").text();
        assertTrue(gaps.contains("partial has no pictures of 'cross', so nothing was measured for it."), gaps);
        assertTrue(gaps.contains("have no object masks") || gaps.contains("has no object masks"), gaps);
        assertTrue(gaps.contains("With one model there is nothing to compare."), gaps);
        Element row = page(out, "classes.html").select("#m0-d0 tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().equals("cross")).findFirst().orElseThrow();
        assertEquals("no pictures", row.selectFirst("td[data-label=Recall]").text());
        assertEquals("—", row.selectFirst("td[data-label=F1]").text());
        assertFalse(row.text().contains("0.0%"), row.text());
        String card = page(out, "model-card.html").text();
        assertTrue(card.contains("no pictures of 'cross'"), card);
    }

    @Test
    void withoutChecksTheOverviewSaysSoAndThereIsNoComparePage() {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(uncheckedReport(store), store);
        }
        Document overview = page(out, "index.html");
        assertEquals(List.of("○ Not run", "○ Not run"), overview.select(".verdict-line .badge").eachText());
        assertTrue(overview.select(".top-problems, .next-steps").isEmpty());
        assertTrue(overview.selectFirst(".findings").text().contains("No checks ran, so there is nothing to report"));
        assertFalse(out.has("compare.html"));
        assertFalse(overview.select(".site-header nav a").eachText().contains("Compare"));
        Document about = page(out, "about.html");
        assertTrue(about.text().contains("None: this report was not made from a battery config."));
        assertTrue(about.select("pre").isEmpty());
    }

    @Test
    void aReportWhoseChecksAllPassSaysThereIsNothingToReport() {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            Report base = uncheckedReport(store);
            List<CheckResult> passing = TinyReports.hostileChecks(base).stream()
                    .filter(r -> r.status() == CheckStatus.PASS).toList();
            out = SiteFixtures.render(TinyReports.withChecks(base, passing, RunInfo.seedOnly(1)), store);
        }
        Document overview = page(out, "index.html");
        assertEquals(List.of("✓ Pass", "✓ Pass"), overview.select(".verdict-line .badge").eachText());
        String findings = overview.selectFirst(".findings").text();
        assertTrue(findings.contains("Nothing to report: all 5 check results passed."), findings);
    }
}
