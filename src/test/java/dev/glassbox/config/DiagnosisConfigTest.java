package dev.glassbox.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.GlassboxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config keys of issue 14: {@code description:}, a data set's {@code regions:} and {@code diagnosis:}. */
class DiagnosisConfigTest {

    private static final String MINIMAL = """
            model: ../models/flawed.zip
            data:
              - name: clean
                images: ../data/test-clean
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/flawed.zip"), "not read");
        for (String folder : List.of("test-clean/circle", "test-clean-tag-masks")) {
            Files.createDirectories(dir.resolve("data").resolve(folder));
        }
        Files.createDirectories(dir.resolve("configs"));
    }

    private BatteryConfig load(String yaml) throws IOException {
        Path file = dir.resolve("configs/battery.yaml");
        Files.writeString(file, yaml);
        return BatteryConfig.load(file);
    }

    private GlassboxException failure(String yaml) {
        return assertThrows(GlassboxException.class, () -> load(yaml));
    }

    @Test
    void byDefaultThereIsNoDescriptionAndTheDiagnosisRunsWithItsDefaults() throws IOException {
        BatteryConfig c = load(MINIMAL);
        assertEquals(List.of(), c.description());
        assertEquals(DiagnosisConfig.DEFAULT, c.diagnosis());
        assertTrue(c.diagnosis().enabled());
        assertNull(c.diagnosis().minRecall(), "left to the class-recall check's minimum");
        assertEquals(java.util.Map.of(), c.data().get(0).regions());
    }

    @Test
    void aDescriptionIsAListOfParagraphsOrOneTextSplitAtBlankLines() throws IOException {
        assertEquals(List.of("One.", "Two, on two lines."), load("description: [One., \"Two,\\non two lines.\"]\n"
                + MINIMAL).description());
        assertEquals(List.of("First paragraph.", "Second one."), load("""
                description: |
                  First
                  paragraph.

                  Second one.
                """ + MINIMAL).description());
    }

    @Test
    void regionsAreNamedFoldersRelativeToTheConfig() throws IOException {
        BatteryConfig c = load(MINIMAL + "    regions: {tag: ../data/test-clean-tag-masks}\n");
        assertEquals(dir.resolve("data/test-clean-tag-masks").toAbsolutePath().normalize(),
                c.data().get(0).regions().get("tag"));
        GlassboxException missing = failure(MINIMAL + "    regions: {tag: ../data/nowhere}\n");
        assertEquals(3, missing.exitCode());
        assertTrue(missing.getMessage().contains("data[0].regions.tag"), missing.getMessage());
    }

    @Test
    void diagnosisSettingsAreReadAndCheckedWithTheirKeyPath() throws IOException {
        DiagnosisConfig d = load(MINIMAL + """
                diagnosis: {enabled: false, images-per-class: 12, transplant-images: 24, attribution-images: 0,
                            method: Grad-CAM, deployment: clean, min-recall: 0.7, max-flip-rate: 0.3,
                            false-discovery: 0.1}
                """).diagnosis();
        assertEquals(new DiagnosisConfig(false, 12, 24, 0, "grad-cam", "clean", 0.7, 0.3, 0.1), d);
        GlassboxException typo = failure(MINIMAL + "diagnosis: {transplant-image: 3}\n");
        assertTrue(typo.getMessage().contains("unknown key 'diagnosis.transplant-image'; did you mean"
                + " 'transplant-images'?"), typo.getMessage());
        GlassboxException data = failure(MINIMAL + "diagnosis: {deployment: clear}\n");
        assertTrue(data.getMessage().contains("'diagnosis.deployment' names no data set; did you mean 'clean'?"),
                data.getMessage());
        GlassboxException flag = failure(MINIMAL + "diagnosis: {enabled: maybe}\n");
        assertEquals("battery.yaml: 'diagnosis.enabled' must be true or false, got \"maybe\"", flag.getMessage());
        assertFalse(failure(MINIMAL + "diagnosis: {method: salience}\n").getMessage().isEmpty());
    }
}
