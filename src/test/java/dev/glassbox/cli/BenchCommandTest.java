package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --model --images}: the methods on the user's own pictures (figures are not checked, only the table). */
class BenchCommandTest {

    @TempDir
    Path dir;

    private Path pictures(int n) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("pictures/some-class"));
        Random r = new Random(1);
        for (int i = 0; i < n; i++) {
            BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    image.setRGB(x, y, r.nextInt(1 << 24));
                }
            }
            ImageIO.write(image, "png", folder.resolve("p" + i + ".png").toFile());
        }
        Files.writeString(dir.resolve("pictures/labels.csv"), "not a picture\n");
        return dir.resolve("pictures");
    }

    @Test
    void timesEachMethodOnThePicturesAgainstItsBarePasses() throws Exception {
        CliRun run = CliRun.of("bench", "--model", "fixtures/models/shapes-flawed.zip", "--images",
                pictures(5).toString(), "--methods", "saliency,occlusion", "--param", "occlusion.window=3,8,8",
                "--rounds", "1", "--memory", "64m");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("5 pictures from `pictures`"), run.out());
        assertTrue(run.out().contains("Memory budget 64 MiB per pass"), run.out());
        assertTrue(run.out().contains("| saliency | defaults | 1 forward+backward | 5 |"), run.out());
        assertTrue(run.out().contains("| occlusion | window=3,8,8 | 17 forward | 5 |"), run.out());
    }

    @Test
    void picturesNeedAModelAndParametersNeedTheirMethod() throws Exception {
        Path images = pictures(1);
        CliRun noModel = CliRun.of("bench", "--images", images.toString());
        assertEquals(2, noModel.exitCode(), noModel.err());
        CliRun stray = CliRun.of("bench", "--model", "fixtures/models/shapes-flawed.zip", "--images",
                images.toString(), "--methods", "saliency", "--param", "occlusion.window=3,8,8");
        assertEquals(2, stray.exitCode(), stray.err());
        assertTrue(stray.err().contains("occlusion"), stray.err());
    }

    @Test
    void writeReplacesOnlyATableAnEarlierBenchWrote() throws Exception {
        Path images = pictures(2);
        Path notes = Files.writeString(dir.resolve("notes.md"), "# my notes\n");
        CliRun refused = CliRun.of("bench", "--model", "fixtures/models/shapes-flawed.zip", "--images",
                images.toString(), "--methods", "saliency", "--rounds", "1", "--write", notes.toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("notes.md exists and was not written by glassbox bench"), refused.err());
        assertEquals("# my notes\n", Files.readString(notes), "the user's file is untouched");

        Path table = dir.resolve("bench.md");
        for (int run = 0; run < 2; run++) {
            CliRun written = CliRun.of("bench", "--model", "fixtures/models/shapes-flawed.zip", "--images",
                    images.toString(), "--methods", "saliency", "--rounds", "1", "--write", table.toString());
            assertEquals(0, written.exitCode(), written.err());
            assertTrue(Files.readString(table).startsWith(BenchCommand.WRITTEN_BY), "run " + run);
            assertTrue(Files.readString(table).contains("| saliency | defaults |"), "run " + run);
        }

        CliRun folder = CliRun.of("bench", "--model", "fixtures/models/shapes-flawed.zip", "--images",
                images.toString(), "--write", images.toString());
        assertEquals(2, folder.exitCode(), folder.err());
        assertTrue(folder.err().contains("is a folder"), folder.err());
        CliRun model = CliRun.of("bench", "--model", "fixtures/models/shapes-flawed.zip", "--images",
                images.toString(), "--write", "fixtures/models/shapes-flawed.zip");
        assertEquals(2, model.exitCode(), model.err());
        assertTrue(model.err().contains("is an input of this command"), model.err());
    }
}
