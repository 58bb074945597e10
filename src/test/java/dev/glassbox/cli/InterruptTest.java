package dev.glassbox.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.testing.TinyReports;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (or a polite kill) in the middle of a report: the process removes its staging and temporary folders, says
 * in one line that nothing was changed, and the earlier report in the output folder is as it was.
 */
class InterruptTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedReportLeavesNothingBehindAndSaysSo() throws Exception {
        ModelSerializer.writeModel(TinyReports.net(3), dir.resolve("tiny.zip").toFile(), false);
        Random random = new Random(2);
        for (String c : List.of("apple", "pear", "plum")) {
            Files.createDirectories(dir.resolve("images").resolve(c));
            for (int i = 0; i < 3; i++) {
                BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                for (int p = 0; p < 64; p++) {
                    image.setRGB(p % 8, p / 8, random.nextInt(1 << 24));
                }
                ImageIO.write(image, "png", dir.resolve("images").resolve(c).resolve(c + i + ".png").toFile());
            }
        }
        String common = "model: tiny.zip\ndata:\n  - name: orchard\n    images: images\nchecks:\n  accuracy: {min: 0}\n"
                + "neurons: {steps: 4}\n";
        Files.writeString(dir.resolve("quick.yaml"), common + "attribution: {methods: [saliency], samples-per-class: 1}\n");
        // 300,000 integration steps per picture: minutes of work, so the interrupt lands in the middle
        Files.writeString(dir.resolve("slow.yaml"), common + "attribution:\n  methods: [integrated-gradients]\n"
                + "  samples-per-class: 3\n  params:\n    integrated-gradients: {steps: 300000, method: riemann-middle}\n");
        Path out = dir.resolve("report");
        CliRun earlier = CliRun.of("report", dir.resolve("quick.yaml").toString(), "--out", out.toString());
        assertEquals(0, earlier.exitCode(), earlier.err());
        byte[] index = Files.readAllBytes(out.resolve("index.html"));
        byte[] marker = Files.readAllBytes(out.resolve(".glassbox-report"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.io.tmpdir=" + tmp, "-cp", classpath, Main.class.getName(), "report",
                dir.resolve("slow.yaml").toString(), "--out", out.toString())
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(staging(dir).size() == 1 && Files.readString(err).contains("Explaining"))) {
                assertTrue(p.isAlive(), "the run ended before it could be interrupted: " + Files.readString(err));
                assertTrue(System.nanoTime() < deadline, "the run did not start its work: " + Files.readString(err));
                Thread.sleep(50);
            }
            p.destroy(); // SIGTERM: the same shutdown as Ctrl-C's SIGINT
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run did not stop");
        } finally {
            p.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(err).stream().filter(l -> l.startsWith("glassbox:")).toList();
        assertEquals(List.of("glassbox: interrupted; nothing was changed in " + out), lines);
        assertEquals(List.of(), staging(dir), "no staging folder is left");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.toList(), "no temporary folder is left");
        }
        assertArrayEquals(index, Files.readAllBytes(out.resolve("index.html")), "the earlier report is as it was");
        assertArrayEquals(marker, Files.readAllBytes(out.resolve(".glassbox-report")));
    }

    private static List<Path> staging(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith(".report.writing-")).toList();
        }
    }
}
