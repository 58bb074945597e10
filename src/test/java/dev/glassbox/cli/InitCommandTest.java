package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.config.BatteryConfig;
import dev.glassbox.testing.SharedFixtures;
import dev.glassbox.testing.TinyReports;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glassbox init}: a first config from the model and the pictures, which {@code report} runs unmodified. */
class InitCommandTest {

    @TempDir
    Path dir;

    private Path pictures(String name, List<String> classes, int perClass) throws Exception {
        Random random = new Random(3);
        Path root = dir.resolve(name);
        for (String c : classes) {
            Files.createDirectories(root.resolve(c));
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                for (int p = 0; p < 64; p++) {
                    image.setRGB(p % 8, p / 8, random.nextInt(1 << 24));
                }
                ImageIO.write(image, "png", root.resolve(c).resolve(c + i + ".png").toFile());
            }
        }
        return root;
    }

    @Test
    void initWritesAConfigThatReportRunsUnmodified() throws Exception {
        ModelSerializer.writeModel(TinyReports.net(3), dir.resolve("tiny.zip").toFile(), false);
        Path images = pictures("fruit", List.of("apple", "pear", "plum"), 3);
        Files.createDirectories(dir.resolve("fruit-masks"));
        Path config = dir.resolve("battery.yaml");
        CliRun init = CliRun.of("init", dir.resolve("tiny.zip").toString(), images.toString(), "--out",
                config.toString());
        assertEquals(0, init.exitCode(), init.err());
        String text = Files.readString(config);
        assertTrue(text.contains("classes: [\"apple\", \"pear\", \"plum\"]"), text);
        assertTrue(text.contains("masks: \"fruit-masks\""), "a sibling -masks folder is taken: " + text);
        assertTrue(text.contains("layout: NCHW") && text.contains("width: 8"), text);
        BatteryConfig read = BatteryConfig.load(config);
        assertEquals(images.toAbsolutePath().normalize(), read.data().get(0).images());

        // the masks folder is empty here, so point the config at none and run it; otherwise unmodified
        Files.writeString(config, text.replaceAll("(?m)^    masks: .*\\n", ""));
        CliRun report = CliRun.of("report", config.toString(), "--out", dir.resolve("out").toString());
        assertTrue(report.exitCode() == 0 || report.exitCode() == 1, report.err());
        assertTrue(Files.isRegularFile(dir.resolve("out/summary.json")));

        CliRun again = CliRun.of("init", dir.resolve("tiny.zip").toString(), images.toString(), "--out",
                config.toString());
        assertEquals(0, again.exitCode(), "its own config is replaced: " + again.err());
        Files.writeString(config, "title: my own\n");
        CliRun refused = CliRun.of("init", dir.resolve("tiny.zip").toString(), images.toString(), "--out",
                config.toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("(or add --force to replace it)"), refused.err());
        assertEquals("title: my own\n", Files.readString(config));
    }

    @Test
    void aTestSetMissingTwoClassesIsReportedOnTheRest() throws Exception {
        ModelSerializer.writeModel(TinyReports.net(3), dir.resolve("tiny.zip").toFile(), false);
        // the model scores five classes of which the pictures hold three; numbered folders name the outputs
        ModelSerializer.writeModel(TinyReports.net(3, 5), dir.resolve("five.zip").toFile(), false);
        Path images = pictures("partial", List.of("0", "2", "4"), 2);
        Path config = dir.resolve("partial.yaml");
        CliRun init = CliRun.of("init", dir.resolve("five.zip").toString(), images.toString(), "--out",
                config.toString());
        assertEquals(0, init.exitCode(), init.err());
        assertTrue(Files.readString(config).contains("classes: [\"0\", \"1\", \"2\", \"3\", \"4\"]"));
        Path out = dir.resolve("partial-out");
        CliRun report = CliRun.of("report", config.toString(), "--out", out.toString());
        assertTrue(report.exitCode() == 0 || report.exitCode() == 1, report.err());
        JsonNode classes = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("models").get(0)
                .get("evaluations").get(0).get("classes");
        assertEquals(5, classes.size());
        assertEquals(0, classes.get(1).get("support").asInt());
        assertEquals(2, classes.get(2).get("support").asInt());
    }

    @Test
    void aFlatModelGetsThePicturesSizeAndGrayChannel() throws Exception {
        ModelSerializer.writeModel(dev.glassbox.testing.TinyNets.flatNet(64, 2), dir.resolve("flat.zip").toFile(),
                false);
        Path images = dir.resolve("gray");
        Random random = new Random(4);
        for (String c : List.of("a", "b")) {
            Files.createDirectories(images.resolve(c));
            for (int i = 0; i < 2; i++) {
                BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
                for (int p = 0; p < 64; p++) {
                    image.getRaster().setSample(p % 8, p / 8, 0, random.nextInt(256));
                }
                ImageIO.write(image, "png", images.resolve(c).resolve(c + i + ".png").toFile());
            }
        }
        Path config = dir.resolve("flat.yaml");
        CliRun init = CliRun.of("init", dir.resolve("flat.zip").toString(), images.toString(), "--out",
                config.toString());
        assertEquals(0, init.exitCode(), init.err());
        String text = Files.readString(config);
        assertTrue(text.contains("layout: flat") && text.contains("channels: 1"), text);
        assertTrue(!text.contains("grad-cam"), "no layer has height and width: " + text);
        CliRun report = CliRun.of("report", config.toString(), "--out", dir.resolve("flat-out").toString());
        assertTrue(report.exitCode() == 0 || report.exitCode() == 1, report.err());
    }

    @Test
    void theLeNetGetsPixelsOver255NotTheRawPixelsThatSaturateIt() throws Exception {
        Path lenet = SharedFixtures.external("models/dl4j-native/dl4j-test-resources_mnist-model_lenet.zip");
        Path source = SharedFixtures.external("images/dl4j-test-resources/multipage_tiff_source_pngs");
        Path digits = dir.resolve("digits");
        for (int d = 0; d < 10; d++) {
            Files.createDirectories(digits.resolve(Integer.toString(d)));
            Files.copy(source.resolve(d + ".png"), digits.resolve(d + "/" + d + ".png"));
        }
        Path config = dir.resolve("lenet.yaml");
        CliRun init = CliRun.of("init", lenet.toString(), digits.toString(), "--out", config.toString());
        assertEquals(0, init.exitCode(), init.err());
        String text = Files.readString(config);
        assertTrue(text.contains("scale: 0.00392156862745098"), text);
        assertTrue(text.contains("layout: flat") && text.contains("width: 28"), text);
    }
}
