package dev.glassbox.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.glassbox.data.FolderImages;
import dev.glassbox.model.Preprocessing;
import dev.glassbox.model.InputLayout;
import dev.glassbox.model.InputSpec;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The battery's data folders reach the model with the values their files store, gray or colour. */
class FolderImagesTest {

    @TempDir
    Path tmp;

    @Test
    void grayAndRgbFilesOfTheSamePixelsGiveIdenticalModelInputs() throws Exception {
        BufferedImage gray = new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage rgb = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                int v = (x * 53 + y * 29 + 1) % 256;
                gray.getRaster().setSample(x, y, 0, v);
                rgb.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        Path g = tmp.resolve("gray.png");
        Path c = tmp.resolve("rgb.png");
        ImageIO.write(gray, "png", g.toFile());
        ImageIO.write(rgb, "png", c.toFile());
        for (int channels : new int[] {1, 3}) {
            InputSpec spec = InputSpec.image(InputLayout.NCHW, channels, 4, 5);
            Preprocessing raw = new Preprocessing(1, List.of(0.0, 0.0, 0.0).subList(0, channels),
                    List.of(1.0, 1.0, 1.0).subList(0, channels));
            float[] fromGray = new float[channels * 20];
            float[] fromRgb = new float[channels * 20];
            FolderImages.read(g, spec, raw, fromGray, 0);
            FolderImages.read(c, spec, raw, fromRgb, 0);
            assertArrayEquals(fromGray, fromRgb, channels + " channel(s)");
            // a stored 128 is 128, not the 188 that getRGB's colour conversion makes of it
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    assertEquals((x * 53 + y * 29 + 1) % 256, fromGray[y * 5 + x], 0);
                }
            }
        }
    }
}
