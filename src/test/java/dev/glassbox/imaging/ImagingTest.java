package dev.glassbox.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagingTest {

    @Test
    void viridisMatchesMatplotlibTableAtEndsAndMiddle() {
        // Entries 0, 128 and 255 of matplotlib's _viridis_data.
        assertClose(new double[] {0.267004, 0.004874, 0.329415}, Viridis.components(0));
        assertClose(new double[] {0.127568, 0.566949, 0.550556}, Viridis.components(128 / 255.0));
        assertClose(new double[] {0.993248, 0.906157, 0.143936}, Viridis.components(1));
        assertRgbClose(0x440154, Viridis.rgb(0)); // viridis starts dark purple
        assertRgbClose(0xfde725, Viridis.rgb(1)); // and ends yellow
        assertEquals(Viridis.rgb(1), Viridis.rgb(7), "values above 1 are clamped");
    }

    @Test
    void viridisGetsLighterMonotonically() {
        double previous = -1;
        for (int i = 0; i <= 255; i++) {
            int c = Viridis.rgb(i / 255.0);
            double luma = 0.2126 * (c >> 16 & 0xff) + 0.7152 * (c >> 8 & 0xff) + 0.0722 * (c & 0xff);
            assertTrue(luma >= previous - 0.5, "luma drops at " + i);
            previous = luma;
        }
    }

    @Test
    void mapIsClippedAtThe99thPercentile() {
        float[] v = new float[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 198 ? i % 10 : 1000; // two outliers: 1% of the map
        }
        SaliencyMap map = new SaliencyMap(10, 20, v);
        assertEquals(1000, map.percentile(100));
        assertEquals(9, map.percentile(99));
        float[] n = map.normalized(99);
        assertEquals(1f, n[199], "outliers clip to 1");
        assertEquals(1f, n[9], "the 99th percentile value itself is 1");
        assertEquals(5 / 9f, n[5], 1e-6, "ordinary pixels are not darkened by the outliers");
        assertArrayEquals(new float[4], new SaliencyMap(2, 2, new float[4]).normalized(99), "an all-zero map stays 0");
    }

    @Test
    void overlayShowsTheImageWhereTheMapIsZeroAndViridisWhereItPeaks() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x808080);
        image.setRGB(1, 0, 0x808080);
        BufferedImage out = Overlay.of(image, new SaliencyMap(1, 2, new float[] {0, 1}));
        assertEquals(0x808080, out.getRGB(0, 0) & 0xffffff);
        int peak = out.getRGB(1, 0);
        assertTrue((peak >> 16 & 0xff) > 0xc0 && (peak & 0xff) < 0x60, "yellow at the peak: " + Integer.toHexString(peak));
    }

    @Test
    void upscalingIsNearestNeighbourAndSizedByFactor() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff0000);
        int factor = Upscale.factorFor(32, 32, 160);
        assertEquals(5, factor);
        BufferedImage big = Upscale.nearest(image, factor);
        assertEquals(160, big.getWidth());
        assertEquals(160, big.getHeight());
        assertEquals(0xff0000, big.getRGB(15, 20) & 0xffffff);
        assertEquals(0xff0000, big.getRGB(19, 24) & 0xffffff);
        assertEquals(0, big.getRGB(20, 24) & 0xffffff);
    }

    @Test
    void pngBytesAreReproducibleAndDecodeToTheSamePixels() throws Exception {
        BufferedImage image = Overlay.mapOnly(new SaliencyMap(2, 3, new float[] {0, 1, 2, 3, 4, 5}));
        byte[] a = PngFiles.encode(image);
        byte[] b = PngFiles.encode(Overlay.mapOnly(new SaliencyMap(2, 3, new float[] {0, 1, 2, 3, 4, 5})));
        assertArrayEquals(a, b);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(a));
        assertEquals(image.getRGB(2, 1), back.getRGB(2, 1));
    }

    @Test
    void saliencyIsMaxAbsoluteGradientOverChannelsInEitherLayout() {
        // 3 channels, 1x2 image; pixel 0 has gradients (1, -4, 2), pixel 1 has (0.5, 0, -0.25).
        float[] nchw = {1, 0.5f, -4, 0, 2, -0.25f};
        float[] nhwc = {1, -4, 2, 0.5f, 0, -0.25f};
        SaliencyMap a = InputPicture.saliency(nchw, InputSpec.image(InputLayout.NCHW, 3, 1, 2));
        SaliencyMap b = InputPicture.saliency(nhwc, InputSpec.image(InputLayout.NHWC, 3, 1, 2));
        assertArrayEquals(new float[] {4, 0.5f}, a.values());
        assertEquals(a, b);
    }

    @Test
    void picturesClampToTheirPixelRange() {
        float[] example = {-1, 0.5f, 2}; // one channel, 1x3
        BufferedImage p = InputPicture.of(example, InputSpec.image(InputLayout.NCHW, 1, 1, 3), PixelRange.UNIT);
        assertEquals(0x000000, p.getRGB(0, 0) & 0xffffff);
        assertEquals(0x808080, p.getRGB(1, 0) & 0xffffff);
        assertEquals(0xffffff, p.getRGB(2, 0) & 0xffffff);
    }

    private static void assertClose(double[] expected, double[] actual) {
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], actual[i], 0.015, "channel " + i);
        }
    }

    /** The fit is within 4 of 255 levels of the table, per channel. */
    private static void assertRgbClose(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            assertEquals(expected >> shift & 0xff, actual >> shift & 0xff, 4,
                    Integer.toHexString(actual) + " vs " + Integer.toHexString(expected));
        }
    }
}
