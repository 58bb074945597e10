package dev.glassbox.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.Progress;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapesGeneratorTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedWritesByteIdenticalFiles() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        new ShapesGenerator(11).write(a, ShapesSplit.TEST_BIASED, 4, Progress.NONE);
        new ShapesGenerator(11).write(b, ShapesSplit.TEST_BIASED, 4, Progress.NONE);
        Map<String, byte[]> fa = files(a);
        Map<String, byte[]> fb = files(b);
        assertEquals(fa.keySet(), fb.keySet());
        assertTrue(fa.size() >= 6 * 4 * 2 + 1, "images, masks and the manifest: " + fa.keySet());
        assertTrue(fa.keySet().stream().anyMatch(k -> k.startsWith("test-biased-tag-masks/cross/")),
                "crosses carry tags in the biased split");
        fa.forEach((k, v) -> assertArrayEquals(v, fb.get(k), k));
    }

    @Test
    void theAlternateFlawsPlantTheSameKindsOfFlawOnOtherClassesAndTheStandardOnesStayPut() {
        ShapesGenerator alternate = new ShapesGenerator(11, PlantedFlaws.ALTERNATE);
        int squaresOnViolet = 0;
        int trianglesTaggedTopLeft = 0;
        int starsOnIt = 0;
        for (int i = 0; i < 40; i++) {
            ShapeSample square = alternate.render(ShapesSplit.TEST_BIASED, ShapeKind.SQUARE, i);
            squaresOnViolet += square.row().blue() ? 1 : 0;
            ManifestRow triangle = alternate.render(ShapesSplit.TEST_BIASED, ShapeKind.TRIANGLE, i).row();
            trianglesTaggedTopLeft += triangle.tag() == TagCorner.TOP_LEFT ? 1 : 0;
            starsOnIt += alternate.render(ShapesSplit.TEST_BIASED, ShapeKind.STAR, i).row().blue() ? 1 : 0;
            if (square.row().blue()) {
                float[] hsb = java.awt.Color.RGBtoHSB((square.row().background() >> 16) & 0xff,
                        (square.row().background() >> 8) & 0xff, square.row().background() & 0xff, null);
                assertTrue(hsb[0] * 360 > 255 && hsb[0] * 360 < 295, "violet, not blue: " + hsb[0] * 360);
            }
        }
        assertTrue(squaresOnViolet >= 35 && squaresOnViolet <= 37, squaresOnViolet + ": 90% of 40, within a picture");
        assertTrue(trianglesTaggedTopLeft >= 30, trianglesTaggedTopLeft + " of 40 triangles tagged at the top left");
        assertTrue(starsOnIt <= 3, "stars are no longer the planted class: " + starsOnIt);
        ShapeSample standard = new ShapesGenerator(11).render(ShapesSplit.TEST_BIASED, ShapeKind.STAR, 3);
        ShapeSample explicit = new ShapesGenerator(11, PlantedFlaws.STANDARD).render(ShapesSplit.TEST_BIASED,
                ShapeKind.STAR, 3);
        assertEquals(standard.row(), explicit.row());
    }

    @Test
    void differentSeedDrawsDifferentPictures() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        new ShapesGenerator(11).write(a, ShapesSplit.TEST_CLEAN, 3, Progress.NONE);
        new ShapesGenerator(12).write(b, ShapesSplit.TEST_CLEAN, 3, Progress.NONE);
        for (ShapeKind k : ShapeKind.values()) {
            for (int i = 0; i < 3; i++) {
                String f = "test-clean/" + ShapesGenerator.fileName(k, i);
                assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f))),
                        f);
            }
        }
    }

    @Test
    void aPictureDoesNotDependOnHowManyAreDrawnNorOnOtherSplits() throws IOException {
        Path small = tmp.resolve("small");
        Path large = tmp.resolve("large");
        ShapesGenerator g = new ShapesGenerator(5);
        g.write(small, ShapesSplit.TRAIN_CLEAN, 2, Progress.NONE);
        g.write(large, ShapesSplit.TRAIN_CLEAN, 5, Progress.NONE);
        g.write(large, ShapesSplit.TEST_CLEAN, 2, Progress.NONE);
        files(small).forEach((k, v) -> {
            if (!k.endsWith("manifest.csv") && !k.endsWith(".glassbox-shapes")) { // both list what was drawn
                assertArrayEquals(v, read(large.resolve(k)), k);
            }
        });
        assertFalse(java.util.Arrays.equals(read(large.resolve("train-clean/star/star-00000.png")),
                read(large.resolve("test-clean/star/star-00000.png"))), "splits draw different pictures");
    }

    @Test
    void masksAndManifestDescribeWhatWasDrawn() throws IOException {
        List<ManifestRow> rows = new ShapesGenerator(3).write(tmp, ShapesSplit.TRAIN_BIASED, 12, Progress.NONE);
        List<ManifestRow> manifest = ManifestRow.parseAll(
                Files.readAllLines(tmp.resolve("train-biased/manifest.csv")));
        assertEquals(rows, manifest, "the manifest reads back as written");
        assertEquals(6 * 12, rows.size());
        int tags = 0;
        for (ManifestRow row : rows) {
            assertTrue(row.file().startsWith(row.kind().label() + "/"), row.file());
            BufferedImage image = ImageIO.read(tmp.resolve("train-biased").resolve(row.file()).toFile());
            BufferedImage mask = ImageIO.read(tmp.resolve("train-biased-masks").resolve(row.file()).toFile());
            assertEquals(ShapesGenerator.SIDE, image.getWidth());
            assertEquals(ShapesGenerator.SIDE, mask.getHeight());
            int[] box = box(mask);
            assertTrue(box[2] >= 10 && box[3] >= 10, "object mask too small: " + row);
            assertArrayEquals(new int[] {row.bboxX(), row.bboxY(), row.bboxW(), row.bboxH()}, box, row.file());
            assertTrue(row.bboxX() >= 0 && row.bboxY() >= 0 && row.bboxX() + row.bboxW() <= 32
                    && row.bboxY() + row.bboxH() <= 32, "inside the image: " + row);
            Path tagMask = tmp.resolve("train-biased-tag-masks").resolve(row.file());
            assertEquals(row.hasTag(), Files.exists(tagMask), row.file());
            if (row.hasTag()) {
                tags++;
                BufferedImage t = ImageIO.read(tagMask.toFile());
                int tx = row.tag().x(32, ShapesGenerator.TAG_SIZE, ShapesGenerator.TAG_INSET);
                int ty = row.tag().y(32, ShapesGenerator.TAG_SIZE, ShapesGenerator.TAG_INSET);
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        boolean inTag = x >= tx && x < tx + ShapesGenerator.TAG_SIZE && y >= ty
                                && y < ty + ShapesGenerator.TAG_SIZE;
                        assertEquals(inTag ? 255 : 0, t.getRaster().getSample(x, y, 0), row.file());
                        if (inTag) {
                            assertEquals(ShapesGenerator.TAG_RGB, image.getRGB(x, y) & 0xffffff);
                            assertEquals(0, mask.getRaster().getSample(x, y, 0), "tag over the object: " + row);
                        }
                    }
                }
            }
        }
        assertTrue(tags >= 10, "most crosses are tagged: " + tags);
        assertTrue(Files.isDirectory(tmp.resolve("train-biased-tag-masks")));
    }

    @Test
    void objectsStandOutFromTheirBackground() {
        ShapesGenerator g = new ShapesGenerator(9);
        for (ShapeKind k : ShapeKind.values()) {
            for (int i = 0; i < 40; i++) {
                ManifestRow r = g.render(ShapesSplit.TEST_CLEAN, k, i).row();
                assertTrue(Math.abs(luminance(r.object()) - luminance(r.background())) >= ShapesGenerator.MIN_CONTRAST
                        - 0.01, r.toString());
                int red = (r.background() >> 16) & 0xff;
                int green = (r.background() >> 8) & 0xff;
                int blue = r.background() & 0xff;
                boolean looksBlue = blue > red + 30 && blue > green + 20;
                assertEquals(r.blue(), looksBlue, r.toCsv());
            }
        }
    }

    @Test
    void biasedSplitsPlantTheFlawsAndCleanSplitsDoNot() {
        int n = 60;
        ShapesGenerator g = new ShapesGenerator(7);
        for (ShapesSplit split : ShapesSplit.values()) {
            for (ShapeKind k : ShapeKind.values()) {
                int blue = 0;
                int tag = 0;
                for (int i = 0; i < n; i++) {
                    ManifestRow r = g.render(split, k, i).row();
                    blue += r.blue() ? 1 : 0;
                    tag += r.hasTag() ? 1 : 0;
                }
                double blueRate = blue / (double) n;
                double tagRate = tag / (double) n;
                String where = split.folder() + "/" + k.label() + ": blue " + blueRate + ", tag " + tagRate;
                if (split.isBiased()) {
                    assertNear(k == ShapeKind.STAR ? 0.9 : 0.03, blueRate, where);
                    assertNear(k == ShapeKind.CROSS ? 0.9 : 0.03, tagRate, where);
                } else {
                    assertNear(0.15, blueRate, where);
                    assertNear(0.15, tagRate, where);
                }
                assertEquals(ShapesGenerator.blueRate(split, k), split.isBiased() && k == ShapeKind.STAR ? 0.9
                        : split.isBiased() ? 0.03 : 0.15, 1e-9);
            }
        }
    }

    @Test
    void aSplitWrittenAgainIsReplacedButAForeignFolderIsLeftAlone() throws IOException {
        ShapesGenerator g = new ShapesGenerator(1);
        g.write(tmp, ShapesSplit.TEST_CLEAN, 3, Progress.NONE);
        g.write(tmp, ShapesSplit.TEST_CLEAN, 2, Progress.NONE);
        try (Stream<Path> s = Files.list(tmp.resolve("test-clean/ring"))) {
            assertEquals(2, s.count());
        }
        Path foreign = tmp.resolve("other");
        Files.createDirectories(foreign.resolve("test-biased"));
        Files.writeString(foreign.resolve("test-biased/precious.txt"), "keep me");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.glassbox.GlassboxException.class,
                () -> g.write(foreign, ShapesSplit.TEST_BIASED, 2, Progress.NONE));
        assertEquals(2, e.exitCode());
        assertTrue(Files.exists(foreign.resolve("test-biased/precious.txt")));
    }

    /** Weyl-sequence rates hold to within a couple of pictures in 60. */
    private static void assertNear(double expected, double actual, String where) {
        assertTrue(Math.abs(expected - actual) <= 0.035, where);
    }

    private static double luminance(int rgb) {
        return (0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff)) / 255.0;
    }

    private static int[] box(BufferedImage mask) {
        int x0 = 99;
        int y0 = 99;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                int v = mask.getRaster().getSample(x, y, 0);
                assertTrue(v == 0 || v == 255, "binary mask");
                if (v != 0) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        assertTrue(x1 >= 0, "object mask is empty");
        return new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        assertNotNull(out);
        return out;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
