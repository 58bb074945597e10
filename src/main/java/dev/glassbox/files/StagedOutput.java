package dev.glassbox.files;

import dev.glassbox.GlassboxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Output built beside its place and moved in only when complete. {@link #begin} checks first, before any work, that
 * every target may be replaced (a folder: see {@link OwnedFolder}; a file: it is one Glassbox wrote), and makes a
 * staging folder {@code .NAME.writing-XXXX} beside the first target, stamped with this process. The work writes into
 * {@link #stage(Path)}; {@link #commit()} marks each folder as Glassbox's (unless the work did, with its own run
 * id), moves what it replaces into the staging
 * folder, moves the new output into place and deletes the staging folder. Closing without a commit, or an
 * interrupt, deletes the staging folder and puts back anything already moved aside, so the user's files are as
 * they were. A later run removes the staging folders of runs that were killed.
 */
public final class StagedOutput implements AutoCloseable {

    /** Where output goes. */
    public sealed interface Target permits FolderTarget, FileTarget {
        Path path();
    }

    /** A folder Glassbox owns, replaced as a whole. */
    public record FolderTarget(Path path, OwnedFolder.Kind kind) implements Target {
        public FolderTarget {
            path = path.toAbsolutePath().normalize();
        }
    }

    /**
     * A single file.
     *
     * @param written whether an existing file there is one Glassbox wrote, which may be replaced
     * @param what    what the file is, for messages ("a report zip")
     * @param remedy  what else the user can do about a file in the way, e.g. " (or add --force to replace it)"
     */
    public record FileTarget(Path path, Predicate<Path> written, String what, String remedy) implements Target {
        public FileTarget {
            path = path.toAbsolutePath().normalize();
        }

        public FileTarget(Path path, Predicate<Path> written, String what) {
            this(path, written, what, "");
        }
    }

    static final String STAMP = ".glassbox-staging";
    /** Where the folders and files being replaced wait inside the staging folder until the new ones are in place. */
    private static final String REPLACED = "replaced";

    private final List<Target> targets;
    private final String option;
    private final Path staging;
    private final Interrupts.Registration guard;
    /** The targets whose new output is in place (their earlier contents, if any, under {@code replaced/}). */
    private final List<Target> moved = new ArrayList<>();
    private boolean committed;
    private boolean closed;

    private StagedOutput(List<? extends Target> targets, String option, Path staging) {
        this.targets = List.copyOf(targets);
        this.option = option;
        this.staging = staging;
        this.guard = Interrupts.guard(this::interrupted);
    }

    /**
     * Checks the targets, clears what killed runs left beside them, and makes the staging folder.
     *
     * @param option  how the user named the output ("--out"), for hints
     * @param targets the first names the output in messages; all sit in one folder
     * @throws GlassboxException usage (exit 2) when a target is in the way; bad input (exit 3) when the folder
     *                           cannot be written
     */
    public static StagedOutput begin(String option, List<? extends Target> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no targets");
        }
        Path parent = targets.get(0).path().getParent();
        for (Target t : targets) {
            if (!t.path().getParent().equals(parent)) {
                throw new IllegalArgumentException(t.path() + " is not in " + parent);
            }
        }
        requireWritableParent(parent, targets.get(0).path(), option);
        for (Target t : targets) {
            removeAbandoned(parent, t.path().getFileName().toString());
            requireReplaceable(t, option);
        }
        Path staging;
        try {
            staging = Files.createTempDirectory(parent, "." + targets.get(0).path().getFileName() + ".writing-");
            ProcessStamp.current().write(staging.resolve(STAMP));
        } catch (IOException e) {
            throw DiskErrors.cannotWrite(parent, e);
        }
        return new StagedOutput(targets, option, staging);
    }

    /**
     * Checks, writing nothing, that the targets could be written: no file stands where a folder on their path
     * should be, and each may be replaced. {@link #begin} checks this again.
     */
    public static void requireReplaceable(String option, List<? extends Target> targets) {
        for (Target t : targets) {
            requireNoFileOnPath(t.path().getParent(), t.path(), option);
            requireReplaceable(t, option);
        }
    }

    /** Where the work writes what will become {@code target} (one of the targets). */
    public Path stage(Path target) {
        Path t = target.toAbsolutePath().normalize();
        if (targets.stream().noneMatch(x -> x.path().equals(t))) {
            throw new IllegalArgumentException(target + " is not a target of this output");
        }
        return staging.resolve(t.getFileName().toString());
    }

    /** The first target, as messages name the output. */
    public Path primary() {
        return targets.get(0).path();
    }

    /**
     * Moves the output into place: each folder gets its marker, and what it replaces is deleted only once every
     * target is in place.
     *
     * @throws GlassboxException when a target became unreplaceable during the run, or a move fails (then nothing was
     *                           changed)
     */
    public synchronized void commit() {
        if (committed || closed) {
            throw new IllegalStateException("output already " + (committed ? "committed" : "closed"));
        }
        for (Target t : targets) {
            requireReplaceable(t, option); // the user may have put something there while the work ran
        }
        Path replaced = staging.resolve(REPLACED);
        try {
            for (Target t : targets) {
                if (t instanceof FolderTarget f && Files.isDirectory(stage(t.path()))
                        && !OwnedFolder.isMarked(stage(t.path()), f.kind())) {
                    OwnedFolder.mark(stage(t.path()), f.kind(), null);
                }
            }
            Files.createDirectories(replaced);
            for (Target t : targets) {
                Path staged = stage(t.path());
                if (!Files.exists(staged, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (Files.exists(t.path(), LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(t.path(), replaced.resolve(t.path().getFileName().toString()),
                            StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(staged, t.path(), StandardCopyOption.ATOMIC_MOVE);
                moved.add(t);
            }
            committed = true;
        } catch (IOException e) {
            undo();
            throw DiskErrors.cannotWrite(primary(), e);
        } finally {
            if (committed) {
                Folders.delete(staging);
            }
        }
    }

    /** Deletes the staging folder unless the output was committed. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (!committed) {
                undo();
                Folders.delete(staging);
            }
            guard.close();
        }
    }

    private synchronized String interrupted() {
        if (committed || closed) {
            return null;
        }
        closed = true;
        undo();
        Folders.delete(staging);
        return "interrupted; nothing was changed in " + primary();
    }

    /**
     * Takes the new output of a commit that did not finish back out of place and puts back what it had moved aside
     * (and, for a target whose earlier version was already moved aside, that version).
     */
    private void undo() {
        Path replaced = staging.resolve(REPLACED);
        for (Target t : targets) {
            Path old = replaced.resolve(t.path().getFileName().toString());
            try {
                if (moved.contains(t)) {
                    Files.move(t.path(), stage(t.path()), StandardCopyOption.ATOMIC_MOVE);
                }
                if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(old, t.path(), StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                // keep the staging folder, which holds the earlier output, for the user to recover from
                throw GlassboxException.badInput(old, "could not be moved back to " + t.path() + " ("
                        + DiskErrors.reason(e) + "); the earlier output is still in " + staging);
            }
        }
        moved.clear();
    }

    private static void requireReplaceable(Target t, String option) {
        if (t instanceof FolderTarget f) {
            OwnedFolder.requireReplaceable(f.path(), f.kind(), option);
        } else if (t instanceof FileTarget f && Files.exists(f.path(), LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(f.path(), LinkOption.NOFOLLOW_LINKS)) {
                throw GlassboxException.usage(f.path() + " is in the way: it is "
                        + (Files.isDirectory(f.path()) ? "a folder" : "not a plain file") + ", not " + f.what()
                        + "; choose another " + option + ", or move it");
            }
            if (!f.written().test(f.path())) {
                throw GlassboxException.usage(f.path() + " is in the way: it is not " + f.what() + " Glassbox"
                        + " wrote, so it will not be replaced; choose another " + option + ", or move it" + f.remedy());
            }
        }
    }

    private static void requireNoFileOnPath(Path parent, Path target, String option) {
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw GlassboxException.usage(existing + " is a file, so " + target + " cannot be made there; choose"
                    + " another " + option);
        }
    }

    private static void requireWritableParent(Path parent, Path target, String option) {
        requireNoFileOnPath(parent, target, option);
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw DiskErrors.cannotWrite(parent, e);
        }
        if (!Files.isWritable(parent)) {
            throw GlassboxException.badInput(parent, "cannot be written (permission denied); choose another "
                    + option);
        }
    }

    /**
     * Deletes the staging folders for {@code name} left beside it by runs that were killed, first putting back
     * anything they had moved aside whose place is now empty. Staging folders of runs still going are left alone.
     */
    static void removeAbandoned(Path parent, String name) {
        for (Path p : Folders.named(parent, "." + name + ".writing-")) {
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            var stamp = ProcessStamp.read(p.resolve(STAMP));
            if (stamp.isEmpty() || stamp.get().isAlive()) {
                continue;
            }
            for (Path old : Folders.named(p.resolve(REPLACED), "")) {
                Path place = parent.resolve(old.getFileName().toString());
                if (!Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.move(old, place, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException e) {
                        continue;
                    }
                }
            }
            Folders.delete(p);
        }
    }
}
