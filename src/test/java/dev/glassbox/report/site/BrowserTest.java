package dev.glassbox.report.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.Progress;
import dev.glassbox.demo.ShapesDemo;
import dev.glassbox.battery.RunPlan;
import dev.glassbox.imaging.ImageStore;
import dev.glassbox.testing.Chromium;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Opens the generated site from {@code file://} in headless Chromium, as a reader would from an unpacked zip, and
 * checks every page: no console errors (a blocked load under the pages' security policy is one), every picture
 * loads, every relative link leads to a file, nothing is fetched from the network, and no page is wider than a phone.
 * Uses Debian's Chromium ({@link Chromium}).
 */
class BrowserTest {

    /**
     * Pages every site has; the compare page comes only with a compared pair of models, the neurons page and its
     * layer pages only with a neuron analysis.
     */
    private static final List<String> PAGES = List.of("index.html", "model-card.html", "checks.html",
            "classes.html", "gallery.html", "methods.html", "glossary.html", "about.html");

    /**
     * A report with hostile class names and hand-made check results of every status (evidence, charts, a compared
     * pair of models), and the real demo report (on a small sample of its test pictures); each also as a single file
     * beside its folder ({@code --single-file}).
     */
    private static List<Path> sites;
    private static Chromium chromium;
    private static ChromeDriver driver;

    @BeforeAll
    static void openBrowser() throws Exception {
        chromium = Chromium.open();
        driver = chromium.driver();
        // A fixed place under target/, so a failing run leaves the site to look at.
        Path root = Path.of("target", "browser-test").toAbsolutePath();
        org.apache.commons.io.FileUtils.deleteDirectory(root.toFile());
        Files.createDirectories(root);
        Path nasty = root.resolve("report");
        try (ImageStore store = ImageStore.temporary()) {
            SiteFixtures.write(SiteWriterTest.nastyReport(store), store, nasty, true);
        }
        Path demo = root.resolve("demo");
        new ShapesDemo(Path.of("").toAbsolutePath(), root.resolve("data"), 7, 8)
                .write(demo, true, RunPlan.timestampNow(), dev.glassbox.model.MemoryBudget.defaultBudget(),
                        Progress.NONE);
        sites = List.of(nasty, demo);
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /**
     * At 390 CSS pixels wide (a phone), no page of either site reaches beyond the viewport: tables turn into cards
     * or scroll inside their own box, long names wrap.
     */
    @Test
    void noPageScrollsSidewaysOnAPhone() throws Exception {
        List<String> wide = new ArrayList<>();
        chromium.viewport(390, 844);
        try {
            for (Path site : sites) {
                for (String name : everyPageOf(site)) {
                    chromium.open(site.resolve(name));
                    long[] w = chromium.widths();
                    System.out.printf("width at 390 px: %s/%s %d of %d%n", site.getFileName(), name, w[0], w[1]);
                    if (w[0] > w[1]) {
                        wide.add(site.getFileName() + "/" + name + " is " + w[0] + " px wide in a " + w[1]
                                + " px viewport");
                    }
                }
            }
        } finally {
            chromium.viewport(1280, 800);
        }
        assertEquals(List.of(), wide);
    }

    @Test
    void everyPageLoadsCleanlyFromFile() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path site : sites) {
            problems.addAll(problemsOf(site));
        }
        assertEquals(List.of(), problems);
    }

    /** The pages the site's navigation lists, which must include every page all sites have. */
    static List<String> pagesOf(Path site) throws Exception {
        List<String> pages = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8")
                .select(".site-header nav a").eachAttr("href");
        assertTrue(pages.containsAll(PAGES), site + " lists " + pages);
        return pages;
    }

    /**
     * The navigation's pages, then the pages it leaves out: the check pages the checks index links to and the layer
     * pages the neurons page links to.
     */
    static List<String> everyPageOf(Path site) throws Exception {
        List<String> pages = new ArrayList<>(pagesOf(site));
        Jsoup.parse(site.resolve(CheckViews.PAGE).toFile(), "UTF-8").select("main .check-index a")
                .eachAttr("href").stream().distinct().forEach(pages::add);
        if (pages.contains(NeuronViews.PAGE)) {
            Jsoup.parse(site.resolve(NeuronViews.PAGE).toFile(), "UTF-8").select("main .layer-links a")
                    .eachAttr("href").stream().distinct().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void theHostileReportHasANeuronsPageAndItsLayerPagesAreVisited() throws Exception {
        Path nasty = sites.get(0);
        List<String> pages = everyPageOf(nasty);
        assertTrue(pages.contains(NeuronViews.PAGE), "the neurons page is in the navigation: " + pages);
        assertEquals(SiteWriterTest.LAYER_PAGES, pages.stream().filter(p -> p.startsWith("neurons-")).toList(),
                "every layer page is visited");
    }

    @Test
    void theComparedPairHasAComparePageAndEveryResultItsRow() throws Exception {
        Path nasty = sites.get(0);
        assertTrue(pagesOf(nasty).contains("compare.html"));
        var calibration = Jsoup.parse(nasty.resolve("check-calibration.html").toFile(), "UTF-8");
        assertFalse(calibration.select("article.result-card").isEmpty());
        assertFalse(calibration.select("figure.chart img").isEmpty(), "the check's page draws its charts");
    }

    private static List<String> problemsOf(Path site) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String name : everyPageOf(site)) {
            Path file = site.resolve(name);
            String page = site.getFileName() + "/" + name;
            driver.get(file.toUri().toString());
            JavascriptExecutor js = driver;

            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    problems.add(page + ": console error: " + entry.getMessage());
                }
            }
            @SuppressWarnings("unchecked")
            List<String> broken = (List<String>) js.executeScript("return Array.from(document.images)"
                    + ".filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'));");
            broken.forEach(src -> problems.add(page + ": picture did not load: " + src));
            Long images = (Long) js.executeScript("return document.images.length;");
            if ((name.equals("classes.html") || name.equals("gallery.html")
                    || (site.equals(sites.get(0)) && (name.equals("check-class-recall.html")
                    || name.equals(NeuronViews.PAGE) || name.equals(SiteWriterTest.LAYER_PAGES.get(0)))))
                    && images == 0) {
                problems.add(page + ": no pictures at all");
            }

            @SuppressWarnings("unchecked")
            List<String> refs = (List<String>) js.executeScript("return Array.from(document.querySelectorAll("
                    + "'a[href], link[href], img[src]')).map(e => e.getAttribute(e.tagName === 'IMG' ? 'src' : 'href'));");
            for (String ref : refs) {
                checkReference(page, file, ref, problems);
            }
            String source = Files.readString(file);
            if (source.contains("http://") || source.contains("https://")) {
                problems.add(page + ": mentions an http(s) URL");
            }
        }
        String css = Files.readString(site.resolve(SiteWriter.CSS));
        if (css.contains("http://") || css.contains("https://") || css.contains("@import")) {
            problems.add(site.getFileName() + ": the stylesheet fetches something");
        }
        return problems;
    }

    /**
     * The single file as a reader opens it from an e-mail attachment: it shows every picture, logs no error, refers
     * to nothing outside itself, and its links move within it.
     */
    @Test
    void theSingleFileRendersOfflineAndItsLinksMoveWithinIt() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path site : sites) {
            Path file = site.resolveSibling(site.getFileName() + ".html");
            String name = file.getFileName().toString();
            driver.get(file.toUri().toString());
            JavascriptExecutor js = driver;
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    problems.add(name + ": console error: " + entry.getMessage());
                }
            }
            @SuppressWarnings("unchecked")
            List<String> broken = (List<String>) js.executeScript("return Array.from(document.images)"
                    + ".filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src').slice(0, 40));");
            broken.forEach(src -> problems.add(name + ": picture did not load: " + src));
            if ((Long) js.executeScript("return document.images.length;") < 10) {
                problems.add(name + ": hardly any pictures");
            }
            @SuppressWarnings("unchecked")
            List<String> outside = (List<String>) js.executeScript("return Array.from(document.querySelectorAll("
                    + "'[href], [src]')).map(e => e.getAttribute(e.hasAttribute('href') ? 'href' : 'src'))"
                    + ".filter(r => !r.startsWith('#') && !r.startsWith('data:'));");
            outside.forEach(ref -> problems.add(name + ": refers outside the file: " + ref));
            @SuppressWarnings("unchecked")
            List<String> dangling = (List<String>) js.executeScript("return Array.from(document.querySelectorAll("
                    + "'a[href^=\"#\"]')).map(a => a.getAttribute('href'))"
                    + ".filter(h => !document.getElementById(decodeURIComponent(h.slice(1))));");
            dangling.forEach(ref -> problems.add(name + ": in-page link to nothing: " + ref));

            driver.findElement(By.cssSelector(".site-header nav a[href='#checks']")).click();
            problems.addAll(arrivedAt(name, "checks"));
            driver.get(file.toUri().toString());
            String finding = driver.findElement(By.cssSelector("#index .problem .more a")).getAttribute("href");
            driver.findElement(By.cssSelector("#index .problem .more a")).click();
            problems.addAll(arrivedAt(name, finding.substring(finding.indexOf('#') + 1)));
        }
        assertEquals(List.of(), problems);
    }

    /** Whether a click on a link to {@code id} took the reader there: the address names it and it is in view. */
    private static List<String> arrivedAt(String name, String id) {
        JavascriptExecutor js = driver;
        String hash = (String) js.executeScript("return location.hash;");
        Boolean inView = (Boolean) js.executeScript("const r = document.getElementById(arguments[0])"
                + ".getBoundingClientRect(); return r.top >= -1 && r.top < window.innerHeight;", id);
        List<String> problems = new ArrayList<>();
        if (!("#" + id).equals(hash) || !inView) {
            problems.add(name + ": a link to #" + id + " left the reader at " + hash + " (in view: " + inView + ")");
        }
        return problems;
    }

    @Test
    void pagesAreReadableWithoutJavaScript() throws Exception {
        for (Path site : sites) {
            for (String page : everyPageOf(site)) {
                var doc = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
                assertTrue(doc.select("script").isEmpty(), page + " relies on a script");
                assertFalse(doc.select("main").text().isBlank(), page + " has no text");
            }
        }
    }

    private static void checkReference(String page, Path file, String ref, List<String> problems) throws Exception {
        if (ref == null || ref.isEmpty()) {
            problems.add(page + ": empty link");
            return;
        }
        String lower = ref.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("//")) {
            problems.add(page + ": external reference " + ref);
            return;
        }
        if (lower.startsWith("data:")) {
            return;
        }
        if (ref.startsWith("/") || lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
            problems.add(page + ": not a page-relative link: " + ref);
            return;
        }
        URI uri = file.toUri().resolve(ref.replace(" ", "%20"));
        String fragment = uri.getFragment();
        Path target = Path.of(new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null));
        if (!Files.isRegularFile(target)) {
            problems.add(page + ": link to a missing file: " + ref);
            return;
        }
        if (fragment != null && !fragment.isEmpty()
                && Jsoup.parse(target.toFile(), "UTF-8").getElementById(fragment) == null) {
            problems.add(page + ": link to a missing anchor: " + ref);
        }
    }
}
