package dev.glassbox.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.GlassboxException;
import dev.glassbox.Progress;
import dev.glassbox.report.Report;
import dev.glassbox.report.ReportSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end, on a small sample of its test pictures (the real run uses 200 per class). */
class ShapesDemoTest {

    @TempDir
    static Path dir;

    private static Report first;
    private static Path firstSite;
    private static Path secondSite;

    @BeforeAll
    static void runTwice() {
        ShapesDemo demo = new ShapesDemo(Path.of("").toAbsolutePath(), dir.resolve("data"), 7, 12);
        // SOURCE_DATE_EPOCH=1700000000, as a build system would set it.
        ReportSettings settings = ReportSettings.defaults().withGeneratedAt(
                ReportSettings.timestamp(Map.of("SOURCE_DATE_EPOCH", "1700000000"), Clock.systemUTC()));
        firstSite = dir.resolve("one");
        secondSite = dir.resolve("two");
        first = demo.write(firstSite, settings, Progress.NONE);
        demo.write(secondSite, settings, Progress.NONE);
    }

    @Test
    void twoRunsGiveTheSameSiteApartFromTimings() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(firstSite)) {
            files = walk.filter(Files::isRegularFile).map(firstSite::relativize).sorted().toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".png")), "pictures were written: " + files);
        for (Path f : files) {
            if (f.toString().equals("summary.json")) {
                assertEquals(withoutTimings(firstSite.resolve(f)), withoutTimings(secondSite.resolve(f)));
            } else {
                assertArrayEquals(Files.readAllBytes(firstSite.resolve(f)), Files.readAllBytes(secondSite.resolve(f)),
                        f + " differs between two runs");
            }
        }
        assertTrue(Files.isRegularFile(dir.resolve("one.zip")));
    }

    @Test
    void theTimestampHonoursSourceDateEpoch() throws Exception {
        JsonNode summary = new ObjectMapper().readTree(firstSite.resolve("summary.json").toFile());
        assertTrue(summary.toString().contains("2023-11-14T22:13:20Z"), summary.toString());
    }

    @Test
    void theOverviewTellsTheStoryWithTheMeasuredFigures() throws Exception {
        assertEquals(4, first.introduction().size());
        String numbers = first.introduction().get(2);
        double flawedStars = first.models().get(0).evaluation("test-clean").recall("star");
        assertTrue(numbers.contains(Math.round(100 * flawedStars) + "% of the stars"), numbers);
        String index = Files.readString(firstSite.resolve("index.html"));
        assertTrue(index.contains("What this report is about"));
        assertTrue(index.contains("planted shortcuts"));
        String summary = Files.readString(firstSite.resolve("summary.json"));
        assertTrue(summary.contains("\"shapes-flawed.zip\""), "a machine-independent file name: " + summary);
    }

    @Test
    void aDemoCutShortWhileDrawingIsRedrawnNextTime() throws Exception {
        Path data = dir.resolve("cut-short");
        Files.createDirectories(data.resolve("test-biased/star"));
        Files.writeString(data.resolve("test-biased/star/star-00000.png"), "half-written");
        Report report = new ShapesDemo(Path.of("").toAbsolutePath(), data, 7, 6)
                .write(dir.resolve("after-cut"), ReportSettings.defaults(), Progress.NONE);
        assertEquals(36, report.datasets().get(0).images());
        assertTrue(Files.isRegularFile(data.resolve("test-biased/manifest.csv")));
    }

    @Test
    void aFolderThatIsNotAReportIsNeverOverwritten() throws Exception {
        Path precious = Files.createDirectories(dir.resolve("holiday-photos"));
        Files.writeString(precious.resolve("beach.jpg"), "not really a photo");
        ShapesDemo demo = new ShapesDemo(Path.of("").toAbsolutePath(), dir.resolve("data"), 7, 12);
        GlassboxException e = assertThrows(GlassboxException.class,
                () -> demo.write(precious, ReportSettings.defaults(), Progress.NONE));
        assertEquals(2, e.exitCode());
        assertEquals("not really a photo", Files.readString(precious.resolve("beach.jpg")));
    }

    private static JsonNode withoutTimings(Path summary) throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(summary.toFile());
        json.remove("timings");
        return json;
    }
}
