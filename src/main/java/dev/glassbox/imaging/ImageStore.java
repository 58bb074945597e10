package dev.glassbox.imaging;

import dev.glassbox.files.DiskErrors;
import dev.glassbox.files.TemporaryFolder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder where the report's pictures are written as they are made, so memory does not hold them: a report's
 * pictures go straight into the {@code img/} folder of the site being staged; tests use a temporary folder, which
 * closing deletes.
 */
public final class ImageStore implements AutoCloseable {

    /** The folder of pictures inside a site; every picture path in a report starts with it. */
    public static final String PREFIX = "img/";

    private final Path folder;
    private final TemporaryFolder temporary;

    private ImageStore(Path folder, TemporaryFolder temporary) {
        this.folder = folder;
        this.temporary = temporary;
    }

    /** A store in a new temporary folder, deleted on {@link #close()} (or when the run is interrupted). */
    public static ImageStore temporary() {
        TemporaryFolder t = TemporaryFolder.create("glassbox-img-");
        return new ImageStore(t.folder(), t);
    }

    /** A store in the given folder (made now), which is kept. */
    public static ImageStore in(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw DiskErrors.cannotWrite(folder, e);
        }
        return new ImageStore(folder, null);
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
        if (!Files.isDirectory(folder)) {
            // removed under us: the run was interrupted, and the folder must not come back
            throw new IllegalStateException("the picture folder " + folder + " is gone");
        }
        try {
            Files.createDirectories(file.getParent());
            PngFiles.write(image, file);
        } catch (IOException e) {
            throw DiskErrors.cannotWrite(file, e);
        }
        return PREFIX + name;
    }

    /**
     * A file-name-safe form of a data set, class or layer name for picture names: its letters and digits, and a hash
     * of the whole name, so that names differing only in other characters stay apart.
     */
    public static String slug(String s) {
        String t = s.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return t.isEmpty() ? "x" + Integer.toHexString(s.hashCode()) : t + "-" + Integer.toHexString(s.hashCode());
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
        if (temporary != null) {
            temporary.close();
        }
    }
}
