package dev.glassbox.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.glassbox.checks.PlantedViolations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages read top-down (DESIGN.md §3): each imports only the layers below it, and analysis (model, data,
 * attribution, imaging, evaluation, checks, featurevis) imports nothing of the battery, the report, the config, the
 * command line or the demo, and nothing of Thymeleaf or JFreeChart, which belong to the site alone.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.glassbox";
    /** Issue 13: a file longer than this does more than one thing; split it by responsibility. */
    private static final int MAX_LINES = 400;

    /** The layering as a rule: each layer may use only the layers it names (its own is always allowed). */
    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("cli").definedBy(ROOT + ".cli..")
                .layer("demo").definedBy(ROOT + ".demo..")
                .layer("bench").definedBy(ROOT + ".bench..")
                .layer("training").definedBy(ROOT + ".training..")
                .layer("battery").definedBy(ROOT + ".battery..")
                .layer("config").definedBy(ROOT + ".config..")
                .layer("site").definedBy(ROOT + ".report.site..")
                .layer("report").definedBy(ROOT + ".report")
                .layer("checks").definedBy(ROOT + ".checks..")
                .layer("diagnosis").definedBy(ROOT + ".diagnosis..")
                .layer("featurevis").definedBy(ROOT + ".featurevis..")
                .layer("data").definedBy(ROOT + ".data..")
                .layer("evaluation").definedBy(ROOT + ".evaluation..")
                .layer("attribution").definedBy(ROOT + ".attribution..")
                .layer("imaging").definedBy(ROOT + ".imaging..")
                .layer("model").definedBy(ROOT + ".model..")
                .layer("files").definedBy(ROOT + ".files..")
                .whereLayer("demo").mayOnlyAccessLayers("battery", "config", "site", "report", "checks", "diagnosis",
                        "featurevis", "data", "evaluation", "attribution", "imaging", "model", "files")
                .whereLayer("bench").mayOnlyAccessLayers("battery", "config", "site", "report", "checks",
                        "diagnosis", "featurevis", "data", "evaluation", "attribution", "imaging", "model", "files")
                .whereLayer("training").mayOnlyAccessLayers("data", "evaluation", "model", "files")
                .whereLayer("battery").mayOnlyAccessLayers("config", "site", "report", "checks", "diagnosis",
                        "featurevis", "data", "evaluation", "attribution", "imaging", "model", "files")
                .whereLayer("config").mayOnlyAccessLayers("checks", "attribution", "model", "files")
                .whereLayer("site").mayOnlyAccessLayers("report", "checks", "diagnosis", "featurevis", "data",
                        "evaluation", "attribution", "imaging", "model", "files")
                .whereLayer("report").mayOnlyAccessLayers("checks", "diagnosis", "featurevis", "data", "evaluation",
                        "attribution", "imaging", "model", "files")
                .whereLayer("checks").mayOnlyAccessLayers("data", "evaluation", "attribution", "imaging", "model",
                        "files")
                .whereLayer("diagnosis").mayOnlyAccessLayers("checks", "data", "evaluation", "attribution", "imaging",
                        "model", "files")
                .whereLayer("featurevis").mayOnlyAccessLayers("data", "evaluation", "attribution", "imaging", "model",
                        "files")
                .whereLayer("data").mayOnlyAccessLayers("evaluation", "imaging", "model", "files")
                .whereLayer("evaluation").mayOnlyAccessLayers("model")
                .whereLayer("attribution").mayOnlyAccessLayers("model")
                .whereLayer("imaging").mayOnlyAccessLayers("model", "files")
                .whereLayer("model").mayOnlyAccessLayers("files")
                .whereLayer("files").mayNotAccessAnyLayer()
                .because("DESIGN.md §3: each layer imports only the layers below it");
    }

    /** Thymeleaf, JFreeChart and jsoup make the site; nothing else may use them. */
    static ArchRule renderingStaysInTheSite() {
        return noClasses().that().resideOutsideOfPackage(ROOT + ".report.site..")
                .should().dependOnClassesThat().resideInAnyPackage("org.thymeleaf..", "org.jfree..", "org.jsoup..")
                .because("analysis never imports rendering");
    }

    private static JavaClasses main() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void eachPackageImportsOnlyTheLayersBelowIt() {
        layers().check(main());
    }

    @Test
    void onlyTheSiteUsesThymeleafAndJFreeChart() {
        renderingStaysInTheSite().check(main());
    }

    @Test
    void thePlantedViolationsAreCaught() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedViolations.AnalysisThatReadsTheReport.class,
                PlantedViolations.AnalysisThatDraws.class, dev.glassbox.report.Report.class);
        assertTrue(layers().evaluate(planted).hasViolation(), "a check importing the report must fail the layering");
        assertTrue(renderingStaysInTheSite().evaluate(planted).hasViolation(),
                "a check drawing with JFreeChart must fail the rendering rule");
    }

    @Test
    void noMainSourceFileIsLongerThan400Lines() throws IOException {
        Path sources = Path.of("src", "main", "java");
        assertTrue(Files.isDirectory(sources), "run from the repository root: no " + sources.toAbsolutePath());
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(sources)) {
            tooLong = files.filter(f -> f.toString().endsWith(".java")).sorted()
                    .map(f -> {
                        long lines = lineCount(f);
                        return lines > MAX_LINES ? sources.relativize(f) + " (" + lines + " lines)" : null;
                    })
                    .filter(line -> line != null)
                    .toList();
        }
        if (!tooLong.isEmpty()) {
            fail("source files over " + MAX_LINES + " lines; split them by responsibility:\n  "
                    + String.join("\n  ", tooLong));
        }
    }

    private static long lineCount(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
