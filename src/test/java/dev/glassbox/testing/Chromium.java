package dev.glassbox.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through its own chromedriver ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}), never a download, as the site tests open a report from {@code file://}. Without
 * them a test fails, unless {@code GLASSBOX_NO_BROWSER} is set (property or environment).
 */
public final class Chromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Selenium warns that it has no DevTools bindings for this Chromium; the tests do not need them. */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh headless browser; fails (or, with GLASSBOX_NO_BROWSER set, skips the test) without Chromium. */
    public static Chromium open() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian: apt-get install -y chromium chromium-driver)";
            if (System.getProperty("GLASSBOX_NO_BROWSER") != null || System.getenv("GLASSBOX_NO_BROWSER") != null) {
                System.err.println("!!!! SKIPPING A BROWSER TEST (GLASSBOX_NO_BROWSER is set): " + why + " !!!!");
                Assumptions.abort("GLASSBOX_NO_BROWSER is set: " + why);
            }
            fail(why + "; set GLASSBOX_NO_BROWSER=1 to skip them knowingly");
        }
        SELENIUM.setLevel(Level.SEVERE);
        Path profile = Files.createTempDirectory("glassbox-chromium-");
        // Naming both executables keeps Selenium Manager (which would download a driver) out of the picture.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Sets the viewport (the page's own width and height, without the window's frame). */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    /** Shows pages as a reader whose system asks for a dark (or a light) colour scheme sees them. */
    public void darkMode(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(
                Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    public void open(Path file) {
        driver.get(file.toUri().toString());
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** How far the page reaches sideways, in CSS pixels, against the viewport's width. */
    public long[] widths() {
        Number scroll = (Number) script("return Math.max(document.documentElement.scrollWidth,"
                + " document.body.scrollWidth);");
        Number viewport = (Number) script("return document.documentElement.clientWidth;");
        return new long[] {scroll.longValue(), viewport.longValue()};
    }

    /** A picture of the viewport, written to {@code file}. */
    public void screenshot(Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Resizes the window, for a screenshot of a full page at one width. */
    public void window(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    @Override
    public void close() {
        driver.quit();
        org.apache.commons.io.FileUtils.deleteQuietly(profile.toFile());
    }
}
