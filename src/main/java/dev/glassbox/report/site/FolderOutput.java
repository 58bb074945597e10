package dev.glassbox.report.site;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The site as files in a folder. */
public final class FolderOutput implements SiteOutput {

    private final Path root;

    public FolderOutput(Path root) {
        this.root = root;
    }

    @Override
    public OutputStream create(String path) throws IOException {
        Path file = file(path);
        Files.createDirectories(file.getParent());
        return Files.newOutputStream(file);
    }

    /**
     * Copies {@code from} into the folder; a file that is already in its place (the pictures of a run, drawn straight
     * into the staged site) is left as it is.
     */
    @Override
    public void copy(String path, Path from) throws IOException {
        Path file = file(path);
        if (Files.exists(file) && Files.isSameFile(file, from)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.copy(from, file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public Path location() {
        return root;
    }

    private Path file(String path) {
        return root.resolve(SiteOutput.checked(path));
    }
}
