package dev.glassbox.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.GlassboxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pixels come from the raster and its colour model: every kind of file gives the values it stores, as Pillow
 * decodes them independently ({@code src/test/resources/pixels/pillow-values.csv}, made by {@code make_pixels.py}).
 */
class PixelDecodingTest {

    /** JPEG decoders round their inverse DCT differently (libjpeg-turbo in Pillow, the JDK's own); lossless files agree exactly. */
    private static final int JPEG_TOLERANCE = 3;

    @TempDir
    Path tmp;

    record Known(String file, String mode, int x, int y, int r, int g, int b, int gray) {}

    @Test
    void everyKindOfFileGivesTheValuesPillowReads() throws IOException {
        Map<String, List<Known>> byFile = new TreeMap<>();
        for (Known k : table()) {
            byFile.computeIfAbsent(k.file(), f -> new ArrayList<>()).add(k);
        }
        assertEquals(13, byFile.size(), "gray 8/16-bit, gray+alpha, palette (+alpha), RGB(A) 8/16-bit, BMP, JPEG, CMYK");
        for (var e : byFile.entrySet()) {
            Pixels p = ImageFiles.read(resource(e.getKey()));
            int tolerance = e.getKey().endsWith(".jpg") ? JPEG_TOLERANCE : 0;
            for (Known k : e.getValue()) {
                String at = k.file() + " (" + k.mode() + ") at " + k.x() + "," + k.y();
                assertNear(k.r(), p.value(0, k.x(), k.y()), tolerance, at + " red");
                assertNear(k.g(), p.value(1, k.x(), k.y()), tolerance, at + " green");
                assertNear(k.b(), p.value(2, k.x(), k.y()), tolerance, at + " blue");
                assertNear(k.gray(), p.gray(k.x(), k.y()), tolerance, at + " gray");
            }
        }
    }

    @Test
    void grayFilesKeepTheirStoredValuesWhereGetRgbWouldBrightenThem() throws IOException {
        Pixels gray = ImageFiles.read(resource("gray8.png"));
        assertTrue(gray.isGray());
        Known first = table().get(0);
        assertEquals("gray8.png", first.file());
        assertEquals(first.gray(), gray.gray(0, 0));
        // the JDK's getRGB on the same file: gray is taken as linear and converted to sRGB
        var image = javax.imageio.ImageIO.read(resource("gray8.png").toFile());
        int viaGetRgb = image.getRGB(0, 0) & 0xff;
        assertTrue(viaGetRgb > first.gray() + 20, "getRGB reads " + first.gray() + " as " + viaGetRgb);
    }

    @Test
    void sixteenBitGrayKeepsItsHighByte() throws IOException {
        Pixels p = ImageFiles.read(resource("gray16.png"));
        assertTrue(p.isGray());
        for (Known k : table()) {
            if (k.file().equals("gray16.png")) {
                assertEquals(k.gray(), p.gray(k.x(), k.y()));
            }
        }
        assertEquals(255, ImageFiles.to8Bits(65535, 16));
        assertEquals(127, ImageFiles.to8Bits(32767, 16));
        assertEquals(85, ImageFiles.to8Bits(1, 2));
        assertEquals(255, ImageFiles.to8Bits(15, 4));
    }

    @Test
    void aPictureOfTheWrongSizeIsRefusedFromItsHeaderBeforeDecoding() throws IOException {
        // 30000 x 30000 would be 3.6 GB decoded; its header says so in 33 bytes, so the refusal costs nothing
        Path huge = tmp.resolve("huge.png");
        Files.write(huge, dev.glassbox.testing.PngHeaders.headerOnly(30000, 30000));
        var e = org.junit.jupiter.api.Assertions.assertThrows(GlassboxException.class,
                () -> ImageFiles.read(huge, 32, 32, "the model takes"));
        assertEquals(huge + ": is 30000x30000 pixels; the model takes 32x32", e.getMessage());
        var tooBig = org.junit.jupiter.api.Assertions.assertThrows(GlassboxException.class,
                () -> ImageFiles.read(huge));
        assertTrue(tooBig.getMessage().contains("more than the 64 megapixels Glassbox reads"), tooBig.getMessage());
        assertEquals(new ImageFiles.Size(8, 6), ImageFiles.size(resource("rgb8.png")));
    }

    @Test
    void aBrokenLinkIsNamedWithWhereItPoints() throws IOException {
        Path link = tmp.resolve("gone.png");
        Files.createSymbolicLink(link, tmp.resolve("nowhere/missing.png"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(GlassboxException.class, () -> ImageFiles.read(link));
        assertEquals(link + ": is a link to " + tmp.resolve("nowhere/missing.png") + ", which does not exist",
                e.getMessage());
        assertEquals(3, e.exitCode());
    }

    @Test
    void toChannelsFirstGivesGrayAndColourFilesOfTheSamePixelsTheSameInput() throws IOException {
        Pixels gray = ImageFiles.read(resource("gray8.png"));
        // the same pixels in an RGB file, written here by the JDK from the gray values
        var rgb = new java.awt.image.BufferedImage(gray.width(), gray.height(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < gray.height(); y++) {
            for (int x = 0; x < gray.width(); x++) {
                int v = gray.gray(x, y);
                rgb.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        Path rgbFile = tmp.resolve("same.png");
        javax.imageio.ImageIO.write(rgb, "png", rgbFile.toFile());
        Pixels colour = ImageFiles.read(rgbFile);
        for (int channels : new int[] {1, 3}) {
            float[] a = new float[channels * gray.width() * gray.height()];
            float[] b = new float[a.length];
            gray.toChannelsFirst(channels, (c, v) -> v / 255.0, a, 0);
            colour.toChannelsFirst(channels, (c, v) -> v / 255.0, b, 0);
            assertArrayEquals(a, b, channels + " channel(s)");
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(PixelDecodingTest.class.getResource("/pixels/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Known> table() throws IOException {
        List<Known> rows = new ArrayList<>();
        try (InputStream in = PixelDecodingTest.class.getResourceAsStream("/pixels/pillow-values.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("file,") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new Known(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                        Integer.parseInt(f[5]), Integer.parseInt(f[6]), Integer.parseInt(f[7])));
            }
        }
        return rows;
    }

    private static void assertNear(int expected, int actual, int tolerance, String what) {
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + ", read " + actual);
    }
}
