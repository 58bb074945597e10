package dev.glassbox.report.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.GlassboxException;
import dev.glassbox.Progress;
import dev.glassbox.report.ImageStore;
import dev.glassbox.report.Report;
import dev.glassbox.testing.TinyReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {

    static final List<String> NASTY = List.of("<script>alert(1)</script>", "\"quotes\" & ampersands", "plain");

    @TempDir
    Path tmp;

    /** A two-model report whose class and data set names try to inject markup. */
    static Report nastyReport(ImageStore store) {
        return TinyReports.build(store, List.of(TinyReports.model("model <b>one</b>", 3), TinyReports.model("two", 4)),
                List.of(TinyReports.images("set & <i>", NASTY, 30, 2)));
    }

    @Test
    void namesWithMarkupShowLiterallyAndInjectNothing() throws Exception {
        Path out = tmp.resolve("site");
        try (ImageStore store = ImageStore.temporary()) {
            new SiteWriter().write(nastyReport(store), store, out, Progress.NONE);
        }
        for (String page : List.of("index.html", "classes.html", "gallery.html")) {
            Document doc = Jsoup.parse(out.resolve(page).toFile(), "UTF-8");
            assertTrue(doc.select("script").isEmpty(), page + " has a script element");
            assertTrue(doc.select("b, i").isEmpty(), page + " has markup from a name");
            String text = doc.body().text();
            if (!page.equals("index.html")) {
                assertTrue(text.contains("<script>alert(1)</script>"), page + " does not show the class name");
            }
            assertTrue(text.contains("\"quotes\" & ampersands"), page);
            assertTrue(text.contains("model <b>one</b>"), page);
            assertTrue(text.contains("set & <i>"), page);
        }
        Document gallery = Jsoup.parse(out.resolve("gallery.html").toFile(), "UTF-8");
        assertTrue(gallery.select("img[alt*=<script>]").size() > 0, "alt text keeps the name, as an attribute value");
    }

    @Test
    void siteHasPagesAssetsPicturesSummaryAndZip() throws Exception {
        Path out = tmp.resolve("report");
        try (ImageStore store = ImageStore.temporary()) {
            new SiteWriter().write(nastyReport(store), store, out, Progress.NONE);
        }
        for (String f : List.of("index.html", "classes.html", "gallery.html", "assets/style.css", "summary.json",
                "img/charts/m0-d0-confusion.png", "img/charts/m1-d0-confusion.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        try (ZipFile zip = new ZipFile(tmp.resolve("report.zip").toFile())) {
            assertTrue(zip.getEntry("report/index.html") != null);
            assertTrue(zip.getEntry("report/img/charts/m0-d0-confusion.png") != null);
        }
        Document overview = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertEquals(2, overview.select("main table tbody tr").size(), "one accuracy row per model and data set");
        assertTrue(overview.text().contains("named the right class for"));
        assertTrue(Files.readString(out.resolve("assets/style.css")).contains("prefers-color-scheme: dark"));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("report", "report.zip"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder is left behind");
        }
    }

    @Test
    void aFolderThatIsNotAReportIsNeverOverwritten() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("thesis.tex"), "precious");
        try (ImageStore store = ImageStore.temporary()) {
            Report report = nastyReport(store);
            GlassboxException e = assertThrows(GlassboxException.class,
                    () -> new SiteWriter().write(report, store, out, Progress.NONE));
            assertEquals(2, e.exitCode());
            assertTrue(e.getMessage().contains("not a Glassbox report"), e.getMessage());
        }
        assertEquals("precious", Files.readString(out.resolve("thesis.tex")));
        assertFalse(Files.exists(tmp.resolve("mine.zip")));
    }

    @Test
    void anEarlierReportIsReplacedWhole() throws Exception {
        Path out = tmp.resolve("r");
        try (ImageStore store = ImageStore.temporary()) {
            Report report = nastyReport(store);
            new SiteWriter().write(report, store, out, Progress.NONE);
            Files.writeString(out.resolve("stale.txt"), "from the last run");
            new SiteWriter().write(report, store, out, Progress.NONE);
        }
        assertFalse(Files.exists(out.resolve("stale.txt")));
        assertTrue(Files.exists(out.resolve("index.html")));
    }

    @Test
    void sameReportGivesIdenticalPagesChartsAndZip() throws Exception {
        byte[][] first = null;
        for (int run = 0; run < 2; run++) {
            Path out = tmp.resolve("run" + run).resolve("site");
            try (ImageStore store = ImageStore.temporary()) {
                Report report = nastyReport(store);
                // Timings are the one part that varies; fix them to compare the rest byte for byte.
                report = report.withTiming("evaluation", 0).withTiming("saliency", 0);
                new SiteWriter().write(report, store, out, Progress.NONE);
            }
            byte[][] bytes = {
                Files.readAllBytes(out.resolve("gallery.html")),
                Files.readAllBytes(out.resolve("classes.html")),
                Files.readAllBytes(out.resolve("img/charts/m0-d0-confusion.png")),
                Files.readAllBytes(out.resolve("img/m0/d0/c0-correct-1-saliency.png")),
            };
            if (first == null) {
                first = bytes;
            } else {
                for (int i = 0; i < bytes.length; i++) {
                    assertArrayEquals(first[i], bytes[i], "file " + i);
                }
            }
        }
    }
}
