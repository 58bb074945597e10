package dev.glassbox.report.site;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The site held in memory, for tests and for putting a single page together: files in the order written. */
public final class MemoryOutput implements SiteOutput {

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    @Override
    public OutputStream create(String path) {
        String name = SiteOutput.checked(path);
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                synchronized (MemoryOutput.this) {
                    files.remove(name);
                    files.put(name, toByteArray());
                }
            }
        };
    }

    @Override
    public Path location() {
        return Path.of("(memory)");
    }

    /** The paths written, in the order they were finished. */
    public synchronized List<String> paths() {
        return List.copyOf(files.keySet());
    }

    public synchronized boolean has(String path) {
        return files.containsKey(path);
    }

    /** The file at {@code path}. */
    public synchronized byte[] bytes(String path) {
        byte[] b = files.get(path);
        if (b == null) {
            throw new IllegalArgumentException("no file " + path + " in the output");
        }
        return b.clone();
    }

    /** The file at {@code path} as UTF-8 text. */
    public String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
