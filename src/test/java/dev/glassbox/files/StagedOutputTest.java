package dev.glassbox.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.GlassboxException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output is staged beside its place, replaces only what Glassbox wrote, and leaves nothing behind when cut short. */
class StagedOutputTest {

    @TempDir
    Path tmp;

    private static List<StagedOutput.Target> report(Path out) {
        return List.of(new StagedOutput.FolderTarget(out, OwnedFolder.Kind.REPORT));
    }

    @Test
    void aCommitMarksTheFolderWithEveryFileItWrote() throws IOException {
        Path out = tmp.resolve("rep");
        try (StagedOutput staged = StagedOutput.begin("--out", report(out))) {
            Path site = staged.stage(out);
            Files.createDirectories(site.resolve("img"));
            Files.writeString(site.resolve("index.html"), "<p>hi</p>");
            Files.writeString(site.resolve("img/a.png"), "png");
            assertFalse(Files.exists(out), "nothing is in place before the commit");
            staged.commit();
        }
        String marker = Files.readString(out.resolve(".glassbox-report"));
        assertTrue(marker.contains("\"img/a.png\"") && marker.contains("\"index.html\""), marker);
        assertEquals(List.of("img", "index.html", ".glassbox-report").stream().sorted().toList(), list(out));
        assertEquals(List.of("rep"), list(tmp), "the staging folder is gone");
    }

