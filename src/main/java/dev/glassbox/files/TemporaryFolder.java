package dev.glassbox.files;

import dev.glassbox.GlassboxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A folder in the system's temporary folder for one run's scratch files, deleted when closed or when the run is
 * interrupted. It carries a stamp of the process that made it, so that a later run deletes one left by a run that
 * was killed (and only such a one).
 */
public final class TemporaryFolder implements AutoCloseable {

    static final String STAMP = ".glassbox-temporary";

    private final Path folder;
    private final Interrupts.Registration guard;

    private TemporaryFolder(Path folder) {
        this.folder = folder;
        this.guard = Interrupts.guard(() -> {
            Folders.delete(folder);
            return null;
        });
    }

    /** A new folder named {@code prefix...} (e.g. "glassbox-img-"), after removing those left by killed runs. */
    public static TemporaryFolder create(String prefix) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        removeAbandoned(tmp, prefix);
        try {
            Path folder = Files.createTempDirectory(tmp, prefix);
            ProcessStamp.current().write(folder.resolve(STAMP));
            return new TemporaryFolder(folder);
        } catch (IOException e) {
            throw DiskErrors.isDiskFull(e) ? DiskErrors.diskFull(tmp, e)
                    : GlassboxException.badInput(tmp, "cannot make a temporary folder here: " + DiskErrors.reason(e)
                    + "; point Glassbox elsewhere with GLASSBOX_JAVA_OPTS=-Djava.io.tmpdir=DIR", e);
        }
    }

    /** Deletes the folders named {@code prefix...} in {@code parent} whose stamp names a process that has ended. */
    static void removeAbandoned(Path parent, String prefix) {
        for (Path p : Folders.named(parent, prefix)) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                ProcessStamp.read(p.resolve(STAMP)).filter(s -> !s.isAlive()).ifPresent(s -> Folders.delete(p));
            }
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        Folders.delete(folder);
        guard.close();
    }
}
