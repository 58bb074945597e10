package dev.glassbox.files;

import dev.glassbox.GlassboxException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/** Input/output failures said in the user's words: which disk is full, which path is a folder, which is read-only. */
public final class DiskErrors {

    private DiskErrors() {}

    /** Whether the failure, or one it was caused by, is a full disk. */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof IOException && m != null && m.toLowerCase(Locale.ROOT).contains("no space left")) {
                return true;
            }
        }
        return false;
    }

    /** The file a failure names, where it names one. */
    public static Path fileOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException f && f.getFile() != null) {
                return Path.of(f.getFile());
            }
        }
        return null;
    }

    /** What went wrong, in a few words, without the file name the exception may repeat. */
    public static String reason(IOException e) {
        if (isDiskFull(e)) {
            return "no space left on the disk";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ').trim();
    }

    /**
     * A failure to write {@code target}, as a one-line error (exit 3). A full disk names the disk by the folder that
     * sits on it; the temporary folder is called so, with the way to move it.
     */
    public static GlassboxException cannotWrite(Path target, IOException e) {
        if (isDiskFull(e)) {
            return diskFull(fileOf(e) != null ? fileOf(e) : target, e);
        }
        return GlassboxException.badInput(target, "cannot be written: " + reason(e), e);
    }

    /**
     * "no space left on the disk holding FOLDER", or "on the temporary disk" for Glassbox's own scratch folders in
     * the system's temporary folder (exit 3).
     */
    public static GlassboxException diskFull(Path where, Throwable cause) {
        if (where == null) {
            return GlassboxException.badInput(Path.of(System.getProperty("user.dir")), "no space left on a disk"
                    + " Glassbox was writing to (the output's, or the temporary folder's); free some space");
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path at = where.toAbsolutePath().normalize();
        // a file inside a staging folder is named by the folder the output goes to
        for (Path p = at; p != null && p.getFileName() != null; p = p.getParent()) {
            if (p.getFileName().toString().startsWith(".") && p.getFileName().toString().contains(".writing-")) {
                at = p.getParent().resolve(p.getFileName().toString().replaceFirst("^\\.(.*)\\.writing-.*$", "$1"));
                break;
            }
        }
        boolean scratch = at.startsWith(tmp) && at.getNameCount() > tmp.getNameCount()
                && at.getName(tmp.getNameCount()).toString().startsWith("glassbox-");
        String message = scratch
                ? "no space left on the temporary disk (" + tmp + "); free some space there, or point Glassbox"
                        + " elsewhere with GLASSBOX_JAVA_OPTS=-Djava.io.tmpdir=DIR"
                : "no space left on the disk holding " + (at.getParent() != null ? at.getParent() : at)
                        + "; free some space there, or write elsewhere";
        return GlassboxException.badInput(at, message, cause);
    }
}