    @Test
    void aFolderWithoutTheMarkerOrWithAnythingUnlistedIsNeverReplaced() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("summary.json"), "{\"schema\": \"glassbox-summary/1\"}");
        GlassboxException e = assertThrows(GlassboxException.class, () -> StagedOutput.begin("--out", report(project)));
        assertEquals(2, e.exitCode());
        assertEquals(project.resolve("summary.json") + " is in the way: " + project + " is not a Glassbox report (it has"
                + " no .glassbox-report marker), so Glassbox will not replace it; choose another --out, or move the"
                + " folder away", e.getMessage());

        Path out = tmp.resolve("rep");
        commitOnePage(out);
        Files.createDirectories(out.resolve("my-folder")); // even an empty folder the marker does not list
        e = assertThrows(GlassboxException.class, () -> StagedOutput.begin("--out", report(out)));
        assertTrue(e.getMessage().startsWith(out.resolve("my-folder") + " is in the way: Glassbox did not write it"),
                e.getMessage());
        Files.delete(out.resolve("my-folder"));
        Files.createSymbolicLink(out.resolve("link.html"), out.resolve("index.html"));
        e = assertThrows(GlassboxException.class, () -> StagedOutput.begin("--out", report(out)));
        assertTrue(e.getMessage().startsWith(out.resolve("link.html") + " is in the way"), e.getMessage());
        Files.delete(out.resolve("link.html"));
        commitOnePage(out); // only its own files again: replaced
        assertEquals(List.of(".glassbox-report", "index.html"), list(out));
    }

    @Test
    void aFileGlassboxDidNotWriteIsNeverReplaced() throws IOException {
        Path zip = Files.writeString(tmp.resolve("rep.zip"), "the user's zip");
        var target = new StagedOutput.FileTarget(zip, p -> false, "a report zip");
        GlassboxException e = assertThrows(GlassboxException.class, () -> StagedOutput.begin("--out", List.of(target)));
        assertEquals(zip + " is in the way: it is not a report zip Glassbox wrote, so it will not be replaced; choose"
                + " another --out, or move it", e.getMessage());
        assertEquals("the user's zip", Files.readString(zip));
    }

    @Test
    void anInterruptDeletesTheStagingFolderAndSaysNothingWasChanged() throws IOException {
        Path out = tmp.resolve("rep");
        commitOnePage(out);
        String before = Files.readString(out.resolve("index.html"));
        StagedOutput staged = StagedOutput.begin("--out", report(out));
        Files.createDirectories(staged.stage(out));
        Files.writeString(staged.stage(out).resolve("index.html"), "half a report");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Interrupts.runGuards(new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("\nglassbox: interrupted; nothing was changed in " + out + "\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("rep"), list(tmp), "no staging folder is left");
        assertEquals(before, Files.readString(out.resolve("index.html")));
        staged.close(); // the work's own close after the interrupt does nothing more
        assertEquals(List.of("rep"), list(tmp));
    }

    @Test
    void aStagingFolderLeftByAKilledRunIsRemovedByTheNextAndOneInUseIsNot() throws Exception {
        Path out = tmp.resolve("rep");
        Path killed = Files.createDirectories(tmp.resolve(".rep.writing-111"));
        new ProcessStamp(deadPid(), null).write(killed.resolve(StagedOutput.STAMP));
        Files.createDirectories(killed.resolve("rep/img"));
        Path running = Files.createDirectories(tmp.resolve(".rep.writing-222"));
        ProcessStamp.current().write(running.resolve(StagedOutput.STAMP));
        Path notOurs = Files.createDirectories(tmp.resolve(".rep.writing-333")); // no stamp: not Glassbox's to judge
        commitOnePage(out);
        assertFalse(Files.exists(killed));
        assertTrue(Files.exists(running));
        assertTrue(Files.exists(notOurs));
    }

    @Test
    void aReportMovedAsideByAKilledCommitIsPutBack() throws Exception {
        Path out = tmp.resolve("rep");
        commitOnePage(out);
        // killed between moving the old report aside and moving the new one in
        Path killed = Files.createDirectories(tmp.resolve(".rep.writing-444"));
        new ProcessStamp(deadPid(), null).write(killed.resolve(StagedOutput.STAMP));
        Files.createDirectories(killed.resolve("replaced"));
        Files.move(out, killed.resolve("replaced/rep"));
        StagedOutput.removeAbandoned(tmp, "rep");
        assertEquals("page", Files.readString(out.resolve("index.html")));
        assertFalse(Files.exists(killed));
    }

    @Test
    void aTemporaryFolderLeftByAKilledRunIsRemovedByTheNext() throws Exception {
        String prefix = "glassbox-test-" + ProcessHandle.current().pid() + "-";
        Path tmpdir = Path.of(System.getProperty("java.io.tmpdir"));
        Path killed = Files.createDirectories(tmpdir.resolve(prefix + "killed"));
        new ProcessStamp(deadPid(), null).write(killed.resolve(TemporaryFolder.STAMP));
        try (TemporaryFolder t = TemporaryFolder.create(prefix)) {
            assertFalse(Files.exists(killed));
            assertTrue(Files.isDirectory(t.folder()));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Interrupts.runGuards(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertFalse(Files.exists(t.folder()), "an interrupt deletes it");
            assertEquals("", err.toString(StandardCharsets.UTF_8), "and says nothing: the work's own guard speaks");
        }
    }

    @Test
    void aFullDiskIsNamedByTheFolderTheOutputGoesTo() {
        Path staged = tmp.resolve(".rep.writing-555/rep/img/a.png");
        var full = new FileSystemException(staged.toString(), null, "No space left on device");
        assertTrue(DiskErrors.isDiskFull(new java.io.UncheckedIOException(full)));
        GlassboxException e = DiskErrors.cannotWrite(staged, full);
        assertEquals(3, e.exitCode());
        assertEquals(tmp.resolve("rep") + ": no space left on the disk holding " + tmp + "; free some space there, or"
                + " write elsewhere", e.getMessage());
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize()
                .resolve("glassbox-img-1/x.png");
        assertTrue(DiskErrors.diskFull(temporary, full).getMessage().contains("no space left on the temporary disk"),
                DiskErrors.diskFull(temporary, full).getMessage());
        var denied = new java.nio.file.AccessDeniedException(staged.toString());
        assertEquals(staged + ": cannot be written: permission denied", DiskErrors.cannotWrite(staged, denied)
                .getMessage());
    }

    private static void commitOnePage(Path out) throws IOException {
        try (StagedOutput staged = StagedOutput.begin("--out", report(out))) {
            Files.createDirectories(staged.stage(out));
            Files.writeString(staged.stage(out).resolve("index.html"), "page");
            staged.commit();
        }
    }

    /** The id of a process that has ended. */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
