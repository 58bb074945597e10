package dev.glassbox.report.site;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the site's files go (JaCoCo's {@code IMultiReportOutput}): a folder ({@link FolderOutput}), a zip
 * ({@link ZipOutput}), memory for tests ({@link MemoryOutput}), one self-contained page ({@link SingleFileOutput}),
 * or several of them at once ({@link #all}). Paths are relative to the site's root, with {@code /} between folders.
 */
public interface SiteOutput extends Closeable {

    /**
     * A new file at {@code path}; the caller closes the stream before creating the next file. Each path is written
     * once.
     *
     * @param path a plain relative path such as {@code img/charts/m0-d0-confusion.png}
     */
    OutputStream create(String path) throws IOException;

    /** Where the output goes, for messages. */
    Path location();

    default void write(String path, byte[] bytes) throws IOException {
        try (OutputStream out = create(path)) {
            out.write(bytes);
        }
    }

    default void writeString(String path, String text) throws IOException {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies the file {@code from} to {@code path}. */
    default void copy(String path, Path from) throws IOException {
        try (OutputStream out = create(path)) {
            Files.copy(from, out);
        }
    }

    /** Finishes the output (a zip writes its directory, a single file is put together); nothing after this. */
    @Override
    default void close() throws IOException {}

    /** Every file written to the result goes to each of {@code outputs}; closing it closes them in order. */
    static SiteOutput all(SiteOutput... outputs) {
        return new AllOutputs(java.util.List.of(outputs));
    }

    /**
     * {@code path}, checked to be a plain relative path inside the site: no leading slash, no backslash, no empty,
     * {@code .} or {@code ..} segment.
     */
    static String checked(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("not a relative site path: " + path);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a relative site path: " + path);
            }
        }
        return path;
    }
}
