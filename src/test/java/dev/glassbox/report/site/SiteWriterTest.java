package dev.glassbox.report.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.GlassboxException;
import dev.glassbox.checks.CheckResult;
import dev.glassbox.checks.CheckStatus;
import dev.glassbox.Progress;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.report.Report;
import dev.glassbox.report.RunInfo;
import dev.glassbox.testing.TinyReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {

    static final List<String> NASTY = List.of("<script>alert(1)</script>", "\"quotes\" & ampersands", "plain");

    @TempDir
    Path tmp;

    static final List<String> PAGES = List.of("index.html", "checks.html", "classes.html", "gallery.html",
            "methods.html", "neurons.html", "compare.html", "about.html");
    /** The layer pages of the hostile neuron analysis: its two layer names make the same slug. */
    static final List<String> LAYER_PAGES = List.of("neurons-m0-conv-1-x.html", "neurons-m0-conv-1-x-2.html");

    /**
     * A two-model report whose class and data set names try to inject markup, without check results or neuron
     * analysis.
     */
    static Report uncheckedReport(ImageStore store) {
        return TinyReports.build(store, List.of(TinyReports.model("model <b>one</b>", 3), TinyReports.model("two", 4)),
                List.of(TinyReports.images("set & <i>", NASTY, 30, 2)));
    }

    /**
     * The same with hostile check results of every status, evidence and charts, from a config (with markup in its
     * name and text) that compares the two models, and a hostile neuron analysis of the first model.
     */
    static Report nastyReport(ImageStore store) {
        Report base = uncheckedReport(store);
        base = TinyReports.withNeurons(base, 0, TinyReports.hostileNeurons(store, "set & <i>", NASTY));
        return TinyReports.withChecks(base, TinyReports.hostileChecks(base), TinyReports.HOSTILE_RUN);
    }

    private static Document page(Path site, String name) throws java.io.IOException {
        return Jsoup.parse(site.resolve(name).toFile(), "UTF-8");
    }

    private static Document page(MemoryOutput site, String name) {
        return Jsoup.parse(site.text(name));
    }

    @Test
    void namesWithMarkupShowLiterallyAndInjectNothing() throws Exception {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(nastyReport(store), store);
        }
        for (String page : PAGES) {
            Document doc = page(out, page);
            assertTrue(doc.select("script").isEmpty(), page + " has a script element");
            assertTrue(doc.select("main b, main i").isEmpty(), page + " has markup from a name");
            assertTrue(doc.select("[onerror]").isEmpty(), page + " has an event handler from a finding");
            String text = doc.body().text();
            if (!page.equals("index.html") && !page.equals("methods.html")) {
                assertTrue(text.contains("<script>alert(1)</script>"), page + " does not show the hostile text");
            }
            assertTrue(text.contains("model <b>one</b>"), page);
            if (!List.of("methods.html", "checks.html", "neurons.html").contains(page)) {
                assertTrue(text.contains("set & <i>"), page);
            }
        }
        for (String page : List.of("classes.html", "gallery.html", "compare.html")) {
            assertTrue(page(out, page).text().contains("\"quotes\" & ampersands"), page);
        }
        Document gallery = page(out, "gallery.html");
        assertTrue(gallery.select("img[alt*=<script>]").size() > 0, "alt text keeps the name, as an attribute value");
        Document checks = page(out, "checks.html");
        assertTrue(checks.text().contains("The check broke on <img src=x onerror=alert(1)>."));
        assertTrue(checks.select("img[alt*=<script>alert(1)</script>]").size() > 0, "a caption stays an attribute");
        assertTrue(out.text("checks.html").contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void siteHasPagesAssetsPicturesSummaryJUnitAndZip() throws Exception {
        Path out = tmp.resolve("report");
        try (ImageStore store = ImageStore.temporary()) {
            SiteFixtures.write(nastyReport(store), store, out);
        }
        for (String f : List.of("index.html", "checks.html", "classes.html", "gallery.html", "methods.html",
                "compare.html", "about.html", "assets/style.css", "summary.json", "junit.xml",
                "img/charts/m0-d0-confusion.png", "img/charts/m1-d0-confusion.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        try (ZipFile zip = new ZipFile(tmp.resolve("report.zip").toFile())) {
            assertTrue(zip.getEntry("report/index.html") != null);
            assertTrue(zip.getEntry("report/junit.xml") != null);
            assertTrue(zip.getEntry("report/img/charts/m0-d0-confusion.png") != null);
        }
        Document overview = page(out, "index.html");
        assertEquals(2, overview.select("table.accuracy tbody tr").size(), "one accuracy row per model and data set");
        assertTrue(overview.text().contains("named the right class for"));
        assertEquals(List.of("Overview", "Checks", "Classes", "Gallery", "Methods", "Neurons", "Compare", "About"),
                overview.select(".site-header nav a").eachText());
        for (String page : PAGES) {
            assertEquals(PAGES, page(out, page).select(".site-header nav a").eachAttr("href"), page);
            assertEquals(1, page(out, page).select(".site-header nav a[aria-current=page]").size(), page);
        }
        assertTrue(Files.readString(out.resolve("assets/style.css")).contains("prefers-color-scheme: dark"));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("report", "report.zip"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder is left behind");
        }
    }

    @Test
    void overviewOpensWithTheVerdictThenFindingsWorstFirst() throws Exception {
        MemoryOutput out;
        Report report;
        try (ImageStore store = ImageStore.temporary()) {
            report = nastyReport(store);
            out = SiteFixtures.render(report, store);
        }
        Document overview = page(out, "index.html");
        Element first = overview.selectFirst("main > section");
        assertEquals("verdict", first.select("h2").attr("id"), "the verdict opens the page");
        Element badge = first.selectFirst(".verdict-badge .badge");
        assertTrue(badge.hasClass("status-fail"));
        assertEquals("✗ Fail", badge.text(), "a symbol and a word, not colour alone");
        assertTrue(first.text().contains(report.verdictNote()));

        var findings = overview.select(".finding-list > li");
        assertEquals(List.of("fail", "fail", "error", "warn", "warn"),
                findings.stream().map(f -> f.selectFirst(".badge").className().replaceAll(".*status-", "")).toList(),
                "fails first, then errors, then warnings");
        assertTrue(findings.get(0).text().contains("below the 90% minimum"));
        assertTrue(findings.get(0).text().contains("model <b>one</b>"));
        Document checks = page(out, "checks.html");
        for (Element f : findings) {
            String href = f.selectFirst("a[href^=checks.html#]").attr("href");
            Element row = checks.getElementById(href.substring(href.indexOf('#') + 1));
            assertTrue(row != null && row.tagName().equals("tr"), href + " leads to the result's row");
            assertTrue(row.text().contains(f.selectFirst(".finding-text").text()), href);
        }
        var thumbs = overview.select(".finding .thumbs a");
        assertEquals(3, thumbs.size(), "two pictures for the class warning, one for the sanity failure");
        for (Element a : thumbs) {
            assertEquals(a.attr("href"), a.selectFirst("img").attr("src"), "a thumbnail links to its picture");
            assertTrue(out.has(a.attr("href")), a.attr("href"));
        }
    }

    @Test
    void withoutChecksTheOverviewSaysSoAndThereIsNoComparePage() throws Exception {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(uncheckedReport(store), store);
        }
        Document overview = page(out, "index.html");
        assertEquals("○ Not run", overview.selectFirst(".verdict-badge .badge").text());
        assertTrue(overview.select(".finding-list").isEmpty());
        assertTrue(overview.selectFirst(".findings").text().contains("No checks ran, so there is nothing to report"));
        assertFalse(out.has("compare.html"));
        assertFalse(overview.select(".site-header nav a").eachText().contains("Compare"));
        Document checks = page(out, "checks.html");
        assertEquals(dev.glassbox.checks.Checks.definitions().size(), checks.select("section.check").size());
        assertTrue(checks.select("table.results").isEmpty());
        assertTrue(checks.text().contains("This check did not run for this report"));
        Document about = page(out, "about.html");
        assertTrue(about.text().contains("None: this report was not made from a battery config."));
        assertTrue(about.select("pre").isEmpty());
    }

    @Test
    void aReportWhoseChecksAllPassSaysThereIsNothingToReport() throws Exception {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            Report base = uncheckedReport(store);
            List<CheckResult> passing = TinyReports.hostileChecks(base).stream()
                    .filter(r -> r.status() == CheckStatus.PASS).toList();
            out = SiteFixtures.render(TinyReports.withChecks(base, passing, RunInfo.seedOnly(1)), store);
        }
        Document overview = page(out, "index.html");
        assertEquals("✓ Pass", overview.selectFirst(".verdict-badge .badge").text());
        String findings = overview.selectFirst(".findings").text();
        assertTrue(findings.contains("Nothing to report: all 5 check results passed."), findings);
    }

    @Test
    void checksPageShowsEachCheckInRegistryOrderWithItsResultsPicturesAndCharts() throws Exception {
        MemoryOutput out;
        Report report;
        try (ImageStore store = ImageStore.temporary()) {
            report = nastyReport(store);
            out = SiteFixtures.render(report, store);
        }
        Document checks = page(out, "checks.html");
        var sections = checks.select("section.check");
        assertEquals(dev.glassbox.checks.Checks.definitions().stream()
                .map(dev.glassbox.checks.CheckDefinition::title).toList(),
                sections.stream().map(section -> section.selectFirst("h2").text()).toList());
        Element accuracy = checks.getElementById("check-accuracy");
        assertTrue(accuracy.text().contains(dev.glassbox.checks.Checks.definition("accuracy").get().description()));
        assertEquals("✗ Fail", accuracy.selectFirst(".check-summary .badge").text(), "the worst of its results");
        assertTrue(accuracy.text().contains("2 results: 1 failed, 1 passed."));

        var rows = checks.select("tr.result");
        assertEquals(report.checks().size(), rows.size());
        assertEquals(rows.size(), new java.util.HashSet<>(rows.eachAttr("id")).size(), "anchors are unique");
        for (Element row : rows) {
            assertTrue(row.id().matches("m[01]-r[0-9]+"), row.id());
        }
        Element failed = checks.getElementById("m0-r1");
        assertEquals(List.of("model <b>one</b>", "set & <i>", "—", "✗ Fail", "0.4", "0.9"),
                failed.select("td").eachText().subList(0, 6));
        assertTrue(failed.text().contains("interval-low: 0.3"), "details are listed with the finding");

        Element recall = checks.getElementById("m0-r2");
        assertEquals("<script>alert(1)</script>", recall.select("td").get(2).text(), "the class");
        Element evidence = recall.nextElementSibling();
        assertTrue(evidence.hasClass("evidence-row"));
        assertEquals(2, evidence.select("figure img").size());
        assertTrue(evidence.text().contains("Where it looked: \"quotes\" & ampersands."));

        Element calibration = checks.getElementById("m0-r3").nextElementSibling();
        Element chart = calibration.selectFirst("figure.chart img");
        String src = chart.attr("src");
        assertTrue(src.startsWith("img/charts/") && src.endsWith(".png"), src);
        byte[] png = out.bytes(src);
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertEquals(LineChart.WIDTH, image.getWidth());
        assertTrue(chart.attr("alt").contains("perfect & <i>calibration</i> (dashed)"), chart.attr("alt"));
        assertEquals("sanity · saliency", report.checks().get(5).key());
        assertEquals("saliency", checks.getElementById("m0-r6").select("td").get(2).text());
        assertEquals("—", checks.getElementById("m0-r6").select("td").get(1).text(), "no data set");
    }

    @Test
    void aFailedSanityCheckMarksTheMethodUntrustworthyForThatModel() throws Exception {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(nastyReport(store), store);
        }
        Document methods = page(out, "methods.html");
        Element saliency = methods.getElementById("saliency");
        Element warning = saliency.selectFirst(".untrusted");
        assertEquals(saliency.selectFirst("h2").nextElementSibling(), warning, "at the top of the method's note");
        assertTrue(warning.text().startsWith("✗ Untrustworthy for model <b>one</b>:"), warning.text());
        assertTrue(warning.text().contains("barely change when the layers are random"));
        assertEquals(1, saliency.select(".untrusted").size(), "the second model passed");
        assertEquals("checks.html#m0-r6", warning.selectFirst("a").attr("href"));

        Document gallery = page(out, "gallery.html");
        Element note = gallery.selectFirst("main .untrusted");
        assertTrue(note != null, "the gallery warns near its top");
        assertEquals("methods.html#saliency", note.selectFirst("li a").attr("href"));
        assertTrue(note.selectFirst("li").text().startsWith("saliency for model <b>one</b>"));
    }

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
    void aboutPageTellsHowTheReportWasMade() throws Exception {
        MemoryOutput out;
        Report written;
        try (ImageStore store = ImageStore.temporary()) {
            out = new MemoryOutput();
            written = new SiteWriter().write(nastyReport(store), store, out, Progress.NONE);
        }
        Document about = page(out, "about.html");
        assertEquals(TinyReports.HOSTILE_RUN.config(), about.selectFirst("pre.config code").wholeText(),
                "the config's full text, exactly");
        assertTrue(out.text("about.html").contains("title: &lt;script&gt;alert(1)&lt;/script&gt;"));
        String text = about.text();
        assertTrue(text.contains("Seed 42"), text);
        assertTrue(text.contains("battery <script>.yaml"));
        assertTrue(text.contains("2026-01-01T00:00:00Z"));
        for (var v : written.versions().entrySet()) {
            assertTrue(text.contains(v.getKey() + " " + v.getValue()), v.toString());
        }
        for (var m : written.models()) {
            assertTrue(text.contains(m.file()), m.file());
        }
        assertEquals(written.timings().keySet().stream().toList(),
                about.select("#time ~ table tbody th").eachText(), "one row per stage, the site's own included");
        assertTrue(about.selectFirst("#time").parent().text().contains("Timings are the only part of a report that"
                + " varies between runs"));
    }

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
        assertTrue(out.text(LAYER_PAGES.get(0)).contains("conv&lt;1&gt;/&quot;x&quot;"));
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
        assertEquals("checks.html#check-interventions", check);
        assertTrue(page(out, "checks.html").getElementById("check-interventions") != null);
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

    @Test
    void evidenceOutsideTheSiteIsNeverLinked() throws Exception {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            Report base = uncheckedReport(store);
            CheckResult odd = new CheckResult("focus", base.models().get(0).name(), null, null, null,
                    CheckStatus.WARN, 0.4, 0.5, "Odd pictures.", List.of(
                            new dev.glassbox.checks.Evidence("javascript:alert(1)", "a script"),
                            new dev.glassbox.checks.Evidence("img/../../etc/passwd.png", "outside"),
                            new dev.glassbox.checks.Evidence("img/not-there.png", "missing")),
                    java.util.Map.of(), List.of());
            out = SiteFixtures.render(TinyReports.withChecks(base, List.of(odd), RunInfo.seedOnly(1)), store);
        }
        for (String page : List.of("index.html", "checks.html")) {
            Document doc = page(out, page);
            assertTrue(doc.select("main img[src*=javascript], main a[href*=javascript], main img[src*=..],"
                    + " main img[src*=not-there]").isEmpty(), page);
            assertTrue(doc.text().contains("missing (picture not in the report)"), page);
        }
    }
    @Test
    void aFolderThatIsNotAReportIsNeverOverwritten() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("thesis.tex"), "precious");
        try (ImageStore store = ImageStore.temporary()) {
            Report report = nastyReport(store);
            GlassboxException e = assertThrows(GlassboxException.class,
                    () -> SiteFixtures.write(report, store, out));
            assertEquals(2, e.exitCode());
            assertTrue(e.getMessage().contains("is not a Glassbox report (it has no .glassbox-report marker)"),
                    e.getMessage());
        }
        assertEquals("precious", Files.readString(out.resolve("thesis.tex")));
        assertFalse(Files.exists(tmp.resolve("mine.zip")));
    }

    @Test
    void anEarlierReportIsReplacedWholeButNotAFileAUserPutInIt() throws Exception {
        Path out = tmp.resolve("r");
        try (ImageStore store = ImageStore.temporary()) {
            Report report = nastyReport(store);
            SiteFixtures.write(report, store, out);
            // a page an earlier run wrote and this one does not: listed in the marker, so it goes with the old report
            Files.writeString(out.resolve("old-page.html"), "from the last run");
            dev.glassbox.files.OwnedFolder.mark(out, dev.glassbox.files.OwnedFolder.Kind.REPORT, null);
            SiteFixtures.write(report, store, out);
            assertFalse(Files.exists(out.resolve("old-page.html")));
            assertTrue(Files.exists(out.resolve("index.html")));

            Files.writeString(out.resolve("notes.txt"), "my notes on this report");
            GlassboxException e = assertThrows(GlassboxException.class,
                    () -> SiteFixtures.write(report, store, out));
            assertEquals(2, e.exitCode());
            assertTrue(e.getMessage().startsWith(out.resolve("notes.txt").toAbsolutePath() + " is in the way"),
                    e.getMessage());
            assertEquals("my notes on this report", Files.readString(out.resolve("notes.txt")));
        }
    }

    @Test
    void sameReportGivesIdenticalPagesAndCharts() throws Exception {
        List<String> files = List.of("index.html", "checks.html", "gallery.html", "classes.html", "methods.html",
                "neurons.html", LAYER_PAGES.get(0), LAYER_PAGES.get(1), "compare.html", "junit.xml", "img/charts/m0-d0-confusion.png", "img/charts/m0-r3-1.png",
                "img/charts/m0-r7-1.png", "img/m0/d0/c0-correct-1-saliency.png");
        byte[][] first = null;
        for (int run = 0; run < 2; run++) {
            Path out = tmp.resolve("run" + run).resolve("site");
            try (ImageStore store = ImageStore.temporary()) {
                Report report = nastyReport(store);
                // Timings are the one part that varies (the about page and summary.json show them).
                report = report.withTiming("evaluation", 0).withTiming("saliency", 0);
                SiteFixtures.write(report, store, out);
            }
            byte[][] bytes = new byte[files.size()][];
            for (int i = 0; i < files.size(); i++) {
                bytes[i] = Files.readAllBytes(out.resolve(files.get(i)));
            }
            if (first == null) {
                first = bytes;
            } else {
                for (int i = 0; i < bytes.length; i++) {
                    assertArrayEquals(first[i], bytes[i], files.get(i));
                }
            }
        }
    }
}
