package dev.glassbox.report.site;

import dev.glassbox.imaging.ImageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The pixel size of a picture the site holds, so a page can give every picture its width and height and the layout
 * does not jump while pictures load.
 */
@FunctionalInterface
interface PictureSizes {

    /** Width and height in pixels. */
    record PixelSize(int width, int height) {}

    /** The picture's size, or empty where the path is not a picture the site holds. */
    Optional<PixelSize> of(String picture);

    /** Sizes read from the headers of the pictures in {@code pictures}, the site's {@code img/}; nothing is decoded. */
    static PictureSizes in(ImageStore pictures) {
        return picture -> {
            if (!CheckViews.isSitePicture(picture) || !Files.isRegularFile(pictures.file(picture))) {
                return Optional.empty();
            }
            return read(pictures.file(picture));
        };
    }

    private static Optional<PixelSize> read(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new PixelSize(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
