package dev.glassbox.report.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.imaging.ImageStore;
import dev.glassbox.testing.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * axe-core finds no accessibility violation on any page, in light and in dark mode, in Debian's headless Chromium.
 * axe-core is not part of the build: the test runs when {@code glassbox.axe} (a system property, or the environment
 * variable {@code GLASSBOX_AXE}) names its {@code axe.min.js}, e.g. after
 * {@code npm install --prefix target/axe axe-core}:
 * <pre>mvn -o test -Dtest=AccessibilityTest -Dglassbox.axe=target/axe/node_modules/axe-core/axe.min.js</pre>
 * It checks the hostile-names report, and also the report folder {@code glassbox.axe.site} names (the demo, say).
 */
class AccessibilityTest {

    @Test
    void axeFindsNothingOnAnyPageInLightOrDarkMode() throws Exception {
        String axePath = System.getProperty("glassbox.axe", System.getenv("GLASSBOX_AXE"));
        Assumptions.assumeTrue(axePath != null && !axePath.isBlank(),
                "set -Dglassbox.axe=PATH/axe.min.js (npm's axe-core) to run the accessibility test");
        String axe = Files.readString(Path.of(axePath));
        List<Path> sites = new ArrayList<>();
        Path nasty = Path.of("target", "axe-test", "report").toAbsolutePath();
        org.apache.commons.io.FileUtils.deleteDirectory(nasty.getParent().toFile());
        try (ImageStore store = ImageStore.temporary()) {
            SiteFixtures.write(SiteWriterTest.nastyReport(store), store, nasty);
        }
        sites.add(nasty);
        String extra = System.getProperty("glassbox.axe.site");
        if (extra != null) {
            sites.add(Path.of(extra).toAbsolutePath());
        }
        List<String> violations = new ArrayList<>();
        int pages = 0;
        int passed = 0;
        try (Chromium chromium = Chromium.open()) {
            chromium.viewport(1280, 800);
            for (Path site : sites) {
                for (String page : BrowserTest.everyPageOf(site)) {
                    chromium.open(site.resolve(page));
                    pages++;
                    for (boolean dark : new boolean[] {false, true}) {
                        chromium.darkMode(dark);
                        chromium.script(axe);
                        @SuppressWarnings("unchecked")
                        java.util.Map<String, Object> result = (java.util.Map<String, Object>) chromium.driver()
                                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                                + "axe.run(document).then(r => done({passes: r.passes.length, violations: r.violations"
                                + ".map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + ' nodes): '"
                                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))}));");
                        passed += ((Number) result.get("passes")).intValue();
                        @SuppressWarnings("unchecked")
                        List<String> found = (List<String>) result.get("violations");
                        for (String v : found) {
                            violations.add(site.getFileName() + "/" + page + (dark ? " [dark] " : " [light] ") + v);
                        }
                    }
                    chromium.darkMode(false);
                }
            }
        }
        System.out.println("axe-core on " + pages + " pages, light and dark: " + violations.size() + " violations, "
                + passed + " rules passed");
        org.junit.jupiter.api.Assertions.assertTrue(passed > pages * 10, "axe ran: " + passed + " rules passed");
        violations.forEach(System.out::println);
        assertEquals(List.of(), violations);
    }
}
