package dev.glassbox.report;

import dev.glassbox.imaging.PngFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder where the report's pictures are written as they are made, so memory does not hold them; the site writer
 * copies the folder into the site's {@code img/}. Closing it deletes a temporary folder.
 */
public final class ImageStore implements AutoCloseable {

    /** The folder of pictures inside a site; every picture path in a report starts with it. */
    public static final String PREFIX = "img/";

    private final Path folder;
    private final boolean temporary;

    private ImageStore(Path folder, boolean temporary) {
        this.folder = folder;
        this.temporary = temporary;
    }

    /** A store in a new temporary folder, deleted on {@link #close()}. */
    public static ImageStore temporary() {
        try {
            return new ImageStore(Files.createTempDirectory("glassbox-img-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store in the given folder, which is kept. */
    public static ImageStore in(Path folder) {
        return new ImageStore(folder, false);
    }

    public Path folder() {
        return folder;
    }

    /**
     * Writes {@code image} as a PNG at {@code name} (a relative path of plain ASCII segments) and returns the
     * page-relative path it will have in the site: {@code img/name}.
     */
    public String put(String name, BufferedImage image) {
        if (!name.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*\\.png") || name.contains("..")) {
            throw new IllegalArgumentException("picture name '" + name + "' is not a plain relative .png path");
        }
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            PngFiles.write(image, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PREFIX + name;
    }

    /** The file behind a path returned by {@link #put}. */
    public Path file(String sitePath) {
        if (!sitePath.startsWith(PREFIX)) {
            throw new IllegalArgumentException(sitePath + " is not a picture path");
        }
        return folder.resolve(sitePath.substring(PREFIX.length()));
    }

    @Override
    public void close() {
        if (!temporary || !Files.exists(folder)) {
            return;
        }
        try {
            org.apache.commons.io.file.PathUtils.deleteDirectory(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
