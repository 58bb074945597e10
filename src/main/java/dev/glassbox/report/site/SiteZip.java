package dev.glassbox.report.site;

import dev.glassbox.files.OwnedFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The site as one zip, folder name first so it unpacks into a folder. Entries are sorted and stamped with the
 * report's time, so the same report gives the same zip.
 */
final class SiteZip {

    private SiteZip() {}

    /** Whether {@code zip} is one this class wrote: it holds {@code NAME/.glassbox-report}, the report's marker. */
    static boolean isReportZip(Path zip) {
        String top = zip.getFileName().toString().replaceFirst("\\.zip$", "") + "/";
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.getEntry(top + OwnedFolder.Kind.REPORT.marker()) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the zip of {@code site} to {@code zip}, a new file in a staging folder. */
    static void write(Path site, Path zip, Instant stamp) throws IOException {
        String top = zip.getFileName().toString().replaceFirst("\\.zip$", "") + "/";
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> walk = Files.walk(site)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            // Zip's DOS times are local times; writing the UTC wall clock keeps the zip the same in every
            // time zone.
            java.time.LocalDateTime time = java.time.LocalDateTime.ofInstant(stamp, java.time.ZoneOffset.UTC);
            for (Path p : files) {
                ZipEntry entry = new ZipEntry(top + site.relativize(p).toString().replace('\\', '/'));
                entry.setTimeLocal(time);
                out.putNextEntry(entry);
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
