package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.testing.TinyReports;
import dev.glassbox.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glassbox report CONFIG.yaml}: the config drives the run, and the verdict drives the exit code. */
class ReportCommandTest {

    @TempDir
    static Path dir;

    private static final List<String> CLASSES = List.of("apple", "pear", "plum");

    /** A tiny 3-class model and a folder of 8×8 pictures (with masks) it has never seen: its accuracy is chance. */
    @BeforeAll
    static void modelAndImages() throws Exception {
        ModelSerializer.writeModel(TinyReports.net(3), dir.resolve("tiny.zip").toFile(), false);
        TinyReports.writePictures(dir.resolve("images"), dir.resolve("masks"), CLASSES, 6, 5);
        Files.writeString(dir.resolve("README.txt"), "not a class folder");
    }

    /** A battery of the tiny model with these checks (YAML flow maps). */
    private static Path battery(String name, String checks) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, String.join("\n",
                "title: Tiny fruit",
                "model: tiny.zip",
                "data:",
                "  - name: orchard",
                "    images: images",
                "    masks: masks",
                "attribution:",
                "  methods: [saliency, integrated-gradients]",
                "  samples-per-class: 1",
                "  params:",
                "    integrated-gradients: {steps: 8}",
                "checks:",
                checks,
                "seed: 3",
                ""));
        return file;
    }

    @Test
    void aPassingBatteryExitsZeroAndWritesTheSiteJUnitAndSummary() throws Exception {
        Path out = dir.resolve("pass-out");
        CliRun run = CliRun.of("report", battery("pass", "  accuracy: {min: 0}").toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Verdict: pass"), run.out());
        for (String f : List.of("index.html", "checks.html", "about.html", "summary.json", "junit.xml")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(Files.isRegularFile(dir.resolve("pass-out.zip")));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("pass", summary.get("verdict").asText());
        assertEquals(1, summary.get("checks").size());
        assertEquals("accuracy", summary.get("checks").get(0).get("id").asText());
        assertEquals(3, summary.get("run").get("seed").asInt());
        String about = Files.readString(out.resolve("about.html"));
        assertTrue(about.contains("pass.yaml"), "the about page names the config");
    }

    @Test
    void singleFileWritesTheReportAsOneHtmlFileBesideTheFolder() throws Exception {
        Path out = dir.resolve("single-out");
        CliRun run = CliRun.of("report", battery("single", "  accuracy: {min: 0}").toString(), "--out",
                out.toString(), "--single-file");
        assertEquals(0, run.exitCode(), run.err());
        Path html = dir.resolve("single-out.html");
        assertTrue(run.out().contains("Wrote " + out + ", " + dir.resolve("single-out.zip") + " and " + html),
                run.out());
        String page = Files.readString(html);
        assertTrue(page.contains("<meta name=\"glassbox-report\" content=\"single-file\">"));
        assertTrue(page.contains("src=\"data:image/png;base64,") && !page.contains("src=\"img/"));
        assertTrue(Files.isRegularFile(out.resolve("index.html")) && Files.isRegularFile(dir.resolve("single-out.zip")),
                "the folder and the zip as without the flag");
    }

    @Test
    void aFailingBatteryExitsOneUnlessFailOnSaysNever() throws Exception {
        Path config = battery("fail", "  accuracy: {min: 1}\n  focus: {images-per-class: 2}");
        CliRun failing = CliRun.of("report", config.toString(), "--out", dir.resolve("fail-out").toString());
        assertEquals(1, failing.exitCode(), failing.err());
        assertTrue(failing.out().contains("Verdict: fail"), failing.out());
        String junit = Files.readString(dir.resolve("fail-out").resolve("junit.xml"));
        assertTrue(junit.contains("<failure"), junit);
        CliRun never = CliRun.of("report", config.toString(), "--out", dir.resolve("never-out").toString(),
                "--fail-on", "never");
        assertEquals(0, never.exitCode(), never.err());
    }

    @Test
    void failOnWarnTurnsAWarningIntoExitOne() throws Exception {
        // the tiny model names 6 of 18 right (33%, interval 16-56%): below a minimum of 50%, but not surely
        Path config = battery("warn", "  accuracy: {min: 0.5}");
        CliRun onFail = CliRun.of("report", config.toString(), "--out", dir.resolve("warn-a").toString());
        CliRun onWarn = CliRun.of("report", config.toString(), "--out", dir.resolve("warn-b").toString(),
                "--fail-on", "warn");
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("warn-a").resolve("summary.json").toFile());
        String verdict = summary.get("verdict").asText();
        assertEquals("warn", verdict, summary.get("checks").toString());
        assertEquals(0, onFail.exitCode(), onFail.err());
        assertEquals(1, onWarn.exitCode(), onWarn.err());
    }

    @Test
    void aTypoInTheConfigExitsTwoWithASuggestion() throws Exception {
        Path config = battery("typo", "  acuracy: {min: 0.5}");
        CliRun run = CliRun.of("report", config.toString(), "--out", dir.resolve("typo-out").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("did you mean 'accuracy'"), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertFalse(Files.exists(dir.resolve("typo-out")), "nothing is written for a bad config");
    }

    @Test
    void aNeuronLayerThatIsNotThereExitsTwoListingTheLayers() throws Exception {
        Path config = battery("neurons-layer", "  accuracy: {min: 0}\nneurons: {layers: [conv9]}");
        CliRun run = CliRun.of("report", config.toString(), "--out", dir.resolve("neurons-layer-out").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("neurons-layer.yaml: neurons.layers: tiny has no layer 'conv9'; layers with"
                + " height and width are "), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertFalse(Files.exists(dir.resolve("neurons-layer-out")), "nothing is written for a bad config");
    }

    @Test
    void moreNeuronGroupsThanChannelsExitsTwo() throws Exception {
        // the tiny model's convolution has 4 channels
        Path config = battery("neurons-groups", "  accuracy: {min: 0}\nneurons: {groups: 9}");
        CliRun run = CliRun.of("report", config.toString(), "--out", dir.resolve("neurons-groups-out").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("9 groups for layer"), run.err());
        assertTrue(run.err().contains("which has 4 channels; choose at most 4"), run.err());
        assertFalse(Files.exists(dir.resolve("neurons-groups-out")), "nothing is written for a bad config");
    }

    @Test
    void theReportShowsNeuronGroupsAndClassPictures() throws Exception {
        Path out = dir.resolve("neurons-out");
        Path config = battery("neurons", "  accuracy: {min: 0}\nneurons: {steps: 4}");
        CliRun run = CliRun.of("report", config.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode neurons = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("models").get(0)
                .get("neurons");
        assertEquals(4, neurons.get("steps").asInt());
        assertEquals(3, neurons.get("classPictures").size());
        JsonNode layer = neurons.get("layers").get(0);
        assertEquals(4, layer.get("groups").size(), "6 groups by default, cut to the layer's 4 channels");
        for (JsonNode group : layer.get("groups")) {
            assertTrue(Files.isRegularFile(out.resolve(group.get("picture").asText())), group.toString());
            assertTrue(group.get("examples").size() > 0, group.toString());
        }
        assertTrue(Files.isRegularFile(out.resolve("neurons.html")));
    }

    @Test
    void aMissingModelExitsThreeNamingIt() throws Exception {
        Path config = dir.resolve("missing.yaml");
        Files.writeString(config, "model: nowhere.zip\ndata:\n  - images: images\n");
        CliRun run = CliRun.of("report", config.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("nowhere.zip"), run.err());
        assertEquals(1, run.errorLines(), run.err());
    }

    @Test
    void anUnknownFailOnLevelIsAUsageError() throws Exception {
        CliRun run = CliRun.of("report", battery("level", "  accuracy: {}").toString(), "--fail-on", "sometimes");
        assertEquals(2, run.exitCode(), run.err());
    }

    @Test
    void theExitCodeFollowsTheVerdictAndLevel() {
        assertEquals(1, ReportCommand.exitCode(Verdict.FAIL, ReportCommand.FailOn.fail));
        assertEquals(0, ReportCommand.exitCode(Verdict.WARN, ReportCommand.FailOn.fail));
        assertEquals(1, ReportCommand.exitCode(Verdict.WARN, ReportCommand.FailOn.warn));
        assertEquals(0, ReportCommand.exitCode(Verdict.PASS, ReportCommand.FailOn.warn));
        assertEquals(0, ReportCommand.exitCode(Verdict.FAIL, ReportCommand.FailOn.never));
        assertEquals(0, ReportCommand.exitCode(Verdict.NOT_RUN, ReportCommand.FailOn.warn));
    }
}
