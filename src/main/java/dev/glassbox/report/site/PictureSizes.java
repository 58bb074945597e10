package dev.glassbox.report.site;

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

    /** The picture's size, or empty where the path is not a picture inside the site. */
    Optional<PixelSize> of(String picture);

    /** Sizes read from the pictures' headers in the site folder {@code site}; nothing is decoded. */
    static PictureSizes in(Path site) {
        return picture -> {
            if (!CheckViews.isSitePicture(picture) || !Files.isRegularFile(site.resolve(picture))) {
                return Optional.empty();
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(site.resolve(picture).toFile())) {
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
        };
    }
}
