package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.testing.TinyReports;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input sweep of issue 11, through the command line as a careless or hostile user meets it: nothing of the
 * user's is deleted or written over, every pixel reads as stored, and every error is one line that names the file.
 */
class BadInputSweepTest {

    @TempDir
    static Path dir;

    private static final List<String> CLASSES = List.of("apple", "pear", "plum");

    /** The tiny 3-class model (8×8 RGB) and a folder of pictures, one subfolder per class. */
    @BeforeAll
    static void modelAndImages() throws Exception {
        ModelSerializer.writeModel(TinyReports.net(3), dir.resolve("tiny.zip").toFile(), false);
        TinyReports.writePictures(dir.resolve("images"), null, CLASSES, 3, 11);
    }

    private static Path battery(String name, String images, String extra) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, String.join("\n",
                "model: tiny.zip",
                "data:",
                "  - name: orchard",
                "    images: " + images,
                "attribution:",
                "  methods: [saliency]",
                "  samples-per-class: 1",
                "checks:",
                "  accuracy: {min: 0}",
                "neurons: {steps: 4}",
                extra,
                ""));
        return file;
    }

    private static Path battery(String name) throws Exception {
        return battery(name, "images", "");
    }

    // 1. A whole folder is deleted.

    @Test
    void aProjectFolderHoldingASummaryJsonIsNeverReplaced() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve("data/apple"));
        Files.writeString(project.resolve("NOTES.md"), "my notes");
        Files.writeString(project.resolve("battery.yaml"), "model: model.zip\n");
        Files.copy(dir.resolve("tiny.zip"), project.resolve("model.zip"));
        Files.writeString(project.resolve("summary.json"), "{\"schema\": \"glassbox-summary/1\", \"verdict\": \"pass\"}");
        CliRun run = CliRun.of("report", battery("project").toString(), "--out", project.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errorLines(), run.err());
        assertTrue(run.err().contains(project.resolve("NOTES.md") + " is in the way: " + project + " is not a"
                + " Glassbox report (it has no .glassbox-report marker), so Glassbox will not replace it; choose"
                + " another --out"), run.err());
        assertEquals(List.of("NOTES.md", "battery.yaml", "data", "model.zip", "summary.json"), list(project));
        assertEquals("my notes", Files.readString(project.resolve("NOTES.md")));
        assertFalse(run.err().contains("Reading"), "refused before any work: " + run.err());
    }

    @Test
    void aFileAUserPutInAnEarlierReportKeepsTheRerunFromReplacingIt() throws Exception {
        Path out = dir.resolve("rerun-out");
        Path config = battery("rerun");
        assertEquals(0, CliRun.of("report", config.toString(), "--out", out.toString()).exitCode());
        Files.writeString(out.resolve("notes.txt"), "what we saw");
        Files.createDirectories(out.resolve("screenshots"));
        CliRun again = CliRun.of("report", config.toString(), "--out", out.toString());
        assertEquals(2, again.exitCode(), again.err());
        assertTrue(again.err().contains(out.resolve("notes.txt") + " is in the way: Glassbox did not write it, so it"
                + " will not replace " + out + "; choose another --out, or remove it"), again.err());
        assertEquals("what we saw", Files.readString(out.resolve("notes.txt")));
        assertTrue(Files.isDirectory(out.resolve("screenshots")));
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "the earlier report is kept too");

        Files.delete(out.resolve("notes.txt"));
        Files.delete(out.resolve("screenshots"));
        CliRun third = CliRun.of("report", config.toString(), "--out", out.toString());
        assertEquals(0, third.exitCode(), third.err());
        assertTrue(Files.isRegularFile(out.resolve(".glassbox-report")));
        assertEquals(List.of("rerun-out", "rerun-out.zip"), list(dir).stream().filter(n -> n.contains("rerun-out"))
                .toList(), "no staging folder is left beside it");
    }

    @Test
    void aZipBesideTheFolderThatGlassboxDidNotWriteIsNeverReplaced() throws Exception {
        Path out = dir.resolve("zipped");
        Files.writeString(dir.resolve("zipped.zip"), "the user's own archive");
        CliRun run = CliRun.of("report", battery("zipped").toString(), "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(dir.resolve("zipped.zip") + " is in the way: it is not a report zip"), run.err());
        assertEquals("the user's own archive", Files.readString(dir.resolve("zipped.zip")));
        assertFalse(Files.exists(out));
    }

    // 2. Gray pictures reach the model with the values they store.

    @Test
    void grayAndRgbPicturesOfTheSamePixelsGiveTheSameMaps() throws Exception {
        BufferedImage gray = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage rgb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                int v = (x * 37 + y * 11) % 256;
                gray.getRaster().setSample(x, y, 0, v);
                rgb.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        Path g = dir.resolve("same-gray.png");
        Path c = dir.resolve("same-rgb.png");
        ImageIO.write(gray, "png", g.toFile());
        ImageIO.write(rgb, "png", c.toFile());
        double[][] maps = new double[2][];
        for (int i = 0; i < 2; i++) {
            Path json = dir.resolve("same-" + i + ".json");
            CliRun run = CliRun.of("explain", dir.resolve("tiny.zip").toString(), (i == 0 ? g : c).toString(),
                    "--method", "input-x-gradient", "--target", "1", "--json", json.toString());
            assertEquals(0, run.exitCode(), run.err());
            JsonNode attribution = new ObjectMapper().readTree(json.toFile()).get("results").get(0).get("attribution");
            maps[i] = flatten(attribution).toArray();
        }
        assertArrayEquals(maps[0], maps[1], 0, "input x gradient holds the input itself: the values must match");
    }

    // 3, 4. explain's outputs.

    @Test
    void explainNeverWritesOverItsInputEvenWithForce() throws Exception {
        Path photo = picture("photo.png");
        byte[] before = Files.readAllBytes(photo);
        for (String force : List.of("", "--force")) {
            CliRun run = CliRun.of(args("explain", dir.resolve("tiny.zip").toString(), photo.toString(), "--method",
                    "saliency", "--json", photo.toString(), force));
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains("--json " + photo + " is an INPUT of this command; Glassbox never writes over"
                    + " what it reads, even with --force"), run.err());
        }
        CliRun model = CliRun.of("explain", dir.resolve("tiny.zip").toString(), photo.toString(), "--method",
                "saliency", "--json", dir.resolve("tiny.zip").toString(), "--force");
        assertEquals(2, model.exitCode(), model.err());
        assertTrue(model.err().contains("is the model of this command"), model.err());
        assertArrayEquals(before, Files.readAllBytes(photo));
    }

    @Test
    void explainReplacesItsOwnJsonButAnyOtherFileOnlyWithForce() throws Exception {
        Path photo = picture("apple-1.png");
        Path json = dir.resolve("maps.json");
        Files.writeString(json, "{\"my\": \"data\"}");
        String[] explain = {"explain", dir.resolve("tiny.zip").toString(), photo.toString(), "--method", "saliency",
                "--json", json.toString()};
        CliRun refused = CliRun.of(explain);
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains(json + " is in the way: it is not an explain result (JSON) Glassbox wrote,"
                + " so it will not be replaced; choose another --json, or move it (or add --force to replace it)"),
                refused.err());
        assertEquals("{\"my\": \"data\"}", Files.readString(json));
        CliRun forced = CliRun.of(args(explain, "--force"));
        assertEquals(0, forced.exitCode(), forced.err());
        CliRun again = CliRun.of(explain);
        assertEquals(0, again.exitCode(), "its own result is replaced without --force: " + again.err());
        assertEquals("saliency", new ObjectMapper().readTree(json.toFile()).get("method").asText());
    }

    @Test
    void explainPicturesReplaceOnlyGlassboxPicturesUnlessForced() throws Exception {
        Path photo = picture("pear-1.png");
        Path out = Files.createDirectories(dir.resolve("overlays"));
        String[] explain = {"explain", dir.resolve("tiny.zip").toString(), photo.toString(), "--method", "saliency",
                "--out", out.toString()};
        assertEquals(0, CliRun.of(explain).exitCode());
        assertEquals(0, CliRun.of(explain).exitCode(), "its own picture is replaced");
        Files.copy(photo, out.resolve("pear-1-saliency.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun refused = CliRun.of(explain);
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("pear-1-saliency.png is in the way: it is not a picture Glassbox wrote"),
                refused.err());
        assertArrayEquals(Files.readAllBytes(photo), Files.readAllBytes(out.resolve("pear-1-saliency.png")));
        assertEquals(0, CliRun.of(args(explain, "--force")).exitCode());
        assertEquals(List.of("pear-1-saliency.png"), list(out), "no staging folder is left");
    }

    @Test
    void explainSaysWhenJsonIsAFolderOrOutIsAFile() throws Exception {
        Path photo = picture("plum-1.png");
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        CliRun json = CliRun.of("explain", dir.resolve("tiny.zip").toString(), photo.toString(), "--method",
                "saliency", "--json", folder.toString());
        assertEquals(2, json.exitCode(), json.err());
        assertEquals("glassbox: --json " + folder + " is a folder; --json takes the name of a file to write\n",
                json.err());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun out = CliRun.of("explain", dir.resolve("tiny.zip").toString(), photo.toString(), "--method",
                "saliency", "--out", file.toString());
        assertEquals(2, out.exitCode(), out.err());
        assertEquals("glassbox: --out " + file + " is a file; --out takes a folder to write the pictures in\n",
                out.err());
    }

    // 6. Messages that name the config and the key.

    @Test
    void aClassListOfTheWrongLengthNamesTheConfigAndTheModel() throws Exception {
        for (String classes : List.of("[apple, pear]", "[apple, pear, plum, quince]")) {
            Path config = battery("classes", "images", "classes: " + classes);
            CliRun run = CliRun.of("report", config.toString(), "--out", dir.resolve("classes-out").toString());
            assertEquals(2, run.exitCode(), run.err());
            int n = classes.split(",").length;
            assertEquals("glassbox: classes.yaml: 'classes' lists " + n + " names, but tiny.zip scores 3 classes; give"
                    + " one name per output, in the order of the model's outputs\n", run.err());
        }
    }

    @Test
    void aBadMethodParameterNamesTheConfigAndTheKeyPath() throws Exception {
        Path config = battery("steps", "images", "").resolveSibling("steps.yaml");
        Files.writeString(config, Files.readString(config).replace("  methods: [saliency]",
                "  methods: [saliency, integrated-gradients]\n  params:\n    integrated-gradients: {steps: -5}"));
        CliRun run = CliRun.of("report", config.toString(), "--out", dir.resolve("steps-out").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("glassbox: steps.yaml: 'attribution.params.integrated-gradients.steps': integrated-gradients"
                + " needs steps >= 1, not -5\n", run.err());
    }

    // 7. A dangling link is named.

    @Test
    void aDanglingLinkInADataFolderIsNamedNotSkipped() throws Exception {
        Path images = copyOfImages("linked");
        Path link = images.resolve("pear/zz-gone.png");
        Files.createSymbolicLink(link, dir.resolve("nowhere/gone.png"));
        CliRun run = CliRun.of("report", battery("linked", "linked", "").toString(), "--out",
                dir.resolve("linked-out").toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("glassbox: " + link + ": is a link to " + dir.resolve("nowhere/gone.png")
                + ", which does not exist; remove the link or restore the image"), run.err());
    }

    // 8. Every subcommand's --help.

    @Test
    void everySubcommandPrintsItsUsageForHelpAndExitsZero() {
        for (String command : List.of("init", "report", "inspect", "explain", "bench", "demo", "shapes", "train")) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.exitCode(), command + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: glassbox " + command), command + ": " + run.out());
            assertEquals("", run.err(), command);
        }
    }

    // 9. A huge picture is refused from its header.

    @Test
    void aHugePictureIsRefusedFromItsHeaderWithoutDecodingIt() throws Exception {
        Path huge = dir.resolve("huge.png");
        Files.write(huge, dev.glassbox.testing.PngHeaders.headerOnly(30000, 30000));
        CliRun run = CliRun.of("explain", dir.resolve("tiny.zip").toString(), huge.toString(), "--method", "saliency");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals("glassbox: " + huge + ": is 30000x30000 pixels; the model takes 8x8\n", run.err());
    }

    // 10. A bad --out is refused first; a stray class folder is named.

    @Test
    void aBadOutIsRefusedBeforeAnyWork() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        CliRun run = CliRun.of("report", battery("bad-out").toString(), "--out", file.resolve("sub").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("glassbox: " + file + " is a file, so " + file.resolve("sub") + " cannot be made there; choose"
                + " another --out\n", run.err(), "no progress before the refusal");
    }

    @Test
    void aStrayFolderSuchAsMacosxIsNamed() throws Exception {
        Path images = copyOfImages("stray");
        Files.createDirectories(images.resolve("__MACOSX"));
        CliRun run = CliRun.of("report", battery("stray", "stray", "classes: [apple, pear, plum]").toString(),
                "--out", dir.resolve("stray-out").toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("glassbox: " + images.resolve("__MACOSX") + ": is not a class folder: the classes"
                + " are 'apple', 'pear', 'plum'; move it out of " + images + ", or list it under 'classes:'"),
                run.err());
    }

    private static Path picture(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.copy(dir.resolve("images/apple/apple0.png"), p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return p;
    }

    private static Path copyOfImages(String name) throws Exception {
        Path to = dir.resolve(name);
        for (String c : CLASSES) {
            Files.createDirectories(to.resolve(c));
            for (int i = 0; i < 3; i++) {
                Files.copy(dir.resolve("images").resolve(c).resolve(c + i + ".png"), to.resolve(c).resolve(c + i + ".png"));
            }
        }
        return to;
    }

    private static String[] args(String... parts) {
        return Stream.of(parts).filter(p -> !p.isEmpty()).toArray(String[]::new);
    }

    private static String[] args(String[] head, String tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }

    private static java.util.stream.DoubleStream flatten(JsonNode node) {
        return node.isArray() ? java.util.stream.StreamSupport.stream(node.spliterator(), false)
                .flatMapToDouble(BadInputSweepTest::flatten) : java.util.stream.DoubleStream.of(node.asDouble());
    }

    private static List<String> list(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
