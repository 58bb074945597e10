package dev.glassbox;

import java.nio.file.Path;

/**
 * An error a user can act on: it carries the exit code of DESIGN.md §5 and a one-line message that names the file
 * (when there is one) and what is wrong with it.
 */
public final class GlassboxException extends RuntimeException {

    /** Exit codes of the command line contract. */
    public enum Kind {
        /** The battery or the gradient self-check failed. */
        CHECK_FAILED(1),
        /** Usage or configuration error. */
        USAGE(2),
        /** Unreadable or unsupported input: model, image, data folder. */
        BAD_INPUT(3),
        /** A bug in Glassbox. */
        INTERNAL(4);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    private GlassboxException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static GlassboxException badInput(Path file, String problem) {
        return new GlassboxException(Kind.BAD_INPUT, file + ": " + problem, null);
    }

    public static GlassboxException badInput(Path file, String problem, Throwable cause) {
        return new GlassboxException(Kind.BAD_INPUT, file + ": " + problem, cause);
    }

    public static GlassboxException usage(String problem) {
        return new GlassboxException(Kind.USAGE, problem, null);
    }

    public static GlassboxException internal(String problem, Throwable cause) {
        return new GlassboxException(Kind.INTERNAL, problem, cause);
    }

    public Kind kind() {
        return kind;
    }

    public int exitCode() {
        return kind.exitCode();
    }
}
