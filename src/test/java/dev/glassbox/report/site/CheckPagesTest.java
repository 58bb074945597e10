package dev.glassbox.report.site;

import static dev.glassbox.report.site.SiteWriterTest.nastyReport;
import static dev.glassbox.report.site.SiteWriterTest.page;
import static dev.glassbox.report.site.SiteWriterTest.uncheckedReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.checks.CheckDefinition;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.checks.Checks;
import dev.glassbox.checks.Evidence;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.report.Report;
import dev.glassbox.report.RunInfo;
import dev.glassbox.testing.TinyReports;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** One page per check, listed by the checks index, each result a card with its figures, finding and evidence. */
class CheckPagesTest {

    @Test
    void theChecksIndexLinksOnePagePerCheckInRegistryOrder() {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(nastyReport(store), store);
        }
        Document index = page(out, "checks.html");
        var entries = index.select(".check-entry");
        assertEquals(Checks.definitions().stream().map(CheckDefinition::title).toList(),
                entries.stream().map(e -> e.selectFirst("a").text()).toList());
        assertEquals(Checks.definitions().stream().map(d -> "check-" + d.id() + ".html").toList(),
                entries.stream().map(e -> e.selectFirst("a").attr("href")).toList());
        Element accuracy = entries.get(0);
        assertEquals("✗ Fail", accuracy.selectFirst(".badge").text(), "the worst of its results");
        assertTrue(accuracy.text().contains("2 results: 1 failed, 1 passed."), accuracy.text());
        for (CheckDefinition d : Checks.definitions()) {
            Document p = page(out, "check-" + d.id() + ".html");
            assertEquals(d.title(), p.selectFirst("h1").text());
            assertTrue(p.text().contains(d.description()));
            assertEquals(List.of("Checks"), p.select(".site-header nav a[aria-current=page]").eachText());
            assertEquals("checks.html", p.select(".breadcrumb a").get(1).attr("href"), "the crumb leads back");
        }
    }

    @Test
    void eachResultIsACardWithItsFiguresFindingAndEvidence() {
        MemoryOutput out;
        Report report;
        try (ImageStore store = ImageStore.temporary()) {
            report = nastyReport(store);
            out = SiteFixtures.render(report, store);
        }
        Set<String> anchors = new HashSet<>();
        int cards = 0;
        for (CheckDefinition d : Checks.definitions()) {
            for (Element card : page(out, "check-" + d.id() + ".html").select("article.result-card")) {
                assertTrue(card.id().matches("m[01]-r[0-9]+"), card.id());
                assertTrue(anchors.add(card.id()), "anchors are unique across the pages: " + card.id());
                cards++;
            }
        }
        assertEquals(report.checks().size(), cards);
        Document accuracy = page(out, "check-accuracy.html");
        Element failed = accuracy.getElementById("m0-r1");
        assertEquals("✗ Fail set & <i>", failed.selectFirst("h3").text());
        assertEquals("Measured 0.4; the limit is 0.9.", failed.selectFirst(".figures").text());
        assertTrue(failed.text().contains("interval-low: 0.3"), "details are listed with the finding");
        assertEquals(List.of("model <b>one</b>", "two"), accuracy.select("main section > h2").eachText(),
                "results model by model");

        Element recall = page(out, "check-class-recall.html").getElementById("m0-r2");
        assertEquals("! Warning set & <i> · <script>alert(1)</script>", recall.selectFirst("h3").text());
        assertEquals(2, recall.select(".evidence figure.evidence-picture img").size());
        assertTrue(recall.select(".evidence figcaption").eachText().contains("Where it looked: \"quotes\" &"
                + " ampersands."), "captions are in view");

        Element chart = page(out, "check-calibration.html").getElementById("m0-r3").selectFirst("figure.chart img");
        String src = chart.attr("src");
        assertTrue(src.startsWith("img/charts/") && src.endsWith(".png") && out.has(src), src);
        assertTrue(chart.attr("alt").contains("perfect & <i>calibration</i> (dashed)"), chart.attr("alt"));
        Element sanity = page(out, "check-sanity.html").getElementById("m0-r6");
        assertEquals("✗ Fail saliency", sanity.selectFirst("h3").text(), "a method, no data set");
    }

    @Test
    void aHeatmapSitsBesideTheColourLegendAndCountsArePrintedExactly() {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            Report base = uncheckedReport(store);
            var sample = base.models().get(0).gallery().get(0);
            String model = base.models().get(0).name();
            CheckResult focus = new CheckResult("focus", model, "set & <i>", "plain", null, CheckStatus.WARN, 0.4,
                    0.5, "Close to the minimum.", List.of(new Evidence(sample.picture(), "The picture."),
                    Evidence.heatmap(sample.maps().get(0).picture(), "Where saliency says it looked.")),
                    Map.of("count", 1166.0, "share", 0.97166), List.of());
            CheckResult accuracy = new CheckResult("accuracy", model, "set & <i>", null, null, CheckStatus.PASS,
                    0.975, 0.9, "Fine.", List.of(new Evidence(sample.picture(), "A picture.")), Map.of(), List.of());
            out = SiteFixtures.render(TinyReports.withChecks(base, List.of(focus, accuracy), RunInfo.seedOnly(1)),
                    store);
        }
        Element card = page(out, "check-focus.html").selectFirst("article.result-card");
        assertEquals(1, card.select(".evidence .legend").size(), "the legend beside the heatmap");
        assertTrue(card.text().contains("count: 1166"), "a count is printed exactly, not as 1170: " + card.text());
        assertTrue(card.text().contains("share: 0.972"), card.text());
        assertTrue(page(out, "check-accuracy.html").select(".legend").isEmpty(), "no heatmap, no legend");
    }
}
