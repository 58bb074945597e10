package dev.glassbox.report.site;

import static dev.glassbox.report.site.SiteWriterTest.nastyReport;
import static dev.glassbox.report.site.SiteWriterTest.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The model card: intended use and limits from the config, the data sets tested, each class's figures with their
 * intervals, the known problems and how the model was tested, on a page that prints.
 */
class ModelCardTest {

    @Test
    void theCardSaysWhatTheModelIsForFromTheConfigAndWhatIsKnownToBeWrong() {
        MemoryOutput out;
        Report report;
        try (ImageStore store = ImageStore.temporary()) {
            Report base = ShapesLikeReport.build(store);
            RunInfo run = new RunInfo(7, "battery.yaml", "title: x\n", true, "Naming <b>shapes</b> in pictures.",
                    List.of("Only 8x8 pictures.", "Not for <i>medical</i> use."));
            report = TinyReports.withChecks(base, base.checks(), run);
            out = SiteFixtures.render(report, store);
        }
        Document card = page(out, ModelCardPage.PAGE.file());
        assertEquals("Naming <b>shapes</b> in pictures.", card.selectFirst("#use + p").text());
        assertEquals(List.of("Only 8x8 pictures.", "Not for <i>medical</i> use."), card.select("#use ~ ul li")
                .eachText());
        assertTrue(card.select("main b, main i").isEmpty(), "the config's words stay text");
        assertEquals(List.of("test-biased: 30 pictures of 3 classes, without object masks.",
                "test-clean: 30 pictures of 3 classes, without object masks."), card.select("#data ~ ul li")
                .eachText());

        Element flawed = card.getElementById("model-0");
        assertEquals("shapes-flawed", flawed.selectFirst("h2").text());
        assertEquals(page(out, "index.html").select("#all-problems .problem").stream()
                .filter(p -> p.selectFirst(".problem-head strong").text().equals("shapes-flawed"))
                .map(p -> p.select("p").get(1).text()).toList(),
                flawed.select(".known-problems li").stream().map(li -> li.select("span").get(3).text()).toList(),
                "the known problems are the overview's, in its order");
        var clean = report.models().get(0).evaluation("test-clean");
        var m = clean.confusion();
        Element star = flawed.select("h4:containsOwn(test-clean) + p + table tbody tr").get(0);
        assertEquals(List.of("star", "10", ModelCardPage.share(m.count(0, 0), m.support(0)),
                m.predictedAs(0) == 0 ? "never answered" : ModelCardPage.share(m.count(0, 0), m.predictedAs(0))),
                star.select("th, td").eachText());
        assertEquals("40.0% (4 of 10; 95% interval 16.8–68.7%)", ModelCardPage.share(4, 10),
                "the Wilson interval, worked by hand: 0.168 to 0.687");
        assertTrue(card.selectFirst("#how").parent().text().contains("Recall of each class"), "the checks that ran");
        assertTrue(out.text("assets/style.css").contains("@media print"), "a print stylesheet");
    }

    @Test
    void withoutTheConfigsWordsTheCardSaysSo() {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(nastyReport(store), store);
        }
        Document card = page(out, ModelCardPage.PAGE.file());
        assertTrue(card.selectFirst("#use").parent().text().contains("The battery config does not say."));
        assertTrue(card.select("main details").isEmpty(), "nothing folded away: the page prints whole");
    }
}
