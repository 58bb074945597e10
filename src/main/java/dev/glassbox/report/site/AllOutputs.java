package dev.glassbox.report.site;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Several outputs written as one: each file goes to every one of them. */
final class AllOutputs implements SiteOutput {

    private final List<SiteOutput> outputs;

    AllOutputs(List<SiteOutput> outputs) {
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("no outputs");
        }
        this.outputs = List.copyOf(outputs);
    }

    @Override
    public OutputStream create(String path) throws IOException {
        List<OutputStream> streams = new ArrayList<>();
        try {
            for (SiteOutput o : outputs) {
                streams.add(o.create(path));
            }
        } catch (IOException | RuntimeException e) {
            for (OutputStream s : streams) {
                s.close();
            }
            throw e;
        }
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                for (OutputStream s : streams) {
                    s.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (OutputStream s : streams) {
                    s.write(b, off, len);
                }
            }

            @Override
            public void close() throws IOException {
                IOException first = null;
                for (OutputStream s : streams) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        first = first == null ? e : first;
                    }
                }
                if (first != null) {
                    throw first;
                }
            }
        };
    }

    /** Each output copies in its own way, so a folder that already holds the file keeps it. */
    @Override
    public void copy(String path, Path from) throws IOException {
        for (SiteOutput o : outputs) {
            o.copy(path, from);
        }
    }

    @Override
    public Path location() {
        return outputs.get(0).location();
    }

    @Override
    public void close() throws IOException {
        for (SiteOutput o : outputs) {
            o.close();
        }
    }
}
