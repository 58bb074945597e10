package dev.glassbox.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * PNG encoding. The JDK's encoder writes no time stamp or other varying chunk, so the same pixels always give the
 * same bytes: reports can be diffed and their zips are reproducible.
 */
public final class PngFiles {

    private PngFiles() {}

    public static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static void write(BufferedImage image, Path file) throws IOException {
        Files.write(file, encode(image));
    }
}
