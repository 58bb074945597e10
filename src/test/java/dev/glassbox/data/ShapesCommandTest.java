package dev.glassbox.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapesCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheChosenSplits() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"shapes", "--out", tmp.toString(), "--test-per-class", "2",
                "--splits", "test-biased,test-clean", "--seed", "3"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertTrue(Files.exists(tmp.resolve("test-biased/manifest.csv")));
        assertTrue(Files.exists(tmp.resolve("test-clean-masks/star/star-00001.png")));
        assertFalse(Files.exists(tmp.resolve("train-biased")));
    }

    @Test
    void anUnknownSplitIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"shapes", "--out", tmp.toString(), "--splits", "validation"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("validation"), err.toString());
    }
}
