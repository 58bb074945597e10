package dev.glassbox.report.site;

import dev.glassbox.files.OwnedFolder;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The site as one zip, folder name first so it unpacks into a folder ({@code report.zip} holds {@code report/...}).
 * Entries are stamped with the report's time, so the same report gives the same zip.
 */
public final class ZipOutput implements SiteOutput {

    private final Path zip;
    private final String top;
    private final LocalDateTime time;
    private final ZipOutputStream entries;

    /** A new zip at {@code zip}, whose entries sit in a folder named after it and carry the time {@code stamp}. */
    public ZipOutput(Path zip, Instant stamp) throws IOException {
        this.zip = zip;
        this.top = zip.getFileName().toString().replaceFirst("\\.zip$", "") + "/";
        // Zip's DOS times are local times; writing the UTC wall clock keeps the zip the same in every time zone.
        this.time = LocalDateTime.ofInstant(stamp, ZoneOffset.UTC);
        this.entries = new ZipOutputStream(Files.newOutputStream(zip));
    }

    /** Whether {@code zip} is one Glassbox wrote: it holds {@code NAME/.glassbox-report}, the report's marker. */
    public static boolean isReportZip(Path zip) {
        String top = zip.getFileName().toString().replaceFirst("\\.zip$", "") + "/";
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.getEntry(top + OwnedFolder.Kind.REPORT.marker()) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the finished folder {@code site} (its marker included) to the new zip {@code zip}, entries sorted. */
    static void ofFolder(Path site, Path zip, Instant stamp) throws IOException {
        try (ZipOutput out = new ZipOutput(zip, stamp); Stream<Path> walk = Files.walk(site)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path p : files) {
                out.copy(site.relativize(p).toString().replace('\\', '/'), p);
            }
        }
    }

    @Override
    public OutputStream create(String path) throws IOException {
        ZipEntry entry = new ZipEntry(top + SiteOutput.checked(path));
        entry.setTimeLocal(time);
        entries.putNextEntry(entry);
        return new FilterOutputStream(entries) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                entries.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                entries.closeEntry();
            }
        };
    }

    @Override
    public Path location() {
        return zip;
    }

    @Override
    public void close() throws IOException {
        entries.close();
    }
}
