package dev.glassbox.report.site;

import static dev.glassbox.report.site.SiteWriterTest.nastyReport;
import static dev.glassbox.report.site.SiteWriterTest.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.imaging.ImageStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A glossary page for the report's terms, and on every page each term's first use linked to it. */
class GlossaryTest {

    @Test
    void theGlossaryDefinesEveryTermUnderItsOwnAnchor() {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(nastyReport(store), store);
        }
        Document glossary = page(out, Glossary.PAGE);
        List<Glossary.Term> terms = Glossary.terms();
        assertEquals(terms.stream().map(Glossary.Term::id).toList(), glossary.select("dl.glossary dt").eachAttr("id"));
        for (Glossary.Term t : terms) {
            Element dt = glossary.getElementById(t.id());
            assertEquals(t.name(), dt.text());
            assertEquals(t.definition(), dt.nextElementSibling().text());
        }
        assertTrue(glossary.select("main a.term").isEmpty(), "the glossary does not link to itself");
    }

    @Test
    void everyPageLinksEachTermOnceOnItsFirstUseAndNeverInHeadingsOrLinks() {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(nastyReport(store), store);
        }
        Set<String> ids = new HashSet<>(Glossary.terms().stream().map(Glossary.Term::id).toList());
        int linked = 0;
        for (String name : out.paths()) {
            if (!name.endsWith(".html") || name.equals(Glossary.PAGE)) {
                continue;
            }
            Document doc = page(out, name);
            Set<String> seen = new HashSet<>();
            for (Element a : doc.select("a.term")) {
                String id = a.attr("href").replace(Glossary.PAGE + "#", "");
                assertTrue(ids.contains(id), name + " links to an unknown term " + a.attr("href"));
                assertTrue(seen.add(id), name + " links " + id + " twice");
                assertTrue(a.parents().stream().noneMatch(p -> p.is("a, h1, h2, h3, h4, summary, code, .badge")),
                        name + ": a term linked inside " + a.parent().tagName());
                linked++;
            }
            assertTrue(doc.select("header a.term, footer a.term").isEmpty(), name + " links outside its content");
        }
        assertTrue(linked > 50, "terms are linked: " + linked);
        Document classes = page(out, "classes.html");
        Element recall = classes.selectFirst("a.term[href=glossary.html#recall]");
        assertEquals("recall", recall.text());
        assertEquals("strong", recall.parent().tagName(), "the first use, in the page's introduction");
    }

    @Test
    void termsMatchWholeWordsTheLongestFirstAndExactTermsOnlyInTheirCase() {
        GlossaryLinks links = new GlossaryLinks();
        Document doc = Jsoup.parse(links.link("<!DOCTYPE html><html><head></head><body><main><h2>Recall</h2>"
                + "<p>Recall and recall again; a neuron group of neurons; scores rise, and RISE draws; recalls;"
                + " <a href=\"x.html\">precision</a> then precision.</p></main></body></html>", "page.html"));
        assertEquals(List.of("Recall", "neuron group", "neurons", "RISE", "precision"),
                doc.select("a.term").eachText());
        assertEquals("Recall", doc.selectFirst("h2").text());
        assertFalse(doc.selectFirst("h2").html().contains("<a"), "a heading stays plain");
        assertEquals("Recall and recall again; a neuron group of neurons; scores rise, and RISE draws; recalls;"
                + " precision then precision.", doc.selectFirst("p").text(), "the words themselves never change");
    }
}
