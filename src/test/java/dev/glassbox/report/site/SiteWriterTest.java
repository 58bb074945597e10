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

    static final List<String> PAGES = List.of("index.html", "model-card.html", "checks.html", "classes.html",
            "gallery.html", "methods.html", "neurons.html", "compare.html", "glossary.html", "about.html");
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
     * The same, compared (the second model explains the first's mistakes too), with hostile check results of every
     * status, evidence and charts, from a config (with markup in its name and text) that compares the two models,
     * and a hostile neuron analysis of the first model.
     */
    static Report nastyReport(ImageStore store) {
        Report base = TinyReports.buildCompared(store, List.of(TinyReports.model("model <b>one</b>", 3),
                TinyReports.model("two", 4)), List.of(TinyReports.images("set & <i>", NASTY, 30, 2)));
        base = TinyReports.withNeurons(base, 0, TinyReports.hostileNeurons(store, "set & <i>", NASTY));
        return TinyReports.withChecks(base, TinyReports.hostileChecks(base), TinyReports.HOSTILE_RUN);
    }

    static Document page(Path site, String name) throws java.io.IOException {
        return Jsoup.parse(site.resolve(name).toFile(), "UTF-8");
    }

    static Document page(MemoryOutput site, String name) {
        return Jsoup.parse(site.text(name));
    }

    @Test
    void namesWithMarkupShowLiterallyAndInjectNothing() throws Exception {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(nastyReport(store), store);
        }
        for (String page : out.paths()) {
            if (!page.endsWith(".html")) {
                continue;
            }
            Document doc = page(out, page);
            assertTrue(doc.select("script").isEmpty(), page + " has a script element");
            assertTrue(doc.select("main b, main i").isEmpty(), page + " has markup from a name");
            assertTrue(doc.select("[onerror]").isEmpty(), page + " has an event handler from a finding");
        }
        for (String page : List.of("model-card.html", "classes.html", "gallery.html", "neurons.html",
                "compare.html", "check-class-recall.html")) {
            assertTrue(page(out, page).text().contains("<script>alert(1)</script>"), page + " shows the hostile text");
        }
        for (String page : PAGES) {
            if (!List.of("glossary.html", "checks.html").contains(page)) {
                assertTrue(page(out, page).text().contains("model <b>one</b>"), page);
            }
            if (!List.of("methods.html", "checks.html", "neurons.html", "glossary.html").contains(page)) {
                assertTrue(page(out, page).text().contains("set & <i>"), page);
            }
        }
        for (String page : List.of("classes.html", "gallery.html", "compare.html")) {
            assertTrue(page(out, page).text().contains("\"quotes\" & ampersands"), page);
        }
        Document gallery = page(out, "gallery.html");
        assertTrue(gallery.select("img[alt*=<script>]").size() > 0, "alt text keeps the name, as an attribute value");
        assertTrue(page(out, "check-interventions.html").text().contains("The check broke on <img src=x"
                + " onerror=alert(1)>."));
        Document recall = page(out, "check-class-recall.html");
        assertTrue(recall.select("img[alt*=<script>alert(1)</script>]").size() > 0, "a caption stays an attribute");
        assertTrue(out.text("check-class-recall.html").contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void siteHasPagesAssetsPicturesSummaryJUnitAndZip() throws Exception {
        Path out = tmp.resolve("report");
        try (ImageStore store = ImageStore.temporary()) {
            SiteFixtures.write(nastyReport(store), store, out);
        }
        for (String f : List.of("index.html", "model-card.html", "checks.html", "check-accuracy.html",
                "glossary.html", "classes.html", "gallery.html", "methods.html",
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
        assertEquals(List.of("Overview", "Model card", "Checks", "Classes", "Gallery", "Methods", "Neurons", "Compare",
                "Glossary", "About"), overview.select(".site-header nav a").eachText());
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
        assertEquals("check-sanity.html#m0-r6", warning.selectFirst("a[href^=check-]").attr("href"));

        Document gallery = page(out, "gallery.html");
        Element note = gallery.selectFirst("main .untrusted");
        assertTrue(note != null, "the gallery warns near its top");
        assertEquals("methods.html#saliency", note.selectFirst("li a").attr("href"));
        assertTrue(note.selectFirst("li").text().startsWith("saliency for model <b>one</b>"));
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
        for (String page : List.of("index.html", "check-focus.html")) {
            Document doc = page(out, page);
            assertTrue(doc.select("main img[src*=javascript], main a[href*=javascript], main img[src*=..],"
                    + " main img[src*=not-there]").isEmpty(), page);
            assertTrue(doc.text().contains("missing (picture not in the report)"), page);
        }
    }
    @Test
    void everyPageAllowsOnlyTheReportsOwnFilesAndHasASkipLinkToItsContent() {
        MemoryOutput out;
        try (ImageStore store = ImageStore.temporary()) {
            out = SiteFixtures.render(nastyReport(store), store);
        }
        for (String name : out.paths()) {
            if (!name.endsWith(".html")) {
                continue;
            }
            Document doc = page(out, name);
            Element csp = doc.selectFirst("head meta[http-equiv=Content-Security-Policy]");
            assertTrue(csp != null, name + " has no security policy");
            assertEquals("default-src 'none'; img-src 'self' data:; style-src 'self'; base-uri 'none';"
                    + " form-action 'none'", csp.attr("content"), name);
            Element skip = doc.selectFirst("body a.skip-link");
            assertEquals("#main", skip.attr("href"), name);
            assertEquals(skip, doc.selectFirst("body a"), name + ": the skip link comes first");
            assertEquals("main", doc.getElementById("main").tagName(), name);
            assertTrue(doc.select("[style]").isEmpty(), name + " has a style attribute the policy would block");
        }
        String css = out.text("assets/style.css");
        assertTrue(css.contains(":focus-visible { outline: 3px solid"), "keyboard focus is visible");
        assertTrue(css.contains(".skip-link:focus"), "the skip link shows when focused");
    }

    /**
     * The report is readable by others: its folders and files get the permissions any new folder and file gets here
     * (755 and 644 under umask 022), not those of the private staging folder (700) it was built in.
     */
    @Test
    void theReportFolderAndZipAreReadableByOthers() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews()
                .contains("posix"), "POSIX permissions");
        Path out = tmp.resolve("shared").resolve("report");
        try (ImageStore store = ImageStore.temporary()) {
            SiteFixtures.write(nastyReport(store), store, out);
        }
        var folder = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("probe-folder")));
        var file = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("probe-file")));
        List<String> wrong = new java.util.ArrayList<>();
        try (var walk = Files.walk(out)) {
            for (Path p : walk.toList()) {
                var expected = Files.isDirectory(p) ? folder : file;
                var actual = Files.getPosixFilePermissions(p);
                if (!actual.equals(expected)) {
                    wrong.add(out.relativize(p) + " " + java.nio.file.attribute.PosixFilePermissions.toString(actual));
                }
            }
        }
        assertEquals(List.of(), wrong, "like a new folder " + java.nio.file.attribute.PosixFilePermissions
                .toString(folder) + " and a new file " + java.nio.file.attribute.PosixFilePermissions.toString(file));
        assertEquals(file, Files.getPosixFilePermissions(tmp.resolve("shared").resolve("report.zip")));
        if (folder.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
            assertTrue(Files.getPosixFilePermissions(out).containsAll(java.nio.file.attribute.PosixFilePermissions
                    .fromString("rwxr-xr-x")), "under umask 022: 755");
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
