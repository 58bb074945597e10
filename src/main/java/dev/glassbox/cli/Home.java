package dev.glassbox.cli;

import java.nio.file.Path;

/** Where Glassbox is installed: the launcher passes it, so that the demo finds its fixtures from any folder. */
final class Home {

    private Home() {}

    static Path folder() {
        String home = System.getProperty("glassbox.home");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
    }
}
