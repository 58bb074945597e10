package dev.glassbox.report.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.GlassboxException;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --single-file}: the whole site as one HTML file that refers to nothing outside itself. */
class SingleFileTest {

    @TempDir
    Path tmp;

    /** The hostile report's site in memory, and as one page. */
    private static MemoryOutput site;
    private static String html;
    private static Document single;

    @BeforeAll
    static void render() {
        try (ImageStore store = ImageStore.temporary()) {
            site = SiteFixtures.render(SiteWriterTest.nastyReport(store), store);
        }
        html = SingleFilePage.of(site);
        single = Jsoup.parse(html);
    }

    /** What {@code single-file} must hold to, for any single-file report: the checks of the issue. */
    static List<String> problemsOf(Document doc, String source) {
        List<String> problems = new ArrayList<>();
        for (Element img : doc.select("img")) {
            if (!img.attr("src").startsWith("data:image/")) {
                problems.add("a picture that is not inlined: " + img.attr("src"));
            }
        }
        Set<String> ids = new HashSet<>();
        for (Element e : doc.select("[id]")) {
            if (!ids.add(e.id())) {
                problems.add("two elements have the id " + e.id());
            }
        }
        for (Element e : doc.select("[href], [src]")) {
            String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            if (ref.startsWith("#")) {
                if (doc.getElementById(ref.substring(1)) == null) {
                    problems.add("an in-page link to nothing: " + ref);
                }
            } else if (!ref.startsWith("data:")) {
                problems.add("a reference outside the file: " + e.tagName() + " " + ref);
            }
        }
        if (!doc.select("script, link[rel=stylesheet], iframe, object, embed").isEmpty()) {
            problems.add("a script or an external resource element");
        }
        if (source.contains("http:") || source.contains("https:") || source.contains("@import")) {
            problems.add("mentions a web address or imports something");
        }
        return problems;
    }

    @Test
    void everyPictureIsInlinedAndEveryLinkStaysInsideTheFile() {
        assertEquals(List.of(), problemsOf(single, html));
        assertTrue(single.select("img").size() > 20, "the pictures of every page are there");
        assertEquals(1, single.select("style").size(), "the stylesheet, inlined");
        assertTrue(single.selectFirst("style").data().contains("prefers-color-scheme: dark"));
        assertTrue(html.startsWith("<!doctype html>") && html.contains(SingleFilePage.MARKER), html.substring(0, 200));
    }

    @Test
    void eachPageIsASectionInTheNavigationsOrderWithItsLayerPagesAfterTheNeuronsPage() {
        assertEquals(List.of("index", "model-card", "checks", "check-accuracy", "check-class-recall",
                        "check-class-precision", "check-calibration", "check-focus", "check-interventions",
                        "check-sanity", "check-faithfulness", "check-completeness", "classes", "gallery", "methods",
                        "neurons", "neurons-m0-conv-1-x", "neurons-m0-conv-1-x-2", "compare", "glossary", "about"),
                single.select("main > section.single-page").eachAttr("id"),
                "the check pages after the checks index, the layer pages after the neurons page");
        assertEquals(List.of("#index", "#model-card", "#checks", "#classes", "#gallery", "#methods", "#neurons",
                "#compare", "#glossary", "#about"), single.select(".site-header nav a").eachAttr("href"));
        assertEquals("#index", single.selectFirst(".site-header a.skip-link").attr("href"), "the skip link lands");
        assertEquals(1, single.select("header.site-header").size(), "one header for the whole file");
        assertEquals(1, single.select("footer.site-footer").size());
        for (String page : SiteWriterTest.PAGES) {
            Document original = Jsoup.parse(site.text(page));
            Element section = single.getElementById(page.replace(".html", ""));
            assertEquals(original.selectFirst("main").text(), section.text().replace(" ↑ Pages", ""),
                    page + " keeps all its text");
        }
    }

    @Test
    void linksBetweenPagesAndToAnchorsLeadToTheSameContent() {
        Document overview = Jsoup.parse(site.text("index.html"));
        List<String> problems = overview.select(".problem .more a").eachAttr("href");
        List<String> inlined = single.select("#index .problem .more a").eachAttr("href");
        assertEquals(problems.size(), inlined.size());
        assertFalse(problems.isEmpty());
        for (int i = 0; i < problems.size(); i++) {
            String file = problems.get(i).substring(0, problems.get(i).indexOf('#'));
            String anchor = problems.get(i).substring(problems.get(i).indexOf('#') + 1);
            String page = file.replace(".html", "");
            assertEquals("#" + page + "--" + anchor, inlined.get(i));
            assertEquals(Jsoup.parse(site.text(file)).getElementById(anchor).text(),
                    single.getElementById(page + "--" + anchor).text());
        }
        assertEquals("#neurons--m0", single.selectFirst("#neurons-m0-conv-1-x a[href^=#neurons]").attr("href"),
                "a layer page's way back");
        assertEquals("#check-accuracy", single.selectFirst("#checks a[href=#check-accuracy]").attr("href"),
                "the index points at each check's section");
        assertEquals("check-accuracy--m0-r1", single.getElementById("check-accuracy--m0-r1").id());
        Element heading = single.getElementById("index--verdict");
        assertEquals("index--verdict", heading.parent().attr("aria-labelledby"), "labels follow their ids");
    }

