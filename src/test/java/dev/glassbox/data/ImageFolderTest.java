package dev.glassbox.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.GlassboxException;
import dev.glassbox.Progress;
import dev.glassbox.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir
    Path tmp;

    @Test
    void listsClassFoldersSortedAndIgnoresOtherEntries() throws IOException {
        new ShapesGenerator(2).write(tmp, ShapesSplit.TEST_CLEAN, 2, Progress.NONE);
        Path root = tmp.resolve("test-clean");
        Files.writeString(root.resolve("labels.csv"), "a,b\n");
        Files.writeString(root.resolve("star/notes.txt"), "not an image");
        ImageFolder folder = ImageFolder.open(root);
        assertEquals(List.of("circle", "cross", "ring", "square", "star", "triangle"), folder.classes());
        assertEquals(12, folder.entries().size());
        assertEquals(root.resolve("circle/circle-00000.png"), folder.entries().get(0).file());

        List<String> order = List.of("circle", "square", "triangle", "star", "cross", "ring");
        InMemoryImages images = ImageFolder.open(root, order).load(32, 32, 1f / 255f);
        assertEquals(order, images.classes());
        assertEquals(3, images.labels()[6], "the 7th image is the first star");
        float max = 0;
        for (float v : images.pixels()) {
            max = Math.max(max, v);
        }
        assertTrue(max > 0.5f && max <= 1f, "scaled to 0-1: " + max);
    }

    @Test
    void aCorruptImageIsOneLineNamingTheFile() throws IOException {
        Path root = tmp.resolve("data");
        Files.createDirectories(root.resolve("a"));
        Files.createDirectories(root.resolve("b"));
        new ShapesGenerator(2).write(tmp.resolve("gen"), ShapesSplit.TEST_CLEAN, 1, Progress.NONE);
        Files.copy(tmp.resolve("gen/test-clean/circle/circle-00000.png"), root.resolve("a/ok.png"));
        Path bad = root.resolve("b/x.png");
        Files.writeString(bad, "this is text, not a picture\n");

        GlassboxException e = assertThrows(GlassboxException.class,
                () -> ImageFolder.open(root).load(32, 32, 1f));
        assertEquals(3, e.exitCode());
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"train", "--data", root.toString(), "--out",
                tmp.resolve("m.zip").toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(3, code, err.toString());
        String[] lines = err.toString().strip().split("\n");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("glassbox: ") && lines[0].contains(bad.toString()), lines[0]);
        assertFalse(Files.exists(tmp.resolve("m.zip")));
    }

    @Test
    void aMissingOrEmptyFolderIsBadInput() throws IOException {
        assertEquals(3, assertThrows(GlassboxException.class, () -> ImageFolder.open(tmp.resolve("nope")))
                .exitCode());
        Files.createDirectories(tmp.resolve("empty/a"));
        assertEquals(3, assertThrows(GlassboxException.class, () -> ImageFolder.open(tmp.resolve("empty")))
                .exitCode());
    }
}
