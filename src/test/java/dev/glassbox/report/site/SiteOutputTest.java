package dev.glassbox.report.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.Progress;
import dev.glassbox.imaging.ImageStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outputs behind the site writer: the same site in memory, in a folder and in a zip. */
class SiteOutputTest {

    @TempDir
    Path tmp;

    @Test
    void theSameSiteGoesToMemoryAFolderAndAZipAtOnce() throws Exception {
        MemoryOutput memory = new MemoryOutput();
        Path folder = tmp.resolve("site");
        Path zip = tmp.resolve("site.zip");
        try (ImageStore store = ImageStore.temporary();
             SiteOutput all = SiteOutput.all(memory, new FolderOutput(folder), new ZipOutput(zip, Instant.EPOCH))) {
            new SiteWriter().write(SiteWriterTest.uncheckedReport(store), store, all, Progress.NONE);
        }
        assertTrue(memory.paths().containsAll(List.of("index.html", "about.html", SiteWriter.CSS, SiteWriter.LEGEND,
                "img/charts/m0-d0-confusion.png", "img/m0/d0/c0-correct-1.png")), memory.paths().toString());
        assertTrue(memory.paths().stream().noneMatch(p -> p.contains("/.") || p.startsWith(".")),
                "the picture store's own files stay out: " + memory.paths());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals(memory.paths().stream().map(p -> "site/" + p).sorted().toList(),
                    Collections.list(z.entries()).stream().map(e -> e.getName()).sorted().toList());
            for (String p : memory.paths()) {
                assertArrayEquals(memory.bytes(p), z.getInputStream(z.getEntry("site/" + p)).readAllBytes(), p);
                assertArrayEquals(memory.bytes(p), Files.readAllBytes(folder.resolve(p)), p);
            }
        }
    }

    @Test
    void aPathOutsideTheSiteIsRefused() {
        MemoryOutput memory = new MemoryOutput();
        for (String path : List.of("../x.html", "/etc/passwd", "img//a.png", "a\\b", "", "img/./a.png")) {
            assertThrows(IllegalArgumentException.class, () -> memory.writeString(path, "x"), path);
            assertThrows(IllegalArgumentException.class,
                    () -> new FolderOutput(tmp).writeString(path, "x"), path);
        }
    }

    @Test
    void aFolderKeepsAFileAlreadyInItsPlace() throws Exception {
        Path file = Files.createDirectories(tmp.resolve("img")).resolve("a.png");
        Files.writeString(file, "picture");
        new FolderOutput(tmp).copy("img/a.png", file);
        assertEquals("picture", Files.readString(file), "copying a file onto itself must not empty it");
    }
}
