package dev.glassbox.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real models and images other people wrote, kept in {@code ../shared/external} beside the checkout. Tests that
 * read them skip only when that folder is absent, and say so on stderr.
 */
public final class SharedFixtures {

    private SharedFixtures() {}

    public static Path root() {
        return Path.of(System.getProperty("glassbox.shared", "../shared")).toAbsolutePath().normalize();
    }

    /** A path under {@code ../shared/external}; skips the calling test (loudly) when the folder is absent. */
    public static Path external(String relative) {
        Path external = root().resolve("external");
        if (!Files.isDirectory(external)) {
            System.err.println("SKIPPED: " + external + " is absent, so the tests on real models and images"
                    + " written by other people did not run. Put the shared folder beside the checkout.");
        }
        assumeTrue(Files.isDirectory(external), external + " is absent: tests on real external models skipped");
        Path p = external.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing from the shared folder");
        }
        return p;
    }
}