    @Test
    void linksToFilesThatAreNotPagesKeepTheirTextOnly() {
        Element footer = single.selectFirst("footer.site-footer");
        assertTrue(footer.text().contains("summary.json") && footer.text().contains("junit.xml"), footer.text());
        assertEquals(List.of("#about"), footer.select("a").eachAttr("href"));
        Element thumbs = single.selectFirst("#index .problem .thumbs");
        assertTrue(thumbs.select("a").isEmpty(), "a thumbnail no longer links to its picture file");
        assertFalse(thumbs.select("img").isEmpty());
    }

    @Test
    void aPictureOrLinkThatLeadsOutsideTheSiteIsDroppedAndItsWordsKept() throws Exception {
        MemoryOutput tiny = new MemoryOutput();
        tiny.writeString("index.html", "<!DOCTYPE html><html><head><title>Overview · T</title></head><body>"
                + "<header class=\"site-header\"><nav><a href=\"index.html\">Overview</a></nav></header><main>"
                + "<img src=\"img/gone.png\" alt=\"a lost picture\"><img src=\"javascript:x\" alt=\"odd\">"
                + "<a href=\"https://example.com/\">the web</a> <a href=\"other.html#x\">elsewhere</a></main>"
                + "</body></html>");
        String text = SingleFilePage.of(tiny);
        Document doc = Jsoup.parse(text);
        assertEquals(List.of(), problemsOf(doc, text));
        assertTrue(doc.select("img").isEmpty());
        assertEquals(List.of("a lost picture (picture not in the report)", "odd (picture not in the report)"),
                doc.select(".missing-picture").eachText());
        assertTrue(doc.text().contains("the web elsewhere"), doc.text());
    }

    @Test
    void namesWithMarkupStayText() {
        assertTrue(single.select("main b, main i, [onerror]").isEmpty());
        assertFalse(html.contains("<script"), "no script, not even inside an attribute");
        assertTrue(single.text().contains("<script>alert(1)</script>"));
        assertTrue(single.text().contains("model <b>one</b>"));
        assertTrue(single.select("img[alt*=<script>]").size() > 0, "alt text keeps the name, as an attribute value");
    }

    @Test
    void theSingleFileIsWrittenBesideTheFolderAndZipAndReplacesOnlyOneGlassboxWrote() throws Exception {
        Path out = tmp.resolve("report");
        try (ImageStore store = ImageStore.temporary()) {
            Report report = SiteWriterTest.nastyReport(store);
            SiteFixtures.write(report, store, out, true);
            Path file = tmp.resolve("report.html");
            assertTrue(SingleFileOutput.isSingleFile(file));
            String text = Files.readString(file);
            assertEquals(List.of(), problemsOf(Jsoup.parse(text), text));
            try (var files = Files.list(tmp)) {
                assertEquals(List.of("report", "report.html", "report.zip"),
                        files.map(p -> p.getFileName().toString()).sorted().toList(), "nothing staged is left");
            }
            assertTrue(Files.isRegularFile(out.resolve("summary.json")) && Files.isRegularFile(out.resolve("junit.xml")));
            assertFalse(Files.exists(out.resolve("report.html")), "the folder holds the site only");

            Files.writeString(file, text.replace("</main>", "<p>stale</p></main>"));
            SiteFixtures.write(report, store, out, true); // a single file Glassbox wrote is replaced
            assertTrue(SingleFileOutput.isSingleFile(file));
            assertFalse(Files.readString(file).contains("stale"));

            Files.writeString(file, "<!DOCTYPE html><p>my own page</p>");
            GlassboxException e = assertThrows(GlassboxException.class,
                    () -> SiteFixtures.write(report, store, out, true));
            assertEquals(2, e.exitCode());
            assertTrue(e.getMessage().contains(file + " is in the way: it is not a single-file report Glassbox"
                    + " wrote"), e.getMessage());
            assertEquals("<!DOCTYPE html><p>my own page</p>", Files.readString(file));
            SiteFixtures.write(report, store, out, false); // without --single-file the page is not touched
            assertEquals("<!DOCTYPE html><p>my own page</p>", Files.readString(file));
        }
    }
}
