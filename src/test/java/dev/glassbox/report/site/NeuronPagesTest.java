package dev.glassbox.report.site;

import static dev.glassbox.report.site.SiteWriterTest.LAYER_PAGES;
import static dev.glassbox.report.site.SiteWriterTest.NASTY;
import static dev.glassbox.report.site.SiteWriterTest.PAGES;
import static dev.glassbox.report.site.SiteWriterTest.nastyReport;
import static dev.glassbox.report.site.SiteWriterTest.page;
import static dev.glassbox.report.site.SiteWriterTest.uncheckedReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.imaging.ImageStore;
import dev.glassbox.testing.TinyReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The neurons page and the page of each layer: hostile names shown literally, only pictures the site holds. */
class NeuronPagesTest {

    @TempDir
    Path tmp;

    @Test
    void neuronPagesShowHostileNamesLiterallyAndOnlyPicturesTheSiteHolds() throws Exception {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(nastyReport(store), store);
        }
        Document neurons = page(out, "neurons.html");
        assertEquals(LAYER_PAGES, neurons.select("#m0 .layer-links a").eachAttr("href"),
                "one page per layer, the colliding slug numbered");
        assertEquals(List.of(TinyReports.HOSTILE_LAYER, TinyReports.COLLIDING_LAYER),
                neurons.select("#m0 .layer-links a").eachText());
        assertTrue(neurons.selectFirst("#m1").text().contains("The neurons of this model were not examined."));
        for (String name : concat(List.of("neurons.html"), LAYER_PAGES)) {
            assertTrue(out.has(name), name);
            Document doc = page(out, name);
            assertTrue(doc.select("script").isEmpty(), name + " has a script element");
            assertTrue(doc.select("main b, main i, [onerror]").isEmpty(), name + " has markup from the data");
            assertTrue(doc.text().contains("model <b>one</b>"), name + " does not show the hostile model name");
            if (!name.equals(LAYER_PAGES.get(1))) {
                assertTrue(doc.text().contains("<script>alert(1)</script>"), name + " does not show the hostile text");
            }
            assertFalse(out.text(name).contains("<script>alert"), name);
            assertEquals(List.of("Neurons"), doc.select(".site-header nav a[aria-current=page]").eachText(), name);
            assertEquals(PAGES, doc.select(".site-header nav a").eachAttr("href"), "layer pages stay out of the nav");
            for (Element img : doc.select("img")) {
                String src = img.attr("src");
                assertTrue(CheckViews.isSitePicture(src), name + ": " + src);
                assertTrue(out.has(src), name + ": " + src);
                assertFalse(img.attr("alt").isBlank(), name + ": " + src + " has no alt text");
                assertTrue(Integer.parseInt(img.attr("width")) > 0 && Integer.parseInt(img.attr("height")) > 0,
                        name + ": " + src + " has no size");
            }
            for (String href : doc.select("main a[href]").eachAttr("href")) {
                String file = href.replaceAll("#.*", "");
                assertTrue(file.isEmpty() || file.matches("[a-z0-9-]+\\.html") && out.has(file),
                        name + " links to " + href);
                if (href.contains("#")) {
                    Document target = file.isEmpty() ? doc : page(out, file);
                    assertTrue(target.getElementById(href.substring(href.indexOf('#') + 1)) != null,
                            name + " links to a missing anchor " + href);
                }
            }
        }
        Document overview = page(out, "index.html");
        assertEquals(1, overview.select("main a[href=neurons.html]").size(), "the overview links to the neurons page");
        assertTrue(overview.selectFirst("main a[href=neurons.html]").text()
                .contains("What the network's neurons respond to"));
        Document layer = page(out, LAYER_PAGES.get(0));
        assertTrue(layer.selectFirst("h1").text().contains(TinyReports.HOSTILE_LAYER));
        assertEquals("neurons.html", layer.select(".breadcrumb a").get(1).attr("href"), "the crumb leads back");
        assertTrue(out.text(LAYER_PAGES.get(0)).contains("conv&lt;1&gt;/"), "the name's markup is escaped");
        assertFalse(out.text(LAYER_PAGES.get(0)).contains("conv<1>"));
    }

    @Test
    void classPicturesSayHowFarTheyGotAndKeepTheirShape() throws Exception {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(nastyReport(store), store);
        }
        Document neurons = page(out, "neurons.html");
        var pictures = neurons.select("#m0 .class-picture");
        assertEquals(NASTY, pictures.stream().map(p -> p.selectFirst("figcaption strong").text()).toList());
        assertTrue(pictures.get(0).text().contains("reached 1.8× the strongest real image"), pictures.get(0).text());
        assertTrue(pictures.get(1).text().contains("the class score stays below zero on every real image"),
                pictures.get(1).text());
        assertFalse(pictures.get(1).text().contains("NaN"));
        assertTrue(pictures.get(2).text().contains("reached 0.5× the strongest real image"));
        Element img = pictures.get(0).selectFirst("img");
        assertEquals(List.of("128", "64"), List.of(img.attr("width"), img.attr("height")),
                "a 32×16 picture keeps its shape");
        assertTrue(neurons.text().contains("Each picture below was made in 64 optimization steps."));
    }

    @Test
    void eachGroupCardShowsItsEvidenceAndPointsAtTheInterventionsCheckWhenOffTheObject() throws Exception {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(nastyReport(store), store);
        }
        Document layer = page(out, LAYER_PAGES.get(0));
        assertTrue(layer.text().contains("The 2 groups reproduce 74.3% of what this layer's neurons do on the"
                + " sampled images; the rest is spread over patterns too weak to group."));
        assertTrue(layer.selectFirst("table.facts").text().contains("30 images, 1080 positions"));
        assertTrue(layer.selectFirst(".explain").text().contains("How to read these cards"));
        var cards = layer.select("article.group-card");
        assertEquals(List.of("g1", "g2"), cards.eachAttr("id"));

        Element shortcut = cards.get(0);
        assertEquals("Fires on <b>yellow</b> corners & edges of <script>alert(1)</script>.",
                shortcut.selectFirst(".caption strong").text());
        assertTrue(shortcut.selectFirst("figure").text().contains("reached 1.8× the strongest real image"));
        Element hint = shortcut.selectFirst(".shortcut-hint");
        assertTrue(hint != null, "72% off the objects is a shortcut hint");
        assertTrue(hint.text().contains("72% of its activation lies outside the objects."), hint.text());
        String check = hint.selectFirst("a").attr("href");
        assertEquals("check-interventions.html", check);
        assertTrue(out.has("check-interventions.html"));
        var examples = shortcut.select(".examples img");
        assertEquals(8, examples.size());
        assertEquals("set & <i> · img-0 <b>.png · labelled <script>alert(1)</script> · activation 2.5",
                examples.get(0).attr("title"));
        assertTrue(examples.get(0).attr("alt").contains("img-0 <b>.png"));
        assertTrue(shortcut.text().contains("<script>alert(1)</script> relies on this group most (41% of its"
                + " evidence at this layer)."), shortcut.text());
        assertEquals(List.of("<script>alert(1)</script>", "plain", "\"quotes\" & ampersands"),
                shortcut.select("table.reliance tbody td:eq(0)").eachText(), "the most reliant first");
        assertEquals(List.of("+41%", "+5%", "−12%"), shortcut.select("table.reliance .share .num").eachText());
        assertEquals(List.of("It is <b>3.1×</b> as active on stars & squares.", "<img src=x onerror=alert(1)>"),
                shortcut.select("ul.notes li").eachText());
        assertTrue(shortcut.text().contains("Its strongest neurons: channels 4, 17, 9."));

        Element silent = cards.get(1);
        assertTrue(silent.text().contains("the group is never active on a real image"), silent.text());
        assertTrue(silent.select(".shortcut-hint").isEmpty());
        assertFalse(silent.text().contains("outside the objects"), "no masks, no share off the objects");
        assertTrue(silent.text().contains("No class's score rises with this group; it lowers"
                + " <script>alert(1)</script> most (−3% of its evidence at this layer)."), silent.text());
        assertTrue(silent.text().contains("channel 2."));
        assertFalse(layer.text().contains("NaN"));

        Document second = page(out, LAYER_PAGES.get(1));
        Element unseen = second.selectFirst("article.group-card");
        assertTrue(unseen.select("img").isEmpty(), "a picture the site lacks is never linked");
        assertTrue(unseen.text().contains("(picture not in the report)"));
        assertTrue(unseen.text().contains("10% of its activation lies outside the objects."));
        assertTrue(unseen.select(".shortcut-hint").isEmpty());
        assertTrue(second.text().contains("could not be measured"), "an explained share that is not a number");
        assertFalse(second.text().contains("NaN"));
    }

    @Test
    void layersWhoseNamesMakeTheSameSlugGetFilesOfTheirOwn() {
        java.util.Set<String> taken = new java.util.HashSet<>();
        List<String> files = java.util.stream.Stream.of("a-2", "A", "a", "<>", "", "x".repeat(300))
                .map(l -> NeuronViews.layerFile(3, l, taken)).toList();
        assertEquals(files.size(), new java.util.HashSet<>(files).size(), files.toString());
        assertEquals(List.of("neurons-m3-a-2.html", "neurons-m3-a.html", "neurons-m3-a-3.html"), files.subList(0, 3));
        for (String f : files) {
            assertTrue(f.matches("neurons-m3-[a-z0-9-]+\\.html") && f.length() < 100, f);
        }
    }

    @Test
    void aSiteWithoutNeuronAnalysisHasNoNeuronsPage() throws Exception {
        Path out = tmp.resolve("site");
        try (ImageStore store = ImageStore.temporary()) {
            SiteFixtures.write(uncheckedReport(store), store, out);
        }
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("neurons"))
                    .toList());
        }
        Document overview = page(out, "index.html");
        assertFalse(overview.select(".site-header nav a").eachText().contains("Neurons"));
        assertTrue(overview.select("a[href^=neurons]").isEmpty());
        assertFalse(firstModelJson(out).has("neurons"));
    }

    private static com.fasterxml.jackson.databind.JsonNode firstModelJson(Path site) throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(site.resolve("summary.json").toFile())
                .get("models").get(0);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

}
