package dev.glassbox.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Removing folders Glassbox made, also while another thread may still be writing into them. */
final class Folders {

    private Folders() {}

    /**
     * Deletes {@code folder} and everything in it. When a file appears while it is being deleted (the interrupted
     * work is still running), it tries again a few times.
     *
     * @return whether the folder is gone
     */
    static boolean delete(Path folder) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
                org.apache.commons.io.file.PathUtils.deleteDirectory(folder);
                return true;
            } catch (IOException | RuntimeException e) {
                try {
                    Thread.sleep(25);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !Files.exists(folder, LinkOption.NOFOLLOW_LINKS);
    }

    /** The entries of {@code parent} whose names start with {@code prefix}; none when it cannot be listed. */
    static List<Path> named(Path parent, String prefix) {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }
}
