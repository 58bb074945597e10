package dev.glassbox.report.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The site as one self-contained HTML file ({@code --single-file}): pages, pictures and stylesheet are gathered in
 * memory while the site is written and put together on {@link #close()} (see {@link SingleFilePage}). Files that
 * are not pages, pictures or the stylesheet ({@code summary.json}, {@code junit.xml}) stay out of it.
 */
public final class SingleFileOutput implements SiteOutput {

    /** How far into a file its marker must be; it sits right after the charset. */
    private static final int HEAD = 4096;

    private final Path file;
    private final MemoryOutput files = new MemoryOutput();
    private boolean closed;

    /** @param file the HTML file to write on close, a new file (in a staging folder) */
    public SingleFileOutput(Path file) {
        this.file = file;
    }

    /** Whether {@code file} is a page this output wrote: it carries the marker near its top. */
    public static boolean isSingleFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(HEAD), StandardCharsets.ISO_8859_1);
            return head.regionMatches(true, 0, "<!DOCTYPE html>", 0, 15) && head.contains(SingleFilePage.MARKER);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public OutputStream create(String path) {
        return files.create(path);
    }

    @Override
    public Path location() {
        return file;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            Files.writeString(file, SingleFilePage.of(files), StandardCharsets.UTF_8);
        }
    }
}
